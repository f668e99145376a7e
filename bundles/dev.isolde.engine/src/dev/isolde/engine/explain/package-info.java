// SPDX-License-Identifier: EPL-2.0
/** Answers why an address is mapped where it is, and what each ASI instance covers. */
package dev.isolde.engine.explain;

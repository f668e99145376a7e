// SPDX-License-Identifier: EPL-2.0
/** Compares two policies on one kernel image. */
package dev.isolde.engine.diff;

// SPDX-License-Identifier: EPL-2.0
/** Synthetic machines and the engine benchmark behind isolde bench. */
package dev.isolde.engine.bench;

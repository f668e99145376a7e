// SPDX-License-Identifier: EPL-2.0
/** Gives every memory object and region one memory class, with the rule that decided it. */
package dev.isolde.engine.classify;

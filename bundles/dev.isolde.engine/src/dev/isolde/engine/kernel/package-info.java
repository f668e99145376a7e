// SPDX-License-Identifier: EPL-2.0
/** The engine's compact, columnar input view of a kernel: memory objects, layout regions, contexts, machine facts. */
package dev.isolde.engine.kernel;

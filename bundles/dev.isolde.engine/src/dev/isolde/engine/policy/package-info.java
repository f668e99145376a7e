// SPDX-License-Identifier: EPL-2.0
/** The compiled classification policy: the contract between the DSL compiler and the engine. */
package dev.isolde.engine.policy;

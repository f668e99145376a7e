// SPDX-License-Identifier: EPL-2.0
/** Full and restricted kernel address spaces as sorted interval arrays, and the builder of ASI instances. */
package dev.isolde.engine.space;

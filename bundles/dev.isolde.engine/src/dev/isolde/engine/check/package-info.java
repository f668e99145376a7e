// SPDX-License-Identifier: EPL-2.0
/** Named checks of the RFC's guarantees over restricted address spaces. */
package dev.isolde.engine.check;

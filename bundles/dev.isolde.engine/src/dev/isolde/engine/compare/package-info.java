// SPDX-License-Identifier: EPL-2.0
/** Two policies, possibly of different ASI models (rfc2022, asi2025), side by side on one kernel image. */
package dev.isolde.engine.compare;

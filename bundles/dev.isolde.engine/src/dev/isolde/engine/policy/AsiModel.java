// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

/** Which ASI design a policy is written for (DESIGN §2, §2b). */
public enum AsiModel {
    /** The 2022 RFC (allowlist): sensitive by default, global and local non-sensitive classes. */
    RFC2022,
    /** The 2024/2025 series (denylist): non-sensitive unless marked __GFP_SENSITIVE, no local class. */
    ASI2025
}

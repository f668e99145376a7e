// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import java.util.Locale;

/** Which ASI design a policy is written for (DESIGN §2, §2b). */
public enum AsiModel {
    /** The 2022 RFC (allowlist): sensitive by default, global and local non-sensitive classes. */
    RFC2022,
    /** The 2024/2025 series (denylist): non-sensitive unless marked __GFP_SENSITIVE, no local class. */
    ASI2025;

    /** What the model's default class is called in reports when no rule matched. */
    public static final String ASI2025_DEFAULT = "asi2025 default: non-sensitive unless marked __GFP_SENSITIVE";
    /** Why a sensitive rule cannot unmap kernel-image memory under asi2025. */
    public static final String ASI2025_KERNEL_IMAGE =
            "asi2025 maps the whole kernel image, fixmap and static per-cpu data";

    /** The model as the DSL writes it: {@code rfc2022}, {@code asi2025}. */
    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }
}

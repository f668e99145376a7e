// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.Locale;

/** A mitigation strategy the simulator compares on the same workload. */
public enum Strategy {
    /** The policy as written: restricted spaces, exits on faults, the classes' hooks. */
    ASI,
    /** L1D flush and MDS clear on every entry to untrusted code, SMT off (the L1TF "full mitigation"). */
    ALWAYS_FLUSH,
    /** Siblings run only same-cookie tasks; the sibling is stunned on every kernel entry. */
    CORE_SCHEDULING,
    /**
     * Chartre's kernel core scheduling: KVM code that touches no sensitive data runs tagged beside the guest; the
     * first sensitive access untags and stuns the sibling (lore.kernel.org, reply to the 2022 ASI RFC).
     */
    KERNEL_CORE_SCHEDULING,
    /** No mitigation. */
    NONE;

    /** The name as the CLI writes it. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

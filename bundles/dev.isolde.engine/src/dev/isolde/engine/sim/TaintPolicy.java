// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * What an ASI class of the 2025 series guards on the way back to untrusted code (DESIGN §2b).
 *
 * @param preventControl taints whose branch-predictor state must not steer the untrusted code (IBPB + RSB fill)
 * @param protectData taints whose data must not stay in the L1D for the untrusted code to sample (L1D flush)
 */
public record TaintPolicy(int preventControl, int protectData) {
    /** The guest's class: no host or other-guest control state, no kernel or other data (KVM in the 2025 series). */
    public static final TaintPolicy VM = new TaintPolicy(Taint.USER_CONTROL.bit() | Taint.OTHER_MM_CONTROL.bit(),
            Taint.KERNEL_DATA.bit() | Taint.USER_DATA.bit() | Taint.OTHER_MM_DATA.bit());
    /** The process's class: no other process's control state, no kernel or other-mm data. */
    public static final TaintPolicy PROCESS = new TaintPolicy(Taint.GUEST_CONTROL.bit()
            | Taint.OTHER_MM_CONTROL.bit(), Taint.KERNEL_DATA.bit() | Taint.GUEST_DATA.bit()
                    | Taint.OTHER_MM_DATA.bit());

    /** True if returning to untrusted code with {@code taints} needs IBPB and an RSB fill. */
    public boolean needsControlFlush(int taints) {
        return (taints & preventControl) != 0;
    }

    /** True if returning to untrusted code with {@code taints} needs an L1D flush. */
    public boolean needsDataFlush(int taints) {
        return (taints & protectData) != 0;
    }
}

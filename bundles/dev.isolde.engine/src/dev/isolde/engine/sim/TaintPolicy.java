// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.policy.Hook;
import java.util.List;

/**
 * What an ASI class of the 2024–25 series guards on the way back to untrusted code (DESIGN §2b; struct
 * asi_taint_policy in arch/x86/include/asm/asi.h of the series).
 *
 * @param preventControl taints whose branch-predictor state must not steer the untrusted code: a control flush
 *     before entering (maybe_flush_control)
 * @param protectData taints whose data must not stay in the L1D and CPU buffers for the untrusted code to sample: a
 *     data flush before entering (maybe_flush_data)
 * @param set taints the untrusted code leaves behind once it runs (ORed in by __asi_enter)
 * @param controlFlush what a control flush runs (IBPB and an RSB fill unless the class says otherwise)
 * @param dataFlush what a data flush runs (L1D flush and VERW unless the class says otherwise)
 */
public record TaintPolicy(int preventControl, int protectData, int set, List<Hook> controlFlush,
        List<Hook> dataFlush) {

    /** The control flush of the series: IBPB, then refill the return stack buffer. */
    public static final List<Hook> CONTROL_FLUSH = List.of(Hook.IBPB, Hook.RSB_FILL);
    /** The data flush: L1D flush and VERW (the MDS buffer clear). */
    public static final List<Hook> DATA_FLUSH = List.of(Hook.L1D_FLUSH, Hook.MDS_CLEAR);

    /**
     * ASI_CLASS_KVM (kvm_x86_init_asi_class): protect the host kernel, other processes and the VMM from the guest,
     * keep other processes' branch state from the guest; the guest leaves data and control taints.
     */
    public static final TaintPolicy KVM = new TaintPolicy(Taint.OTHER_MM_CONTROL.bit(),
            Taint.KERNEL_DATA.bit() | Taint.OTHER_MM_DATA.bit() | Taint.USER_DATA.bit(),
            Taint.GUEST_DATA.bit() | Taint.GUEST_CONTROL.bit());
    /**
     * ASI_CLASS_USERSPACE (asi_init_userspace_class): protect the kernel and other processes; no guest or other
     * process's branch state; guest data is not protected (the guest trusts its VMM).
     */
    public static final TaintPolicy USERSPACE = new TaintPolicy(Taint.GUEST_CONTROL.bit()
            | Taint.OTHER_MM_CONTROL.bit(), Taint.KERNEL_DATA.bit() | Taint.OTHER_MM_DATA.bit(),
            Taint.USER_DATA.bit() | Taint.USER_CONTROL.bit());
    /** The guest's class (first version's name). */
    public static final TaintPolicy VM = KVM;
    /** The process's class (first version's name). */
    public static final TaintPolicy PROCESS = USERSPACE;

    public TaintPolicy {
        controlFlush = List.copyOf(controlFlush);
        dataFlush = List.copyOf(dataFlush);
    }

    /** A policy with the series' flushes. */
    public TaintPolicy(int preventControl, int protectData, int set) {
        this(preventControl, protectData, set, CONTROL_FLUSH, DATA_FLUSH);
    }

    /** A policy that sets no taints of its own (first version's form). */
    public TaintPolicy(int preventControl, int protectData) {
        this(preventControl, protectData, 0);
    }

    /** The series' policy for a class of contexts of {@code kind}. */
    public static TaintPolicy of(ContextKind kind) {
        return kind == ContextKind.PROCESS ? USERSPACE : KVM;
    }

    /** True if returning to untrusted code with {@code taints} needs a control flush. */
    public boolean needsControlFlush(int taints) {
        return (taints & preventControl) != 0;
    }

    /** True if returning to untrusted code with {@code taints} needs a data flush. */
    public boolean needsDataFlush(int taints) {
        return (taints & protectData) != 0;
    }

    /** This policy with other flush actions. */
    public TaintPolicy withFlushes(List<Hook> control, List<Hook> data) {
        return new TaintPolicy(preventControl, protectData, set, control, data);
    }
}

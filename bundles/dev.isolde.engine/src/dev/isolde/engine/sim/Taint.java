// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/**
 * The taints of the 2025 ASI series (DESIGN §2b): what untrusted or sensitive state a CPU may hold in its
 * microarchitectural buffers; kept as bits of an int per CPU so the hot path does not allocate.
 */
public enum Taint {
    KERNEL_DATA, USER_DATA, GUEST_DATA, OTHER_MM_DATA, USER_CONTROL, GUEST_CONTROL, OTHER_MM_CONTROL;

    /** The bit of this taint. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Bits of the data taints, flushed with an L1D flush. */
    public static final int DATA = 1 | 2 | 4 | 8;
    /** Bits of the control taints, flushed with IBPB and an RSB fill. */
    public static final int CONTROL = 16 | 32 | 64;
}

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

    /** The names of the taints in {@code bits}, lower case as the DSL writes them. */
    public static java.util.List<String> names(int bits) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Taint t : values()) {
            if ((bits & t.bit()) != 0) {
                out.add(t.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** The bits of the taints named {@code names} (lower or upper case). */
    public static int bits(Iterable<String> names) {
        int bits = 0;
        for (String n : names) {
            bits |= valueOf(n.toUpperCase(java.util.Locale.ROOT)).bit();
        }
        return bits;
    }
}

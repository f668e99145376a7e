// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

/** The events of a trace (see the package documentation for their text form). */
public enum EventKind {
    VMENTER, VMEXIT, SYSCALL, SYSRET, READ, WRITE, IRQ, NMI, CTXSWITCH, ASI_EXIT,
    /** The CPU goes idle (hlt): it runs nothing until the next interrupt. */
    IDLE;

    private static final EventKind[] VALUES = values();

    /** The kind with the given ordinal, without allocating. */
    public static EventKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** True for memory accesses. */
    public boolean isAccess() {
        return this == READ || this == WRITE;
    }
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

/** The kinds of untrusted context the RFC gives ASI instances to: a process, a VM or one vCPU of a VM. */
public enum ContextKind {
    PROCESS, VM, VCPU;

    private static final ContextKind[] VALUES = values();

    /** Returns the kind with the given ordinal. */
    public static ContextKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}

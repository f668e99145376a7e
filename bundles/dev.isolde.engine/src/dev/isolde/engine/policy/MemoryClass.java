// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

/** The RFC's memory classes: what a restricted address space may map. */
public enum MemoryClass {
    /** Only in the unrestricted page tables. */
    SENSITIVE,
    /** Mapped in every restricted address space. */
    GLOBAL_NONSENSITIVE,
    /** Mapped only in the restricted address space of the owning untrusted context. */
    LOCAL_NONSENSITIVE
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

/** What kind of kernel memory an object is; selectors of the policy language match by kind. */
public enum ObjectKind {
    STATIC_DATA, TEXT, RODATA, BSS, PERCPU, SLAB_CACHE, PAGE_ALLOC, VMALLOC, STACK, USER, GUEST, REGION_FILL;

    private static final ObjectKind[] VALUES = values();

    /** Returns the kind with the given ordinal, without allocating a copy of {@code values()}. */
    public static ObjectKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** True for kinds that come from the kernel image's symbol table (kallsyms, System.map). */
    public boolean isSymbol() {
        return this == STATIC_DATA || this == TEXT || this == RODATA || this == BSS || this == PERCPU;
    }
}

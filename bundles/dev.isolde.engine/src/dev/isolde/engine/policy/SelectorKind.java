// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

/** What a rule's patterns are matched against; one per annotation mechanism of the RFC plus layout regions. */
public enum SelectorKind {
    /** Names of static, text, rodata, bss and per-cpu symbols. */
    SYMBOL,
    /** ELF section names, e.g. {@code .data..asi_non_sensitive}. */
    SECTION,
    /** Names of per-cpu variables. */
    PERCPU,
    /** Names of layout regions; the whole region range gets the class. */
    REGION,
    /** Slab cache names. */
    SLAB,
    /** Page allocator call sites. */
    ALLOC,
    /** vmalloc callers. */
    VMALLOC,
    /** Stack types: {@code kernel}, {@code irq}, {@code exception}, ... */
    STACK,
    /** Context memory: {@code user} or {@code guest}. */
    MEMORY
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Layout;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;

/**
 * Where the 2022 RFC puts locally non-sensitive memory. Patch 17/47 adds the "ASI local map", a second copy of the
 * direct map whose page tables are per process in restricted spaces (the full page tables mirror the direct map into
 * it), and halves the RAM the direct map can hold to make room. The vmalloc patches split the vmalloc range at a PGD
 * boundary: locally non-sensitive areas are allocated below {@link #vmallocGlobalStart}, globally non-sensitive ones
 * above it; sensitive areas may go anywhere. Restricted PGDs share the global non-sensitive sub-tables outside the
 * local ranges (arch/x86/mm/asi.c in the RFC: asi_init, asi_vmalloc_init, kernel_randomize_memory).
 *
 * @param localMapStart ASI_LOCAL_MAP: a direct-map address {@code page_offset + pa} has its alias at
 *        {@code localMapStart + pa}
 * @param localMapEnd one past the alias of the highest RAM address
 * @param ramBytes the RAM the direct map holds (up to the highest System RAM address)
 * @param maxRam the most RAM the halved direct map holds (MAXMEM / 2)
 * @param vmallocStart VMALLOC_START, or 0 when the kernel model has no vmalloc region (then no split)
 * @param vmallocGlobalStart VMALLOC_GLOBAL_NONSENSITIVE_START (the local half ends just below it)
 * @param vmallocEnd one past VMALLOC_END
 * @param localPercent vmalloc_local_nonsensitive_percent after the kernel's clamping to 1..99
 */
public record Rfc2022Layout(long localMapStart, long localMapEnd, long ramBytes, long maxRam, long vmallocStart,
        long vmallocGlobalStart, long vmallocEnd, int localPercent) {

    /** CONFIG_RANDOMIZE_MEMORY_PHYSICAL_PADDING's default, in TB, added to RAM when KASLR sizes the direct map. */
    private static final long KASLR_PADDING_TB = 10;
    private static final int PTRS_PER_PGD = 512;
    private static final int TB_SHIFT = 40;

    /** The layout of {@code kernel} under the RFC with {@code percent} of vmalloc space per process. */
    public static Rfc2022Layout of(KernelImage kernel, int percent) {
        int levels = kernel.facts().pagingLevels();
        int pgdirShift = levels == 5 ? 48 : 39;
        int maxPhysmemBits = levels == 5 ? 52 : 46;
        long pgdirSize = 1L << pgdirShift;
        Region directMap = kernel.region("direct_map");
        Layout documented = Layout.x86_64(levels, -1);
        long pageOffset = directMap != null ? directMap.start()
                : kernel.layout() != null ? kernel.layout().directMapStart() : documented.directMapStart();
        // the engine's direct_map region is clipped to the top of System RAM (see the importer)
        long ram = directMap != null ? directMap.size() : 0;
        long localMap;
        if (pageOffset == documented.directMapStart()) {
            // no memory KASLR: __ASI_LOCAL_MAP_BASE = __PAGE_OFFSET + ALIGN(BIT(MAX_PHYSMEM_BITS - 1), PGDIR_SIZE)
            localMap = pageOffset + alignUp(1L << (maxPhysmemBits - 1), pgdirSize);
        } else {
            // kernel_randomize_memory: the direct-map region, sized from RAM plus padding and doubled, holds the local
            // map one PGD entry past its first half
            long memoryTb = Math.min((ram + (1L << TB_SHIFT) - 1 >>> TB_SHIFT) + KASLR_PADDING_TB,
                    1L << (maxPhysmemBits - 1 - TB_SHIFT));
            localMap = pageOffset + pgdirSize + alignUp(memoryTb << TB_SHIFT, pgdirSize);
        }
        int clamped = Math.max(1, Math.min(99, percent));
        Region vmalloc = kernel.region("vmalloc");
        long vStart = 0;
        long vGlobal = 0;
        long vEnd = 0;
        if (vmalloc != null) {
            vStart = vmalloc.start();
            vEnd = vmalloc.end();
            int startIndex = pgdIndex(vStart, pgdirShift);
            int endIndex = pgdIndex(vEnd - 1, pgdirShift);
            int globalIndex = Math.max(startIndex + (endIndex - startIndex) * clamped / 100, startIndex + 1);
            vGlobal = -(long) (PTRS_PER_PGD - globalIndex) * pgdirSize;
        }
        return new Rfc2022Layout(localMap, localMap + ram, ram, 1L << (maxPhysmemBits - 1), vStart, vGlobal, vEnd,
                clamped);
    }

    private static int pgdIndex(long va, int pgdirShift) {
        return (int) ((va >>> pgdirShift) & (PTRS_PER_PGD - 1));
    }

    private static long alignUp(long v, long to) {
        return (v + to - 1) & -to;
    }

    /** The local-map alias of physical address {@code pa}. */
    public long alias(long pa) {
        return localMapStart + pa;
    }

    /** True if {@code va} lies in the ASI local map. */
    public boolean inLocalMap(long va) {
        return UnsignedOrder.le(localMapStart, va) && UnsignedOrder.lt(va, localMapEnd);
    }

    /** True if the RAM exceeds what the halved direct map can hold: the RFC's kernel would not use the rest. */
    public boolean ramExceedsHalvedDirectMap() {
        return Long.compareUnsigned(ramBytes, maxRam) > 0;
    }

    /** True if the model has a vmalloc region to split. */
    public boolean hasVmallocSplit() {
        return vmallocEnd != 0;
    }

    /** True if {@code [from, to)} lies in the per-process (locally non-sensitive) half of vmalloc space. */
    public boolean inLocalVmalloc(long from, long to) {
        return hasVmallocSplit() && UnsignedOrder.le(vmallocStart, from) && UnsignedOrder.le(to, vmallocGlobalStart);
    }

    /** True if {@code [from, to)} lies in the global half of vmalloc space. */
    public boolean inGlobalVmalloc(long from, long to) {
        return hasVmallocSplit() && UnsignedOrder.le(vmallocGlobalStart, from) && UnsignedOrder.le(to, vmallocEnd);
    }
}

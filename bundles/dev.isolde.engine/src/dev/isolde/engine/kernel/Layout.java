// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

/**
 * Where the linear mappings of physical memory sit in the kernel's virtual address space, so that a physical address
 * can be computed for direct-map and kernel-image objects: PA = VA - page_offset_base in the direct map and
 * PA = VA - __START_KERNEL_map + phys_base in the kernel image (arch/x86/include/asm/page_64.h, __phys_addr_nodebug).
 *
 * @param physBase the kernel's phys_base, or -1 when unknown (KASLR randomises it), making kernel-image PAs unknown
 */
public record Layout(long directMapStart, long directMapEnd, long kernelMapStart, long kernelMapEnd, long physBase) {

    /** __START_KERNEL_map, fixed on x86-64 (Documentation/arch/x86/x86_64/mm.rst, "kernel text mapping"). */
    public static final long START_KERNEL_MAP = 0xffffffff80000000L;
    /** End of the 512 MiB kernel text mapping (mm.rst). */
    public static final long KERNEL_MAP_END = 0xffffffffa0000000L;

    /** The default x86-64 layout without KASLR, for 4- or 5-level paging, per mm.rst. */
    public static Layout x86_64(int pagingLevels, long physBase) {
        return switch (pagingLevels) {
            // 4-level: ffff888000000000 .. ffffc87fffffffff, 64 TB direct mapping of all physical memory
            case 4 -> new Layout(0xffff888000000000L, 0xffffc88000000000L, START_KERNEL_MAP, KERNEL_MAP_END, physBase);
            // 5-level: ff11000000000000 .. ff90ffffffffffff, 32 PB direct mapping of all physical memory
            case 5 -> new Layout(0xff11000000000000L, 0xff91000000000000L, START_KERNEL_MAP, KERNEL_MAP_END, physBase);
            default -> throw new IllegalArgumentException("paging levels must be 4 or 5: " + pagingLevels);
        };
    }

    /** The physical address behind {@code va}, or -1 if {@code va} is not in a linear mapping this layout knows. */
    public long physOf(long va) {
        if (UnsignedOrder.le(directMapStart, va) && UnsignedOrder.lt(va, directMapEnd)) {
            return va - directMapStart;
        }
        if (physBase >= 0 && UnsignedOrder.le(kernelMapStart, va) && UnsignedOrder.lt(va, kernelMapEnd)) {
            return va - kernelMapStart + physBase;
        }
        return -1;
    }
}

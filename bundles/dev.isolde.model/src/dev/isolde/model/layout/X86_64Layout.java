// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.layout;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.Region;
import dev.isolde.model.RegionKind;

/**
 * The x86-64 kernel virtual memory maps for 4- and 5-level paging, row by row as in
 * Documentation/arch/x86/x86_64/mm.rst, with the KASLR-randomised bases applied when known.
 */
public final class X86_64Layout {

	private X86_64Layout() {
	}

	private static LayoutRow row(long start, long end, RegionKind kind, String name, String description) {
		return new LayoutRow(start, end, kind, name, description);
	}

	/** The rows of mm.rst for the given paging levels (4 or 5), top of the user half to the end. */
	public static List<LayoutRow> rows(int pagingLevels) {
		List<LayoutRow> rows = new ArrayList<>();
		if (pagingLevels == 5) {
			rows.add(row(0x0000000000000000L, 0x00ffffffffffffffL, RegionKind.USER, "user", "user-space virtual memory, different per mm"));
			rows.add(row(0x0100000000000000L, 0xfeffffffffffffffL, RegionKind.HOLE, "non_canonical", "non-canonical hole up to the -64 PB start of kernel mappings"));
			rows.add(row(0xff00000000000000L, 0xff0fffffffffffffL, RegionKind.GUARD, "guard_hole", "guard hole, also reserved for hypervisor"));
			rows.add(row(0xff10000000000000L, 0xff10ffffffffffffL, RegionKind.LDT_REMAP, "ldt_remap", "LDT remap for PTI"));
			rows.add(row(0xff11000000000000L, 0xff90ffffffffffffL, RegionKind.DIRECT_MAP, "direct_map", "direct mapping of all physical memory (page_offset_base)"));
			rows.add(row(0xff91000000000000L, 0xff9fffffffffffffL, RegionKind.UNUSED, "unused_1", "unused hole"));
			rows.add(row(0xffa0000000000000L, 0xffd1ffffffffffffL, RegionKind.VMALLOC, "vmalloc", "vmalloc/ioremap space (vmalloc_base)"));
			rows.add(row(0xffd2000000000000L, 0xffd3ffffffffffffL, RegionKind.UNUSED, "unused_2", "unused hole"));
			rows.add(row(0xffd4000000000000L, 0xffd5ffffffffffffL, RegionKind.VMEMMAP, "vmemmap", "virtual memory map (vmemmap_base)"));
			rows.add(row(0xffd6000000000000L, 0xffdeffffffffffffL, RegionKind.UNUSED, "unused_3", "unused hole"));
			rows.add(row(0xffdf000000000000L, 0xfffffbffffffffffL, RegionKind.KASAN_SHADOW, "kasan_shadow", "KASAN shadow memory"));
		} else {
			rows.add(row(0x0000000000000000L, 0x00007fffffffffffL, RegionKind.USER, "user", "user-space virtual memory, different per mm"));
			rows.add(row(0x0000800000000000L, 0xffff7fffffffffffL, RegionKind.HOLE, "non_canonical", "non-canonical hole up to the -128 TB start of kernel mappings"));
			rows.add(row(0xffff800000000000L, 0xffff87ffffffffffL, RegionKind.GUARD, "guard_hole", "guard hole, also reserved for hypervisor"));
			rows.add(row(0xffff880000000000L, 0xffff887fffffffffL, RegionKind.LDT_REMAP, "ldt_remap", "LDT remap for PTI"));
			rows.add(row(0xffff888000000000L, 0xffffc87fffffffffL, RegionKind.DIRECT_MAP, "direct_map", "direct mapping of all physical memory (page_offset_base)"));
			rows.add(row(0xffffc88000000000L, 0xffffc8ffffffffffL, RegionKind.UNUSED, "unused_1", "unused hole"));
			rows.add(row(0xffffc90000000000L, 0xffffe8ffffffffffL, RegionKind.VMALLOC, "vmalloc", "vmalloc/ioremap space (vmalloc_base)"));
			rows.add(row(0xffffe90000000000L, 0xffffe9ffffffffffL, RegionKind.UNUSED, "unused_2", "unused hole"));
			rows.add(row(0xffffea0000000000L, 0xffffeaffffffffffL, RegionKind.VMEMMAP, "vmemmap", "virtual memory map (vmemmap_base)"));
			rows.add(row(0xffffeb0000000000L, 0xffffebffffffffffL, RegionKind.UNUSED, "unused_3", "unused hole"));
			rows.add(row(0xffffec0000000000L, 0xfffffbffffffffffL, RegionKind.KASAN_SHADOW, "kasan_shadow", "KASAN shadow memory"));
		}
		// "Identical layout to the 47-bit one from here on" (mm.rst)
		rows.add(row(0xfffffc0000000000L, 0xfffffdffffffffffL, RegionKind.UNUSED, "unused_4", "unused hole; vaddr_end for KASLR"));
		rows.add(row(0xfffffe0000000000L, 0xfffffe7fffffffffL, RegionKind.CPU_ENTRY_AREA, "cpu_entry_area", "cpu_entry_area mapping"));
		rows.add(row(0xfffffe8000000000L, 0xfffffeffffffffffL, RegionKind.UNUSED, "unused_5", "unused hole"));
		rows.add(row(0xffffff0000000000L, 0xffffff7fffffffffL, RegionKind.ESPFIX, "espfix", "%esp fixup stacks"));
		rows.add(row(0xffffff8000000000L, 0xffffffeeffffffffL, RegionKind.UNUSED, "unused_6", "unused hole"));
		rows.add(row(0xffffffef00000000L, 0xfffffffeffffffffL, RegionKind.EFI, "efi", "EFI region mapping space"));
		rows.add(row(0xffffffff00000000L, 0xffffffff7fffffffL, RegionKind.UNUSED, "unused_7", "unused hole"));
		rows.add(row(0xffffffff80000000L, 0xffffffff9fffffffL, RegionKind.KERNEL_TEXT, "kernel_text", "kernel text mapping, mapped to physical address 0"));
		rows.add(row(0xffffffffa0000000L, 0xfffffffffeffffffL, RegionKind.MODULES, "modules", "module mapping space"));
		// FIXADDR_START is "variable size and offset" (~-11 MB); the unused gap below it is folded into the row.
		rows.add(row(0xffffffffff000000L, 0xffffffffff5fffffL, RegionKind.FIXMAP, "fixmap", "kernel-internal fixmap range, variable size and offset"));
		rows.add(row(0xffffffffff600000L, 0xffffffffff600fffL, RegionKind.VSYSCALL, "vsyscall", "legacy vsyscall ABI"));
		rows.add(row(0xffffffffff601000L, 0xffffffffffdfffffL, RegionKind.UNUSED, "unused_8", "unused hole"));
		rows.add(row(0xffffffffffe00000L, 0xffffffffffffffffL, RegionKind.UNUSED, "unused_9", "unused hole"));
		return rows;
	}

	/**
	 * Replaces the machine's regions with the layout rows. With CONFIG_RANDOMIZE_MEMORY the direct map,
	 * vmalloc and vmemmap bases move (mm.rst: "their order is preserved but their base will be offset"),
	 * so a known base shifts its row, keeping its size.
	 */
	public static void populate(Machine machine) {
		machine.getRegions().clear();
		for (LayoutRow r : rows(machine.getPagingLevels())) {
			long start = r.start();
			long end = r.end();
			long base = switch (r.kind()) {
			case DIRECT_MAP -> machine.getPageOffsetBase();
			case VMALLOC -> machine.getVmallocBase();
			case VMEMMAP -> machine.getVmemmapBase();
			default -> 0;
			};
			if (base != 0 && base != start) {
				end = base + r.size() - 1;
				start = base;
			}
			Region region = IsoldeFactory.eINSTANCE.createRegion();
			region.setName(r.name());
			region.setKind(r.kind());
			region.setStart(start);
			region.setEnd(end);
			region.setDescription(r.description());
			machine.getRegions().add(region);
		}
	}
}

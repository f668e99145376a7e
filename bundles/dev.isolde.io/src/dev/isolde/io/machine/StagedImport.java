// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.model.AddressSpace;
import dev.isolde.model.ImportSource;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.PhysicalRange;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;
import dev.isolde.model.Vulnerability;

/**
 * What the files of one import produced, held outside any machine until every file has parsed.
 * <p>
 * Plain lists rather than a scratch {@code Machine}: moving a contained object between two EMF containment lists
 * removes it from the old list by search, which is quadratic for 100k symbols.
 */
final class StagedImport {

	final List<Symbol> symbols = new ArrayList<>();
	final List<MemoryObject> objects = new ArrayList<>();
	final List<PhysicalRange> physicalRanges = new ArrayList<>();
	final List<SlabCache> slabCaches = new ArrayList<>();
	final List<AddressSpace> addressSpaces = new ArrayList<>();
	final List<Vulnerability> vulnerabilities = new ArrayList<>();
	final List<ImportSource> sources = new ArrayList<>();

	/** The kernel image objects whose physical address follows from "Kernel code" once it is known. */
	final List<MemoryObject> imageObjects = new ArrayList<>();

	/** {@code _text}, or 0 when no kallsyms with real addresses was read. */
	long textBase;
	/** Sum of the top-level "System RAM" ranges, or -1 when no iomem with real addresses was read. */
	long physicalMemory = -1;
	/** The physical start of "Kernel code", or -1 when unknown. */
	long kernelCodePhysical = -1;
	/** Whether a real kernel address showed that the kernel runs with 5-level paging. */
	boolean fiveLevel;

	/**
	 * Notes a real (not hashed) virtual address: one in the kernel half below the 4-level start of kernel mappings,
	 * 0xffff800000000000, exists only with 5-level paging (Documentation/arch/x86/x86_64/mm.rst).
	 */
	void sawKernelAddress(long va) {
		fiveLevel |= Long.compareUnsigned(va, 0xff00_0000_0000_0000L) >= 0
				&& Long.compareUnsigned(va, 0xffff_8000_0000_0000L) < 0;
	}
}

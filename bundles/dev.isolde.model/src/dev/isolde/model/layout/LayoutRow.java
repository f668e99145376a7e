// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.layout;

import dev.isolde.model.RegionKind;

/** One row of the kernel's virtual memory map: an inclusive address range with its meaning. */
public record LayoutRow(long start, long end, RegionKind kind, String name, String description) {

	/** Size in bytes (the range is inclusive, as in mm.rst). */
	public long size() {
		return end - start + 1;
	}

	/** Whether {@code va} lies in this row, comparing addresses as unsigned 64-bit values. */
	public boolean contains(long va) {
		return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) <= 0;
	}
}

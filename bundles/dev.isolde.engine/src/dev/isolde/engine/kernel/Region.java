// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

import java.util.Objects;

/**
 * A named range of the kernel's virtual memory map ({@code direct_map}, {@code vmalloc}, {@code cpu_entry_area}, ...),
 * as listed in Documentation/arch/x86/x86_64/mm.rst; {@code end} is exclusive.
 */
public record Region(String name, long start, long end) {
    public Region {
        Objects.requireNonNull(name, "name");
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException("region " + name + " is empty or wraps: "
                    + UnsignedOrder.hex(start) + "-" + UnsignedOrder.hex(end));
        }
    }

    /** True if {@code va} lies in this region. */
    public boolean contains(long va) {
        return UnsignedOrder.le(start, va) && UnsignedOrder.lt(va, end);
    }

    /** True if the whole range {@code [from, to)} lies in this region. */
    public boolean encloses(long from, long to) {
        return UnsignedOrder.le(start, from) && UnsignedOrder.le(to, end);
    }

    /** Size in bytes. */
    public long size() {
        return end - start;
    }
}

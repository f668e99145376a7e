// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Layout;

/** One interval of an address space: {@code [start, end)} mapping the source packed in {@code attr}. */
public record Mapping(long start, long end, int attr, long phys) {

    /** The class key of what is mapped. */
    public int classKey() {
        return MappingAttr.classKey(attr);
    }

    /** The source object's index, or -1 if the interval is region fill. */
    public int objectIndex() {
        return MappingAttr.objectIndex(attr);
    }

    /** Size in bytes. */
    public long size() {
        return end - start;
    }

    /** The physical address behind {@code va} in this interval: recorded, else derived from the source, else -1. */
    public long physAt(long va, KernelImage kernel) {
        return physAt(start, attr, phys, va, kernel);
    }

    /** {@link #physAt(long, KernelImage)} for an interval given as its fields, without a Mapping. */
    public static long physAt(long start, int attr, long phys, long va, KernelImage kernel) {
        if (phys >= 0) {
            return phys + (va - start);
        }
        int obj = MappingAttr.objectIndex(attr);
        if (obj >= 0) {
            long base = kernel.physStart(obj);
            return base < 0 ? -1 : base + (va - kernel.start(obj));
        }
        Layout layout = kernel.layout();
        return layout == null ? -1 : layout.physOf(va);
    }
}

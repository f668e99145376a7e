// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

/**
 * Packs what an interval of an address space maps into one non-negative int: the memory class key (bits 28-30),
 * whether the source is a region rather than an object (bit 27) and the source's index (bits 0-26).
 */
public final class MappingAttr {
    /** Largest source index that fits. */
    public static final int MAX_INDEX = (1 << 27) - 1;
    private static final int REGION_BIT = 1 << 27;

    private MappingAttr() {
    }

    /** The attribute of memory object {@code index} with class key {@code classKey}. */
    public static int ofObject(int classKey, int index) {
        return pack(classKey, index, 0);
    }

    /** The attribute of the uncovered part of region {@code index} with class key {@code classKey}. */
    public static int ofRegion(int classKey, int index) {
        return pack(classKey, index, REGION_BIT);
    }

    private static int pack(int classKey, int index, int flag) {
        if (index < 0 || index > MAX_INDEX || classKey < 0 || classKey > 7) {
            throw new IllegalArgumentException("cannot pack class " + classKey + " index " + index);
        }
        return classKey << 28 | flag | index;
    }

    /** The class key. */
    public static int classKey(int attr) {
        return attr >>> 28;
    }

    /** True if the interval is part of a region not covered by any object. */
    public static boolean isRegion(int attr) {
        return (attr & REGION_BIT) != 0;
    }

    /** The index of the source object or region. */
    public static int index(int attr) {
        return attr & MAX_INDEX;
    }

    /** The source object's index, or -1 for a region. */
    public static int objectIndex(int attr) {
        return isRegion(attr) ? -1 : index(attr);
    }
}

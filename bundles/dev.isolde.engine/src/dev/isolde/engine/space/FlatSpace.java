// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

/** A space stored as its own parallel arrays. */
final class FlatSpace extends IndexedSpace {
    private final long[] start;
    private final long[] end;
    private final int[] attr;
    private final long[] phys;
    private final int count;
    /** Computed on first use; -1 until then (a benign race: every thread computes the same value). */

    /**
     * Takes ownership of arrays whose first {@code count} entries are sorted, disjoint intervals; {@code phys} may be
     * null when no interval records a PA.
     */
    FlatSpace(long[] start, long[] end, int[] attr, long[] phys, int count) {
        this.start = start;
        this.end = end;
        this.attr = attr;
        this.phys = phys;
        this.count = count;
    }

    @Override
    public int intervalCount() {
        return count;
    }


    @Override
    long start(int i) {
        return start[i];
    }

    @Override
    long end(int i) {
        return end[i];
    }

    @Override
    int attr(int i) {
        return attr[i];
    }

    @Override
    long phys(int i) {
        return phys == null ? -1 : phys[i];
    }
}

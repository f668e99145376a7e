// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

/**
 * A space made of some intervals of a parent space, held as an index set (DESIGN §5: restricted spaces are index sets
 * over the full space's intervals), so an instance costs four bytes per interval instead of twenty.
 */
final class SubSpace extends IndexedSpace {
    private final IndexedSpace parent;
    private final int[] index;
    /** Computed on first use; -1 until then (a benign race: every thread computes the same value). */

    /** {@code index} must be strictly ascending. */
    SubSpace(IndexedSpace parent, int[] index) {
        this.parent = parent;
        this.index = index;
    }

    @Override
    public int intervalCount() {
        return index.length;
    }


    @Override
    long start(int i) {
        return parent.start(index[i]);
    }

    @Override
    long end(int i) {
        return parent.end(index[i]);
    }

    @Override
    int attr(int i) {
        return parent.attr(index[i]);
    }

    @Override
    long phys(int i) {
        return parent.phys(index[i]);
    }
}

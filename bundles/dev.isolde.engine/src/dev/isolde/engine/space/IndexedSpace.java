// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.List;

/** A space whose intervals can be addressed by index, so lookups are a binary search. */
abstract sealed class IndexedSpace extends AddressSpace permits FlatSpace, SubSpace {

    abstract long start(int i);

    abstract long end(int i);

    abstract int attr(int i);

    abstract long phys(int i);

    /** Index of the interval containing {@code va}, or -1. */
    final int indexAt(long va) {
        int lo = 0;
        int hi = intervalCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (UnsignedOrder.le(start(mid), va)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int i = lo - 1;
        return i >= 0 && UnsignedOrder.lt(va, end(i)) ? i : -1;
    }

    /** Index of the first interval ending above {@code va}; intervalCount() if none. */
    final int firstEndingAfter(long va) {
        int lo = 0;
        int hi = intervalCount();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (UnsignedOrder.le(end(mid), va)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public final int attrAt(long va) {
        int i = indexAt(va);
        return i < 0 ? -1 : attr(i);
    }

    @Override
    public final Mapping lookup(long va) {
        int i = indexAt(va);
        return i < 0 ? null : mapping(i);
    }

    final Mapping mapping(int i) {
        return new Mapping(start(i), end(i), attr(i), phys(i));
    }

    @Override
    public final void forEach(IntervalConsumer action) {
        for (int i = 0, n = intervalCount(); i < n; i++) {
            action.accept(start(i), end(i), attr(i), phys(i));
        }
    }

    /** Computed on first use and kept: spaces are immutable, and views and reports ask often. */
    private long bytes = -1;

    @Override
    public final long bytesMapped() {
        if (bytes < 0) {
            long sum = 0;
            for (int i = 0, n = intervalCount(); i < n; i++) {
                sum += end(i) - start(i);
            }
            bytes = sum;
        }
        return bytes;
    }

    @Override
    public final List<AddressSpace> components() {
        return List.of(this);
    }
}

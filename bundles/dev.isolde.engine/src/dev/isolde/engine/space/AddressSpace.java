// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of sorted, non-overlapping virtual address intervals, each with a packed {@link MappingAttr};
 * addresses compare unsigned. Restricted spaces share components (the global non-sensitive part) with each other.
 */
public abstract sealed class AddressSpace permits IndexedSpace, UnionSpace {
    private static final AddressSpace EMPTY = new FlatSpace(new long[0], new long[0], new int[0], null, 0);

    AddressSpace() {
    }

    /** The empty space. */
    public static AddressSpace empty() {
        return EMPTY;
    }

    /** A builder for spaces from other sources (an imported ptdump, a test). */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of intervals. */
    public abstract int intervalCount();

    /** Total bytes mapped. */
    public abstract long bytesMapped();

    /** The attribute of the interval containing {@code va}, or -1 if {@code va} is unmapped; allocates nothing. */
    public abstract int attrAt(long va);

    /** The interval containing {@code va}, or null. */
    public abstract Mapping lookup(long va);

    /** Calls {@code action} with every interval in ascending address order. */
    public abstract void forEach(IntervalConsumer action);

    /**
     * The disjoint parts this space is the union of; parts shared between spaces are the same object, so a check can
     * visit each once.
     */
    public abstract List<AddressSpace> components();

    /** True if {@code va} is mapped. */
    public boolean contains(long va) {
        return attrAt(va) >= 0;
    }

    /** True if every byte of {@code [from, to)} is mapped. */
    public boolean covers(long from, long to) {
        long pos = from;
        while (UnsignedOrder.lt(pos, to)) {
            Mapping m = lookup(pos);
            if (m == null) {
                return false;
            }
            pos = m.end();
        }
        return true;
    }

    /** A single flat copy of this space. */
    public AddressSpace flatten() {
        IntervalSink sink = new IntervalSink(intervalCount());
        forEach(sink);
        return sink.toSpace();
    }

    /** The parts of this space's intervals not covered by {@code other}, with this space's attributes. */
    public AddressSpace difference(AddressSpace other) {
        IndexedSpace o = other instanceof IndexedSpace i ? i : (IndexedSpace) other.flatten();
        IntervalSink sink = new IntervalSink(16);
        forEach((s, e, a, p) -> {
            long pos = s;
            for (int j = o.firstEndingAfter(s); j < o.intervalCount() && UnsignedOrder.lt(o.start(j), e); j++) {
                if (UnsignedOrder.lt(pos, o.start(j))) {
                    sink.accept(pos, o.start(j), a, p < 0 ? -1 : p + (pos - s));
                }
                pos = UnsignedOrder.max(pos, o.end(j));
            }
            if (UnsignedOrder.lt(pos, e)) {
                sink.accept(pos, e, a, p < 0 ? -1 : p + (pos - s));
            }
        });
        return sink.toSpace();
    }

    /** The union of this space and {@code other}; where both map an address, this space's interval wins. */
    public AddressSpace union(AddressSpace other) {
        IndexedSpace a = (IndexedSpace) flatten();
        IndexedSpace b = (IndexedSpace) other.difference(a);
        return new UnionSpace(List.of(a, b)).flatten();
    }

    /** Collects intervals in any order and builds a flat space, rejecting overlaps. */
    public static final class Builder {
        private final IntervalSink sink = new IntervalSink(64);

        private Builder() {
        }

        /** Adds {@code [start, end)} with attribute {@code attr} (non-negative) and physical start {@code phys} or -1. */
        public Builder add(long start, long end, int attr, long phys) {
            if (!UnsignedOrder.lt(start, end) || attr < 0) {
                throw new IllegalArgumentException("bad interval " + UnsignedOrder.hex(start) + "-"
                        + UnsignedOrder.hex(end) + " attr " + attr);
            }
            sink.accept(start, end, attr, phys);
            return this;
        }

        /** Sorts the intervals and builds the space. */
        public AddressSpace build() {
            int n = sink.count;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            UnsignedOrder.sortIndices(order, Arrays.copyOf(sink.start, n), null);
            IntervalSink sorted = new IntervalSink(n);
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (k > 0 && UnsignedOrder.lt(sink.start[i], sorted.end[k - 1])) {
                    throw new IllegalArgumentException("overlapping intervals at " + UnsignedOrder.hex(sink.start[i]));
                }
                sorted.accept(sink.start[i], sink.end[i], sink.attr[i], sink.phys(i));
            }
            return sorted.toSpace();
        }
    }
}

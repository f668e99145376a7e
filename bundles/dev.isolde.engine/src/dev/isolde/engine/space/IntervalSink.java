// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.space;

import java.util.Arrays;

/** Growable parallel arrays that intervals are appended to, in order, before they become a {@link FlatSpace}. */
final class IntervalSink implements IntervalConsumer {
    long[] start;
    long[] end;
    int[] attr;
    /** Allocated on the first interval that records a physical address; most spaces derive PAs from their sources. */
    long[] phys;
    int count;

    IntervalSink(int capacity) {
        int c = Math.max(capacity, 4);
        start = new long[c];
        end = new long[c];
        attr = new int[c];
    }

    @Override
    public void accept(long s, long e, int a, long p) {
        if (count == start.length) {
            int c = count * 2;
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            attr = Arrays.copyOf(attr, c);
            if (phys != null) {
                phys = Arrays.copyOf(phys, c);
            }
        }
        if (p >= 0 && phys == null) {
            phys = new long[start.length];
            Arrays.fill(phys, 0, count, -1);
        }
        start[count] = s;
        end[count] = e;
        attr[count] = a;
        if (phys != null) {
            phys[count] = p;
        }
        count++;
    }

    long phys(int i) {
        return phys == null ? -1 : phys[i];
    }

    /** The space of the intervals so far; arrays that are nearly full are handed over rather than copied. */
    FlatSpace toSpace() {
        if (count >= start.length - start.length / 8) {
            return new FlatSpace(start, end, attr, phys, count);
        }
        return new FlatSpace(Arrays.copyOf(start, count), Arrays.copyOf(end, count), Arrays.copyOf(attr, count),
                phys == null ? null : Arrays.copyOf(phys, count), count);
    }
}

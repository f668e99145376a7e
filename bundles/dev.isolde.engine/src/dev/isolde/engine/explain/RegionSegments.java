// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.explain;

import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The layout regions cut into disjoint segments, each labelled with its innermost region, for ascending scans. */
final class RegionSegments {
    private final long[] start;
    private final long[] end;
    private final int[] region;
    private int cursor;

    RegionSegments(List<Region> regions) {
        TreeSet<Long> cuts = new TreeSet<>(Long::compareUnsigned);
        for (Region r : regions) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        List<long[]> segments = new ArrayList<>();
        Long previous = null;
        for (long cut : cuts) {
            if (previous != null) {
                int best = -1;
                for (int r = 0; r < regions.size(); r++) {
                    Region candidate = regions.get(r);
                    if (candidate.encloses(previous, cut) && (best < 0
                            || UnsignedOrder.lt(candidate.size(), regions.get(best).size()))) {
                        best = r;
                    }
                }
                if (best >= 0) {
                    segments.add(new long[] {previous, cut, best});
                }
            }
            previous = cut;
        }
        start = new long[segments.size()];
        end = new long[segments.size()];
        region = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            start[i] = segments.get(i)[0];
            end[i] = segments.get(i)[1];
            region[i] = (int) segments.get(i)[2];
        }
    }

    /** The innermost region containing {@code va}, or -1; calls must come in ascending address order. */
    int regionAt(long va) {
        while (cursor < start.length && UnsignedOrder.le(end[cursor], va)) {
            cursor++;
        }
        return cursor < start.length && UnsignedOrder.le(start[cursor], va) ? region[cursor] : -1;
    }
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.space.AddressSpace;
import java.util.Arrays;

/**
 * One restricted space flattened for the simulator's mapped test: interval bounds as sign-flipped longs (so signed
 * comparison orders kernel addresses), and per page the mapped bytes of each cache line, which the simulator's
 * per-page tables ({@link MappedPages}) keep.
 * Addresses in {@link Workload#HANDLES} name objects whose address the kernel model does not know; whether those are
 * mapped comes from their class, in {@code objectMapped}.
 */
final class SpaceIndex {
    static final int MAPPED = 1;
    static final int UNMAPPED = 2;
    static final int MIXED = 3;
    private static final long PAGE = 4096;
    /** Intervals per block of the two-level search. */
    private static final int BLOCK = 64;
    private final long[] start;
    private final long[] end;
    /**
     * Every BLOCK-th start: small enough to stay in cache, so a search misses the cache only in the one block of
     * {@code start} it ends in, not at every step over the whole array.
     */
    private final long[] blockStart;
    private final boolean[] objectMapped;

    SpaceIndex(AddressSpace space, boolean[] objectMapped) {
        int n = space.intervalCount();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] k = new int[1];
        space.forEach((from, to, attr, phys) -> {
            s[k[0]] = from ^ Long.MIN_VALUE;
            e[k[0]++] = to ^ Long.MIN_VALUE;
        });
        this.start = s;
        this.end = e;
        this.blockStart = blockStarts(s);
        this.objectMapped = objectMapped;
    }

    private SpaceIndex(long[] start, long[] end, boolean[] objectMapped) {
        this.start = start;
        this.end = end;
        this.blockStart = blockStarts(start);
        this.objectMapped = objectMapped;
    }

    private static long[] blockStarts(long[] start) {
        long[] b = new long[(start.length + BLOCK - 1) / BLOCK];
        for (int i = 0; i < b.length; i++) {
            b[i] = start[i * BLOCK];
        }
        return b;
    }

    /** This space with {@code [from[i], to[i])} added (unsigned bounds) and the listed handle objects mapped. */
    SpaceIndex with(long[] from, long[] to, int[] objects) {
        int n = start.length + from.length;
        long[][] iv = new long[n][];
        for (int i = 0; i < start.length; i++) {
            iv[i] = new long[] { start[i], end[i] };
        }
        for (int i = 0; i < from.length; i++) {
            iv[start.length + i] = new long[] { from[i] ^ Long.MIN_VALUE, to[i] ^ Long.MIN_VALUE };
        }
        Arrays.sort(iv, (a, b) -> Long.compare(a[0], b[0]));
        long[] s = new long[n];
        long[] e = new long[n];
        int m = 0;
        for (long[] v : iv) {
            if (m > 0 && v[0] <= e[m - 1]) {
                e[m - 1] = Math.max(e[m - 1], v[1]);
            } else {
                s[m] = v[0];
                e[m++] = v[1];
            }
        }
        boolean[] om = objectMapped.clone();
        for (int o : objects) {
            om[o] = true;
        }
        return new SpaceIndex(Arrays.copyOf(s, m), Arrays.copyOf(e, m), om);
    }

    /** Index of the last interval starting at or below flipped address {@code x}, or -1. */
    private int floor(long x) {
        int block = last(blockStart, 0, blockStart.length, x);
        if (block < 0) {
            return -1;
        }
        int from = block * BLOCK;
        return last(start, from, Math.min(start.length, from + BLOCK), x);
    }

    /** Index of the last of {@code a[from..to)} at or below {@code x}, or {@code from - 1}. */
    private static int last(long[] a, int from, int to, long x) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** True if {@code va} is mapped. */
    boolean contains(long va) {
        if (Workload.isHandle(va)) {
            return objectMapped[Workload.handleObject(va)];
        }
        long x = va ^ Long.MIN_VALUE;
        int i = floor(x);
        return i >= 0 && x < end[i];
    }

    /** Whether the page {@code page} (an address shifted right by 12) is wholly mapped, unmapped or mixed. */
    int pageState(long page) {
        long va = page << 12;
        if (Workload.isHandle(va)) {
            return objectMapped[Workload.handleObject(va)] ? MAPPED : UNMAPPED;
        }
        long from = va ^ Long.MIN_VALUE;
        long to = from + PAGE; // pages never straddle the sign flip: 0x7fff...f000 + 4096 is the top of user space
        int i = floor(from);
        if (i >= 0 && from < end[i]) {
            return end[i] >= to ? MAPPED : MIXED;
        }
        return i + 1 < start.length && start[i + 1] < to ? MIXED : UNMAPPED;
    }

    /**
     * Ors into {@code line[l]} the mask of the mapped bytes of cache line {@code l} of page {@code page} (not a
     * handle's): one search for the page, then its intervals in order.
     */
    void mappedBytes(long page, long[] line) {
        long from = (page << 12) ^ Long.MIN_VALUE;
        long to = from + PAGE;
        for (int i = Math.max(0, floor(from)); i < start.length && start[i] < to; i++) {
            if (end[i] <= from) {
                continue;
            }
            int s = (int) (Math.max(start[i], from) - from);
            int e = (int) (Math.min(end[i], to) - from);
            for (int l = s >>> 6; l << 6 < e; l++) {
                int lo = Math.max(s, l << 6) - (l << 6);
                int hi = Math.min(e, (l + 1) << 6) - (l << 6);
                line[l] |= hi - lo == 64 ? -1L : ((1L << (hi - lo)) - 1) << lo;
            }
        }
    }

    /** Number of intervals. */
    int intervals() {
        return start.length;
    }
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.Arrays;

/**
 * One restricted space's mapped test over numbered pages ({@link PageIds}) for one run: a page is looked up in the
 * space once, on its first access, and from then on an access to a wholly mapped cache line of it is answered by one
 * array load and a bit test. A partly mapped line keeps a mask of its mapped bytes, so every address is still decided
 * exactly. The tables grow with the pages this space is asked about, not with the whole trace's.
 */
final class MappedPages {
    private static final int UNKNOWN = 0;
    private final SpaceIndex space;
    private int capacity;
    /**
     * By page number: the mask of its wholly mapped cache lines (all of them for a mapped page, none for an unmapped
     * or not yet known one). Most accesses end here.
     */
    private long[] full = new long[0];
    /** By page number, two bits each (32 pages a long): UNKNOWN or one of SpaceIndex's page states. */
    private long[] state = new long[0];
    /** By page number, for mixed pages with a partly mapped line: the page's slot. */
    private int[] slot;
    /** Per slot: the mask of partly mapped lines. */
    private long[] part = new long[16];
    /** Per slot from bytesStart[slot]: the mapped-byte mask of each partly mapped line, in line order. */
    private long[] bytes = new long[64];
    private int[] bytesStart = new int[17];
    private int slots;
    private final long[] lineScratch = new long[64];

    MappedPages(SpaceIndex space) {
        this.space = space;
    }

    /** Forgets every page: the numbering restarted. */
    void forget() {
        Arrays.fill(full, 0L);
        Arrays.fill(state, 0L);
        slots = 0;
    }

    /** True if the space maps {@code va}, which lies in the page numbered {@code id} of {@code pages}. */
    boolean mapped(int id, long va, PageIds pages) {
        if (id >= capacity) {
            grow(pages.count());
        }
        // shifts take the low six bits: va selects its line in the page (and below, its byte in the line)
        long bit = 1L << (va >>> 6);
        return (full[id] & bit) != 0 || partly(id, va, bit, pages);
    }

    /** The answer for an access outside the page's wholly mapped lines. */
    private boolean partly(int id, long va, long bit, PageIds pages) {
        // id << 1 is the place of the page's two bits in its long
        int s = (int) (state[id >>> 5] >>> (id << 1)) & 3;
        if (s == UNKNOWN) {
            s = resolve(id, pages.page(id));
            if ((full[id] & bit) != 0) {
                return true;
            }
        }
        if (s != SpaceIndex.MIXED || slot == null || slot[id] < 0) {
            return false;
        }
        int m = slot[id];
        long p = part[m];
        return (p & bit) != 0 && (bytes[bytesStart[m] + Long.bitCount(p & (bit - 1))] >>> va & 1) != 0;
    }

    private void grow(int count) {
        int n = Math.max(count, Math.max(1024, capacity * 2));
        full = Arrays.copyOf(full, n);
        state = Arrays.copyOf(state, (n + 31) >>> 5);
        if (slot != null) {
            int old = slot.length;
            slot = Arrays.copyOf(slot, n);
            Arrays.fill(slot, old, n, -1);
        }
        capacity = n;
    }

    private int resolve(int id, long page) {
        int s;
        if (Workload.isHandle(page << 12)) {
            s = space.pageState(page);
            full[id] = s == SpaceIndex.MAPPED ? -1L : 0L;
        } else {
            long[] line = lineScratch;
            space.mappedBytes(page, line);
            long wholly = 0;
            long partly = 0;
            for (int l = 0; l < 64; l++) {
                if (line[l] == -1L) {
                    wholly |= 1L << l;
                } else if (line[l] != 0) {
                    partly |= 1L << l;
                }
            }
            s = wholly == -1L ? SpaceIndex.MAPPED : wholly == 0 && partly == 0 ? SpaceIndex.UNMAPPED : SpaceIndex.MIXED;
            full[id] = wholly;
            if (partly != 0) {
                addPartlyMapped(id, partly, line);
            } else if (slot != null) {
                slot[id] = -1; // a number the restarted numbering gave before may have had a slot
            }
            Arrays.fill(line, 0L);
        }
        state[id >>> 5] |= (long) s << (id << 1);
        return s;
    }

    private void addPartlyMapped(int id, long partly, long[] line) {
        if (slot == null) {
            slot = new int[capacity];
            Arrays.fill(slot, -1);
        }
        if (slots == part.length) {
            part = Arrays.copyOf(part, slots * 2);
            bytesStart = Arrays.copyOf(bytesStart, slots * 2 + 1);
        }
        int at = bytesStart[slots];
        if (at + 64 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + 64));
        }
        for (int l = 0; l < 64; l++) {
            if ((partly & 1L << l) != 0) {
                bytes[at++] = line[l];
            }
        }
        part[slots] = partly;
        bytesStart[slots + 1] = at;
        slot[id] = slots++;
    }
}

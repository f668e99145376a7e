// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.Arrays;

/**
 * The restricted spaces' mapped test over numbered pages ({@link PageIds}) for one run: a page is looked up in a
 * space once, on its first access, and from then on an access to a wholly mapped or unmapped page is answered by one
 * byte load. A page that is partly mapped keeps the mask of its wholly mapped cache lines and, for each partly mapped
 * line, the mask of its mapped bytes, so every address is still decided exactly. The tables grow with the pages the
 * run touches (five bytes per page and space), not with the whole trace's.
 */
final class MappedPages {
    private static final byte UNKNOWN = 0;
    private final SpaceIndex[] spaces;
    private final int stride;
    /**
     * By page number times the number of spaces, plus the space: UNKNOWN or one of SpaceIndex's page states. A byte,
     * not a line mask, and every space's byte of a page side by side, so that an access's test in its own space and
     * in its sibling's touch one cache line, and the table stays in the core's caches: most accesses end here.
     */
    private byte[] state = new byte[0];
    /** As {@link #state}, for mixed pages: the page's slot. */
    private int[] slot = new int[0];
    /** Per slot: the mask of wholly mapped lines. */
    private long[] wholly = new long[16];
    /** Per slot: the mask of partly mapped lines. */
    private long[] part = new long[16];
    /** Per slot from bytesStart[slot]: the mapped-byte mask of each partly mapped line, in line order. */
    private long[] bytes = new long[64];
    private int[] bytesStart = new int[17];
    private int slots;
    private final long[] lineScratch = new long[64];

    MappedPages(SpaceIndex... spaces) {
        this.spaces = spaces.clone();
        this.stride = spaces.length;
    }

    /** Forgets every page: the numbering restarted. */
    void forget() {
        Arrays.fill(state, UNKNOWN);
        slots = 0;
    }

    /** True if space {@code space} maps {@code va}, which lies in the page numbered {@code id} of {@code pages}. */
    boolean mapped(int space, int id, long va, PageIds pages) {
        int at = id * stride + space;
        if (at >= state.length) {
            grow(pages.count());
        }
        int s = state[at];
        return s == SpaceIndex.MAPPED || s != SpaceIndex.UNMAPPED && decide(at, va, s, pages);
    }

    /** The answer for an access to a page not yet known or mixed. */
    private boolean decide(int at, long va, int known, PageIds pages) {
        int s = known == UNKNOWN ? resolve(at, pages.page(at / stride)) : known;
        if (s != SpaceIndex.MIXED) {
            return s == SpaceIndex.MAPPED;
        }
        int m = slot[at];
        // shifts take the low six bits: va selects its line in the page (and below, its byte in the line)
        long bit = 1L << (va >>> 6);
        if ((wholly[m] & bit) != 0) {
            return true;
        }
        long p = part[m];
        return (p & bit) != 0 && (bytes[bytesStart[m] + Long.bitCount(p & (bit - 1))] >>> va & 1) != 0;
    }

    private void grow(int count) {
        int n = Math.max(count, Math.max(1024, state.length / stride * 2)) * stride;
        state = Arrays.copyOf(state, n);
        slot = Arrays.copyOf(slot, n);
    }

    private int resolve(int at, long page) {
        SpaceIndex space = spaces[at % stride];
        // one search tells most pages (and every handle) apart; only a mixed page has its lines read
        int s = space.pageState(page);
        if (s == SpaceIndex.MIXED) {
            long[] line = lineScratch;
            space.mappedBytes(page, line);
            long whole = 0;
            long partly = 0;
            for (int l = 0; l < 64; l++) {
                if (line[l] == -1L) {
                    whole |= 1L << l;
                } else if (line[l] != 0) {
                    partly |= 1L << l;
                }
            }
            // pageState calls a page mixed when an interval starts or ends inside it, even on a line boundary
            s = whole == -1L ? SpaceIndex.MAPPED : whole == 0 && partly == 0 ? SpaceIndex.UNMAPPED : SpaceIndex.MIXED;
            if (s == SpaceIndex.MIXED) {
                addMixed(at, whole, partly, line);
            }
            Arrays.fill(line, 0L);
        }
        state[at] = (byte) s;
        return s;
    }

    private void addMixed(int at, long whole, long partly, long[] line) {
        if (slots == part.length) {
            wholly = Arrays.copyOf(wholly, slots * 2);
            part = Arrays.copyOf(part, slots * 2);
            bytesStart = Arrays.copyOf(bytesStart, slots * 2 + 1);
        }
        int from = bytesStart[slots];
        if (from + 64 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, from + 64));
        }
        for (int l = 0; l < 64; l++) {
            if ((partly & 1L << l) != 0) {
                bytes[from++] = line[l];
            }
        }
        wholly[slots] = whole;
        part[slots] = partly;
        bytesStart[slots + 1] = from;
        slot[at] = slots++;
    }
}

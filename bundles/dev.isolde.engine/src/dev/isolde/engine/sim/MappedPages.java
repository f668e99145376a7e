// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.Arrays;

/**
 * One restricted space's mapped test over numbered pages ({@link PageIds}) for one run: a page is looked up in the
 * space once, on its first access, and from then on the answer is an array index. A page the space maps only partly
 * keeps masks of its wholly and partly mapped cache lines and, per partly mapped line, a mask of its mapped bytes:
 * every address is still decided exactly, by a bit test.
 */
final class MappedPages {
    private static final byte UNKNOWN = 0;
    private final SpaceIndex space;
    /** By page number: UNKNOWN or one of SpaceIndex's page states. */
    private byte[] state = new byte[0];
    /** By page number, for mixed pages only: the page's slot. */
    private int[] slot;
    /** Per slot: the mask of wholly mapped lines, then the mask of partly mapped ones. */
    private long[] lines = new long[32];
    /** Per slot from bytesStart[slot]: the mapped-byte mask of each partly mapped line, in line order. */
    private long[] bytes = new long[256];
    private int[] bytesStart = new int[17];
    private int mixed;
    private final long[] lineScratch = new long[64];

    MappedPages(SpaceIndex space) {
        this.space = space;
    }

    /** Makes room for page numbers below {@code count}, keeping what is known. */
    void reserve(int count) {
        if (state.length < count) {
            int n = Math.max(count, Math.max(1024, state.length * 2));
            state = Arrays.copyOf(state, n);
            if (slot != null) {
                slot = Arrays.copyOf(slot, n);
            }
        }
    }

    /** Forgets every page: the numbering restarted. */
    void forget() {
        Arrays.fill(state, UNKNOWN);
        mixed = 0;
    }

    /** True if the space maps {@code va}, which lies in the page numbered {@code id} of {@code pages}. */
    boolean mapped(int id, long va, PageIds pages) {
        int s = state[id];
        if (s == SpaceIndex.MAPPED) {
            return true;
        }
        if (s == SpaceIndex.UNMAPPED) {
            return false;
        }
        if (s == UNKNOWN) {
            s = resolve(id, pages.page(id));
            if (s != SpaceIndex.MIXED) {
                return s == SpaceIndex.MAPPED;
            }
        }
        int m = slot[id];
        long bit = 1L << (va >>> 6);
        if ((lines[m * 2] & bit) != 0) {
            return true;
        }
        long part = lines[m * 2 + 1];
        if ((part & bit) == 0) {
            return false;
        }
        // shifts take the low six bits: va selects its byte in the line
        return (bytes[bytesStart[m] + Long.bitCount(part & (bit - 1))] >>> va & 1) != 0;
    }

    private int resolve(int id, long page) {
        int s = space.pageState(page);
        if (s == SpaceIndex.MIXED) {
            addMixed(id, space.runs(page));
        }
        state[id] = (byte) s;
        return s;
    }

    private void addMixed(int id, int[] runs) {
        if (slot == null) {
            slot = new int[state.length];
        }
        if (mixed * 2 == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
            bytesStart = Arrays.copyOf(bytesStart, lines.length / 2 + 1);
        }
        long[] line = lineScratch;
        for (int run : runs) {
            int from = run >>> 16;
            int to = run & 0xffff;
            for (int l = from >>> 6; l << 6 < to; l++) {
                int lo = Math.max(from, l << 6) - (l << 6);
                int hi = Math.min(to, (l + 1) << 6) - (l << 6);
                line[l] |= hi - lo == 64 ? -1L : ((1L << (hi - lo)) - 1) << lo;
            }
        }
        long full = 0;
        long part = 0;
        int at = bytesStart[mixed];
        for (int l = 0; l < 64; l++) {
            if (line[l] == -1L) {
                full |= 1L << l;
            } else if (line[l] != 0) {
                part |= 1L << l;
                if (at == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                bytes[at++] = line[l];
            }
            line[l] = 0;
        }
        lines[mixed * 2] = full;
        lines[mixed * 2 + 1] = part;
        bytesStart[mixed + 1] = at;
        slot[id] = mixed++;
    }
}

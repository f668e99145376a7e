// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.Arrays;

/**
 * One restricted space's mapped test over numbered pages ({@link PageIds}) for one run: a page is looked up in the
 * space once, on its first access, and from then on the answer is an array index. A page the space maps only partly
 * keeps masks of its wholly and partly mapped cache lines and, for an access to a line shared by mapped and unmapped
 * bytes, the page's own mapped runs: every address is still decided exactly, without searching the whole space.
 */
final class MappedPages {
    private static final byte UNKNOWN = 0;
    private final SpaceIndex space;
    /** By page number: UNKNOWN or one of SpaceIndex's page states. */
    private byte[] state = new byte[0];
    /** By page number, for mixed pages only: which pair of {@link #lines} holds its masks. */
    private int[] slot;
    /** Wholly mapped and partly mapped line masks, a pair per mixed page. */
    private long[] lines = new long[32];
    /** The mapped runs of the mixed pages ({@link SpaceIndex#runs}), those of slot m from runStart[m] to runStart[m + 1]. */
    private int[] runs = new int[64];
    private int[] runStart = new int[17];
    private int mixed;
    private final long[] scratch = new long[2];

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
        return (lines[m * 2] & bit) != 0 || (lines[m * 2 + 1] & bit) != 0 && inRuns(m, (int) va & 4095);
    }

    private boolean inRuns(int m, int offset) {
        for (int r = runStart[m]; r < runStart[m + 1]; r++) {
            if (offset < (runs[r] & 0xffff)) {
                return offset >= runs[r] >>> 16;
            }
        }
        return false;
    }

    private int resolve(int id, long page) {
        int s = space.pageState(page);
        if (s == SpaceIndex.MIXED) {
            if (slot == null) {
                slot = new int[state.length];
            }
            if (mixed * 2 == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
                runStart = Arrays.copyOf(runStart, lines.length / 2 + 1);
            }
            space.lines(page, scratch);
            lines[mixed * 2] = scratch[0];
            lines[mixed * 2 + 1] = scratch[1];
            int[] own = space.runs(page);
            int from = runStart[mixed];
            if (from + own.length > runs.length) {
                runs = Arrays.copyOf(runs, Math.max(runs.length * 2, from + own.length));
            }
            System.arraycopy(own, 0, runs, from, own.length);
            runStart[mixed + 1] = from + own.length;
            slot[id] = mixed++;
        }
        state[id] = (byte) s;
        return s;
    }
}

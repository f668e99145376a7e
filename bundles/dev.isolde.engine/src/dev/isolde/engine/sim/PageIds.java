// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.Arrays;

/**
 * Dense numbers for the distinct 4 KiB pages that accesses touch, handed out in order of first touch, so a run keeps
 * its per-page answers in plain arrays indexed by number instead of hashing an address on every access. A
 * numbering can restart ({@link #restart}); its {@link #generation} then changes so users drop what they keyed on it.
 */
final class PageIds {
    private static final int MIN_BITS = 10;
    /**
     * Two longs a slot: page number + 1 (0: free, so a fresh table needs no fill), then its number; side by side, a
     * lookup touches one cache line.
     */
    private long[] slots = new long[2 << MIN_BITS];
    private long[] pages = new long[1 << (MIN_BITS - 1)];
    private int bits = MIN_BITS;
    private int count;
    private int generation;

    /** The number of page {@code page} (an address shifted right by 12), given it on first sight. */
    int intern(long page) {
        long key = page + 1;
        int mask = (1 << bits) - 1;
        int h = (int) (key * 0x9E3779B97F4A7C15L >>> (64 - bits));
        while (true) {
            long k = slots[2 * h];
            if (k == key) {
                return (int) slots[2 * h + 1];
            }
            if (k == 0) {
                break;
            }
            h = (h + 1) & mask;
        }
        int id = count++;
        slots[2 * h] = key;
        slots[2 * h + 1] = id;
        if (id == pages.length) {
            pages = Arrays.copyOf(pages, id * 2);
        }
        pages[id] = page;
        // at most half full, so probe runs stay short
        if (count * 2 > 1 << bits) {
            grow();
        }
        return id;
    }

    private void grow() {
        long[] old = slots;
        bits++;
        slots = new long[2 << bits];
        int mask = (1 << bits) - 1;
        for (int i = 0; i < old.length; i += 2) {
            long key = old[i];
            if (key != 0) {
                int h = (int) (key * 0x9E3779B97F4A7C15L >>> (64 - bits));
                while (slots[2 * h] != 0) {
                    h = (h + 1) & mask;
                }
                slots[2 * h] = key;
                slots[2 * h + 1] = old[i + 1];
            }
        }
    }

    /** The page numbered {@code id}. */
    long page(int id) {
        return pages[id];
    }

    /** How many pages are numbered: every number is below this. */
    int count() {
        return count;
    }

    /** Changes whenever the numbering restarts. */
    int generation() {
        return generation;
    }

    /** Forgets every number, shrinking back to the initial size. */
    void restart() {
        slots = new long[2 << MIN_BITS];
        pages = new long[1 << (MIN_BITS - 1)];
        bits = MIN_BITS;
        count = 0;
        generation++;
    }
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.isolde.engine.space.AddressSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MappedPagesTest {
    private static final long BASE = 0xffff_ffff_8100_0000L;
    private static final int PAGES = 16;

    /**
     * Intervals that cover a whole page, none of one, lines partly and wholly, only whole lines of a page, a page
     * boundary, and over 64 runs in a few pages.
     */
    private static List<long[]> intervals() {
        List<long[]> iv = new ArrayList<>();
        iv.add(new long[] { BASE, BASE + 4096 });
        long p2 = BASE + 2 * 4096;
        iv.add(new long[] { p2 + 10, p2 + 75 });
        iv.add(new long[] { p2 + 128, p2 + 192 });
        iv.add(new long[] { p2 + 200, p2 + 4000 });
        iv.add(new long[] { BASE + 4 * 4096 + 3000, BASE + 5 * 4096 + 100 });
        iv.add(new long[] { BASE + 6 * 4096 + 64, BASE + 6 * 4096 + 256 });
        for (long a = BASE + 10 * 4096 + 5; a + 17 < BASE + 15 * 4096; a += 48) {
            iv.add(new long[] { a, a + 17 });
        }
        return iv;
    }

    private static boolean inAny(List<long[]> iv, long va) {
        for (long[] v : iv) {
            if (Long.compareUnsigned(va, v[0]) >= 0 && Long.compareUnsigned(va, v[1]) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Every page, {@code first} first, the others shuffled. */
    private static List<Integer> order(int first, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < PAGES; p++) {
            if (p != first) {
                order.add(p);
            }
        }
        Collections.shuffle(order, random);
        order.add(0, first);
        return order;
    }

    @Test
    void everyByteOfPartlyMappedPagesIsDecidedExactlyInAnyPageOrderAndAfterARestart() {
        List<long[]> iv = intervals();
        AddressSpace.Builder b = AddressSpace.builder();
        for (long[] v : iv) {
            b.add(v[0], v[1], 0, -1);
        }
        SpaceIndex space = new SpaceIndex(b.build(), new boolean[0]);
        // a second space, which maps nothing, shares the table: its answers must not leak into the first's
        MappedPages mapped = new MappedPages(new SpaceIndex(AddressSpace.empty(), new boolean[0]), space);
        PageIds ids = new PageIds();
        // after the restart, number 0 goes to the page of whole lines only that the first pass numbered last: it
        // must not inherit the partly mapped lines of the page that had number 0 before
        List<List<Integer>> orders = List.of(order(2, new Random(1)), order(6, new Random(2)));
        for (int pass = 0; pass < 2; pass++) {
            for (int p : orders.get(pass)) {
                for (long va = BASE + p * 4096L; va < BASE + (p + 1) * 4096L; va++) {
                    boolean want = inAny(iv, va);
                    assertEquals(want, space.contains(va), Long.toHexString(va));
                    int id = ids.intern(va >>> 12);
                    assertEquals(want, mapped.mapped(1, id, va, ids), Long.toHexString(va));
                    assertFalse(mapped.mapped(0, id, va, ids), Long.toHexString(va));
                }
            }
            int generation = ids.generation();
            ids.restart();
            mapped.forget();
            assertNotEquals(generation, ids.generation());
        }
    }

    @Test
    void clearingABlockKeepsItsPageNumbersUntilTheLimitThenRestartsThem() {
        EventBlock block = new EventBlock(EventBlock.PAGE_LIMIT + 2);
        block.event(0, 0, -1, EventKind.READ, BASE);
        block.event(1, 0, -1, EventKind.VMEXIT, 0);
        block.clear();
        block.event(0, 0, -1, EventKind.WRITE, BASE + 8);
        assertEquals(1, block.pageCount());
        assertEquals(0, block.page[0]);
        block.clear();
        for (int i = 0; i <= EventBlock.PAGE_LIMIT; i++) {
            block.event(i, 0, -1, EventKind.READ, BASE + i * 4096L);
        }
        assertEquals(EventBlock.PAGE_LIMIT + 1, block.pageCount());
        int generation = block.pages.generation();
        block.clear();
        assertEquals(0, block.pageCount());
        assertNotEquals(generation, block.pages.generation());
    }
}

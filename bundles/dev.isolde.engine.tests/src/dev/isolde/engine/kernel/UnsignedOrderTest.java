// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnsignedOrderTest {

    @Test
    void kernelHalfSortsAboveUserHalf() {
        assertTrue(UnsignedOrder.lt(0x00007fffffffffffL, 0xffff800000000000L));
        assertTrue(UnsignedOrder.lt(0xffff800000000000L, 0xffff888000000000L));
        assertTrue(UnsignedOrder.lt(0x7fffffffffffffffL, 0x8000000000000000L));
        assertFalse(UnsignedOrder.lt(0xffffffffffffffffL, 0));
        assertTrue(UnsignedOrder.le(0xffff800000000000L, 0xffff800000000000L));
    }

    @Test
    void sortIndicesOrdersUnsignedWithLargerFirstOnTies() {
        long[] start = {0xffffffff81000000L, 0x1000L, 0xffff800000000000L, 0x1000L};
        long[] size = {16, 8, 8, 4096};
        int[] idx = {0, 1, 2, 3};
        UnsignedOrder.sortIndices(idx, start, size);
        assertArrayEquals(new int[] {3, 1, 2, 0}, idx);
        assertFalse(UnsignedOrder.isSorted(start, size, 4));
    }

    @Test
    void sortIndicesHandlesLargeShuffledInput() {
        int n = 10_000;
        long[] start = new long[n];
        int[] idx = new int[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            start[i] = r.nextLong();
            idx[i] = i;
        }
        UnsignedOrder.sortIndices(idx, start, null);
        for (int i = 1; i < n; i++) {
            assertTrue(UnsignedOrder.le(start[idx[i - 1]], start[idx[i]]));
        }
    }
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.kernel;

/**
 * Unsigned 64-bit ordering of addresses: x86-64 kernel addresses have the top bit set, so they are negative as Java
 * longs and must never be compared with {@code <}.
 */
public final class UnsignedOrder {
    private UnsignedOrder() {
    }

    /** {@code a < b} as unsigned. */
    public static boolean lt(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    /** {@code a <= b} as unsigned. */
    public static boolean le(long a, long b) {
        return a + Long.MIN_VALUE <= b + Long.MIN_VALUE;
    }

    /** The unsigned maximum. */
    public static long max(long a, long b) {
        return lt(a, b) ? b : a;
    }

    /** The unsigned minimum. */
    public static long min(long a, long b) {
        return lt(a, b) ? a : b;
    }

    /** Formats an address the way the kernel prints one: 0x and 16 hex digits. */
    public static String hex(long address) {
        return String.format("0x%016x", address);
    }

    /**
     * Sorts {@code index} stably by {@code primary[index]} ascending (unsigned), ties by {@code secondary[index]}
     * descending (unsigned) when {@code secondary} is non-null; a primitive merge sort, as boxing millions of
     * indices into a comparator sort costs more than the whole classification.
     */
    public static void sortIndices(int[] index, long[] primary, long[] secondary) {
        int[] tmp = new int[index.length];
        mergeSort(index, tmp, 0, index.length, primary, secondary);
    }

    /** True if {@code primary} (and ties on {@code secondary}, descending) is already in the order sortIndices makes. */
    public static boolean isSorted(long[] primary, long[] secondary, int length) {
        for (int i = 1; i < length; i++) {
            if (compare(i - 1, i, primary, secondary) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int compare(int a, int b, long[] primary, long[] secondary) {
        int c = Long.compareUnsigned(primary[a], primary[b]);
        if (c != 0 || secondary == null) {
            return c;
        }
        return Long.compareUnsigned(secondary[b], secondary[a]);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] primary, long[] secondary) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], v, primary, secondary) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, primary, secondary);
        mergeSort(a, tmp, mid, to, primary, secondary);
        if (compare(a[mid - 1], a[mid], primary, secondary) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(tmp[i], tmp[j], primary, secondary) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}

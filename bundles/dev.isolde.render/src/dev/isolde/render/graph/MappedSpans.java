// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import dev.isolde.engine.space.AddressSpace;

/**
 * An address space's intervals with running byte totals, so the bytes mapped in any span and the number of
 * page-table entries a span needs are answered by binary search, whatever the number of intervals.
 */
final class MappedSpans {

	private final long[] start;
	private final long[] end;
	/** Bytes mapped by the intervals before index i. */
	private final long[] before;

	MappedSpans(AddressSpace space) {
		int n = space.intervalCount();
		start = new long[n];
		end = new long[n];
		before = new long[n + 1];
		int[] i = { 0 };
		space.forEach((s, e, a, p) -> {
			start[i[0]] = s;
			// an interval reaching the top of the address space ends at 0: keep it one byte short of the top
			end[i[0]] = e == 0 ? -1L : e;
			before[i[0] + 1] = before[i[0]] + (end[i[0]] - s);
			i[0]++;
		});
	}

	private static boolean lt(long a, long b) {
		return Long.compareUnsigned(a, b) < 0;
	}

	/** Index of the first interval ending after {@code va}. */
	int firstEndingAfter(long va) {
		int lo = 0;
		int hi = start.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (!lt(va, end[mid])) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Index of the first interval starting at or after {@code va}. */
	private int firstStartingFrom(long va) {
		int lo = 0;
		int hi = start.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (lt(start[mid], va)) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Bytes mapped in {@code [from, to)}; {@code to} 0 means the top of the address space. */
	long mapped(long from, long to) {
		long t = to == 0 ? -1L : to;
		int i = firstEndingAfter(from);
		int j = firstStartingFrom(t);
		if (i >= j) {
			return 0;
		}
		long bytes = before[j] - before[i];
		if (lt(start[i], from)) {
			bytes -= from - start[i];
		}
		if (lt(t, end[j - 1])) {
			bytes -= end[j - 1] - t;
		}
		return bytes;
	}

	/** The first mapped address at or after {@code va} and below {@code to}, or {@code to} when there is none. */
	long nextMapped(long va, long to) {
		int i = firstEndingAfter(va);
		if (i >= start.length) {
			return to;
		}
		long a = lt(start[i], va) ? va : start[i];
		return lt(a, to == 0 ? -1L : to) ? a : to;
	}

	/** How many entries of {@code 1 << shift} bytes in {@code [from, to)} map at least one byte. */
	long entriesPresent(long from, long to, int shift) {
		long t = to == 0 ? -1L : to;
		long count = 0;
		long lastEntry = -1;
		boolean any = false;
		for (int i = firstEndingAfter(from); i < start.length && lt(start[i], t); i++) {
			long s = lt(start[i], from) ? from : start[i];
			long e = lt(t, end[i]) ? t : end[i];
			long first = s >>> shift;
			long last = (e - 1) >>> shift;
			if (any && Long.compareUnsigned(first, lastEntry) <= 0) {
				first = lastEntry + 1;
			}
			if (Long.compareUnsigned(first, last) <= 0) {
				count += last - first + 1;
				lastEntry = last;
				any = true;
			}
		}
		return count;
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.space.MappingAttr;

/**
 * A column's intervals split by memory class and by object or region fill, so the map can ask "does any sensitive
 * object touch this pixel row?" by binary search: zoomed out over a million intervals, painting costs per pixel row,
 * not per interval.
 */
final class ClassRuns {

	/** Buckets in painting priority: sensitive, then local per context kind, then global; objects before region fill. */
	private static final int[] ORDER;

	static {
		int n = ClassKey.COUNT;
		ORDER = new int[2 * n];
		int k = 0;
		ORDER[k++] = bucket(ClassKey.SENSITIVE, false);
		ORDER[k++] = bucket(ClassKey.SENSITIVE, true);
		for (int key = 2; key < n; key++) {
			ORDER[k++] = bucket(key, false);
			ORDER[k++] = bucket(key, true);
		}
		ORDER[k++] = bucket(ClassKey.GLOBAL, false);
		ORDER[k] = bucket(ClassKey.GLOBAL, true);
	}

	private final long[][] start;
	private final long[][] end;

	ClassRuns(MapModel.Column col) {
		int buckets = 2 * ClassKey.COUNT;
		int[] count = new int[buckets];
		for (int i = 0; i < col.size(); i++) {
			count[bucket(col.attr()[i])]++;
		}
		start = new long[buckets][];
		end = new long[buckets][];
		for (int b = 0; b < buckets; b++) {
			start[b] = new long[count[b]];
			end[b] = new long[count[b]];
		}
		int[] fill = new int[buckets];
		for (int i = 0; i < col.size(); i++) {
			int b = bucket(col.attr()[i]);
			start[b][fill[b]] = col.start()[i];
			// an interval reaching the top of the address space ends at 0: keep it one byte short
			end[b][fill[b]++] = col.end()[i] == 0 ? -1L : col.end()[i];
		}
	}

	private static int bucket(int attr) {
		return bucket(MappingAttr.classKey(attr), MappingAttr.isRegion(attr));
	}

	private static int bucket(int key, boolean region) {
		return 2 * key + (region ? 1 : 0);
	}

	/**
	 * The fill of the most telling interval touching {@code [from, to)} ({@code to} 0: the top of the address
	 * space), or -1 if nothing is mapped there.
	 */
	int colorOf(long from, long to) {
		long t = to == 0 ? -1L : to;
		for (int b : ORDER) {
			long[] s = start[b];
			long[] e = end[b];
			int lo = 0;
			int hi = s.length;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (Long.compareUnsigned(e[mid], from) <= 0) {
					lo = mid + 1;
				} else {
					hi = mid;
				}
			}
			if (lo < s.length && Long.compareUnsigned(s[lo], t) < 0) {
				int rgb = ClassColors.of(b / 2);
				return b % 2 == 1 ? ClassColors.pale(rgb) : rgb;
			}
		}
		return -1;
	}
}

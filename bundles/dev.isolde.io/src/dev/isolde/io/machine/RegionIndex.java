// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.isolde.model.Region;

/** Finds the layout region holding an address by binary search over the regions sorted by start. */
public final class RegionIndex {

	private final Region[] regions;
	private final long[] starts;

	private RegionIndex(List<Region> sorted) {
		regions = sorted.toArray(Region[]::new);
		starts = new long[regions.length];
		for (int i = 0; i < regions.length; i++) {
			starts[i] = regions[i].getStart();
		}
	}

	/** An index over {@code regions}, which must not overlap. */
	public static RegionIndex of(List<Region> regions) {
		List<Region> sorted = new ArrayList<>(regions);
		sorted.sort(Comparator.comparing(Region::getStart, Long::compareUnsigned));
		return new RegionIndex(sorted);
	}

	/** The region holding {@code va}, or {@code null} when none does. */
	public Region regionOf(long va) {
		int lo = 0;
		int hi = starts.length - 1;
		int found = -1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			if (Long.compareUnsigned(starts[mid], va) <= 0) {
				found = mid;
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		if (found < 0 || Long.compareUnsigned(va, regions[found].getEnd()) > 0) {
			return null;
		}
		return regions[found];
	}
}

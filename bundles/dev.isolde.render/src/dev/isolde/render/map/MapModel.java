// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.MappingAttr;
import dev.isolde.io.engine.Analysis;

/**
 * What the address-space map shows: the full space and each restricted space as sorted interval arrays
 * (copied once from the engine, so painting never allocates), plus the layout regions for labels.
 */
public final class MapModel {

	/** One column of the map: an address space's intervals with their memory-class keys. */
	public record Column(String name, long[] start, long[] end, int[] attr, long bytes) {

		/** Number of intervals. */
		public int size() {
			return start.length;
		}

		/** Index of the interval containing {@code va}, or -1. */
		public int indexAt(long va) {
			int lo = 0;
			int hi = start.length - 1;
			while (lo <= hi) {
				int mid = (lo + hi) >>> 1;
				if (Long.compareUnsigned(end[mid], va) <= 0) {
					lo = mid + 1;
				} else if (Long.compareUnsigned(start[mid], va) > 0) {
					hi = mid - 1;
				} else {
					return mid;
				}
			}
			return -1;
		}

		/** Index of the first interval ending after {@code va}. */
		public int firstEndingAfter(long va) {
			int lo = 0;
			int hi = start.length;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (Long.compareUnsigned(end[mid], va) <= 0) {
					lo = mid + 1;
				} else {
					hi = mid;
				}
			}
			return lo;
		}

		/** The memory-class key of interval {@code i}. */
		public int classKey(int i) {
			return MappingAttr.classKey(attr[i]);
		}
	}

	/** What is at one address of one column, for hovers and the Properties view. */
	public record Hit(String column, long address, String what, String classText, Provenance provenance, long start,
			long end) {
	}

	private final Analysis analysis;
	private final List<Column> columns;
	private final List<Region> regions;
	private final List<ClassRuns> runs = new ArrayList<>();
	private Column differences;
	private ClassRuns differenceRuns;

	private MapModel(Analysis analysis, List<Column> columns) {
		this.analysis = analysis;
		this.columns = List.copyOf(columns);
		this.regions = analysis.kernel().regions();
		for (Column c : this.columns) {
			runs.add(new ClassRuns(c));
		}
	}

	/** The full space followed by every ASI instance's restricted space. */
	public static MapModel of(Analysis analysis) {
		List<Column> columns = new ArrayList<>();
		columns.add(column("full kernel", analysis.spaces().full()));
		for (AsiInstance i : analysis.spaces().instances()) {
			columns.add(column(i.name(), i.space()));
		}
		return new MapModel(analysis, columns);
	}

	private static Column column(String name, AddressSpace space) {
		int n = space.intervalCount();
		long[] start = new long[n];
		long[] end = new long[n];
		int[] attr = new int[n];
		int[] i = { 0 };
		space.forEach((s, e, a, phys) -> {
			start[i[0]] = s;
			end[i[0]] = e;
			attr[i[0]] = a;
			i[0]++;
		});
		return new Column(name, start, end, attr, space.bytesMapped());
	}

	/** The columns, full space first. */
	public List<Column> columns() {
		return columns;
	}

	/** Column {@code c}'s intervals by class, for painting many intervals per pixel row. */
	ClassRuns runs(int c) {
		return runs.get(c);
	}

	/**
	 * The full space's intervals that the first restricted space does not map (where it maps an interval's start),
	 * computed once, for the "differences only" filter; the full column itself when there is no restricted space.
	 */
	public synchronized Column differences() {
		if (differences == null) {
			Column full = columns.get(0);
			if (columns.size() < 2) {
				differences = full;
			} else {
				Column r = columns.get(1);
				int n = 0;
				int[] keep = new int[full.size()];
				for (int i = 0; i < full.size(); i++) {
					if (r.indexAt(full.start()[i]) < 0) {
						keep[n++] = i;
					}
				}
				long[] start = new long[n];
				long[] end = new long[n];
				int[] attr = new int[n];
				long bytes = 0;
				for (int k = 0; k < n; k++) {
					start[k] = full.start()[keep[k]];
					end[k] = full.end()[keep[k]];
					attr[k] = full.attr()[keep[k]];
					bytes += end[k] - start[k];
				}
				differences = new Column(full.name(), start, end, attr, bytes);
			}
			differenceRuns = new ClassRuns(differences);
		}
		return differences;
	}

	synchronized ClassRuns differenceRuns() {
		differences();
		return differenceRuns;
	}

	/** The layout regions, for labels. */
	public List<Region> regions() {
		return regions;
	}

	/** The analysis shown. */
	public Analysis analysis() {
		return analysis;
	}

	/** What column {@code c} maps at {@code va}, or null where it maps nothing. */
	public Hit hit(int c, long va) {
		Column col = columns.get(c);
		int i = col.indexAt(va);
		if (i < 0) {
			return null;
		}
		int attr = col.attr()[i];
		int key = MappingAttr.classKey(attr);
		String what;
		Provenance provenance;
		if (MappingAttr.isRegion(attr)) {
			int r = MappingAttr.index(attr);
			what = "region " + regions.get(r).name();
			provenance = analysis.classification().regionProvenance(r);
		} else {
			int o = MappingAttr.objectIndex(attr);
			what = analysis.kernel().name(o) + " (" + analysis.kernel().kind(o).name().toLowerCase() + ")";
			provenance = analysis.classification().provenance(o);
		}
		return new Hit(col.name(), va, what, ClassKey.describe(key), provenance, col.start()[i], col.end()[i]);
	}
}

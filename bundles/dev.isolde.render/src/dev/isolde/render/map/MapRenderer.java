// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;


import dev.isolde.io.Sizes;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.space.MappingAttr;
import dev.isolde.render.canvas.Canvas;

/**
 * Paints the address-space map: a gutter of layout regions, then one column per address space, top of
 * the viewport first. Intervals smaller than a pixel row are merged into that row with the most
 * telling class (sensitive over local over global). With few visible intervals the cost is linear in them; with
 * many more than pixel rows each row asks the column's class index instead, so a repaint costs per row.
 */
public final class MapRenderer {

	/** Width of the region gutter. */
	public static final int GUTTER = 170;
	/** Height of the column headers. */
	public static final int HEADER = 40;
	/** Gap between columns. */
	public static final int GAP = 12;
	private static final int TEXT = 0x202020;
	private static final int GRID = 0xb0b0b0;
	/** Outline of the selected range. */
	public static final int SELECTION = 0x1060e0;

	private final MapModel model;
	private final Viewport viewport;
	private boolean differencesOnly;
	private long selectionStart;
	private long selectionEnd;

	/** A renderer of {@code model} within {@code viewport}. */
	public MapRenderer(MapModel model, Viewport viewport) {
		this.model = model;
		this.viewport = viewport;
	}

	/** In the full column, shows only what the first restricted space does not map. */
	public void setDifferencesOnly(boolean on) {
		differencesOnly = on;
	}

	/** Outlines {@code [start, end)} in every column; an empty range selects nothing. */
	public void setSelection(long start, long end) {
		selectionStart = start;
		selectionEnd = end;
	}

	/** The column under x, or -1. */
	public int columnAt(int x, int width) {
		int n = model.columns().size();
		int w = columnWidth(width);
		for (int c = 0; c < n; c++) {
			int left = GUTTER + c * (w + GAP);
			if (x >= left && x < left + w) {
				return c;
			}
		}
		return -1;
	}

	private int columnWidth(int width) {
		int n = Math.max(1, model.columns().size());
		return Math.max(40, (width - GUTTER - GAP * n) / n);
	}

	/** Paints the whole map into a canvas of the given size. */
	public void paint(Canvas canvas, int width, int height) {
		canvas.fillRect(0, 0, width, height, 0xffffff);
		int plot = Math.max(1, height - HEADER - 20);
		paintRegions(canvas, plot);
		int w = columnWidth(width);
		for (int c = 0; c < model.columns().size(); c++) {
			int left = GUTTER + c * (w + GAP);
			MapModel.Column col = model.columns().get(c);
			canvas.drawText(col.name(), left, 4, TEXT, true);
			canvas.drawText(Sizes.bytes(col.bytes()) + " mapped", left, 4 + canvas.lineHeight(), 0x606060, false);
			canvas.fillRect(left, HEADER, w, plot, ClassColors.UNMAPPED);
			boolean diff = c == 0 && differencesOnly && model.columns().size() > 1;
			paintColumn(canvas, diff ? model.differences() : col, diff ? model.differenceRuns() : model.runs(c), left, w,
					plot);
			canvas.drawRect(left, HEADER, w - 1, plot - 1, GRID);
			paintSelection(canvas, left, w, plot);
		}
		canvas.drawText(hex(viewport.top()), 4, HEADER - canvas.lineHeight(), 0x606060, false);
		canvas.drawText((viewport.bottom() == 0 ? "top of the address space" : hex(viewport.bottom())) + "  (" + Sizes.bytes((long) Math.min(Long.MAX_VALUE, viewport.span())) + ")",
				4, HEADER + plot + 2, 0x606060, false);
	}

	private void paintSelection(Canvas canvas, int left, int w, int plot) {
		if (selectionStart == selectionEnd) {
			return;
		}
		long top0 = viewport.top();
		long bottom0 = viewport.bottom();
		boolean startsAbove = Long.compareUnsigned(selectionStart, top0) < 0;
		if (startsAbove && selectionEnd != 0 && Long.compareUnsigned(selectionEnd, top0) <= 0) {
			return;
		}
		double y0 = startsAbove ? 0 : viewport.y(selectionStart, plot);
		if (y0 > plot) {
			return;
		}
		double y1 = selectionEnd == 0 || bottom0 != 0 && Long.compareUnsigned(selectionEnd, bottom0) > 0 ? plot
				: viewport.y(selectionEnd, plot);
		// at least a few rows high, so a single object stays visible when zoomed out
		int top = (int) Math.max(0, Math.floor(y0)) - 1;
		int bottom = (int) Math.min(plot, Math.ceil(y1)) + 1;
		if (bottom - top < 4) {
			top -= 2;
			bottom = top + 5;
		}
		canvas.drawRect(left - 2, HEADER + top, w + 3, bottom - top, SELECTION);
		canvas.drawRect(left - 3, HEADER + top - 1, w + 5, bottom - top + 2, SELECTION);
	}

	private void paintRegions(Canvas canvas, int plot) {
		int line = canvas.lineHeight();
		boolean shade = false;
		for (Region r : model.regions()) {
			double y0 = viewport.y(r.start(), plot);
			double y1 = r.end() == 0 ? viewport.y(-1L, plot) + 1 : viewport.y(r.end(), plot);
			if (y1 < 0 || y0 > plot || Long.compareUnsigned(r.start(), viewport.top()) < 0 && Long.compareUnsigned(r.end(), viewport.top()) <= 0 && r.end() != 0) {
				continue;
			}
			int top = HEADER + (int) Math.max(0, Math.floor(y0));
			int bottom = HEADER + (int) Math.min(plot, Math.ceil(y1));
			if (bottom <= top) {
				bottom = top + 1;
			}
			shade = !shade;
			canvas.fillRect(0, top, GUTTER - 6, bottom - top, shade ? 0xe8eef6 : 0xf4f7fb);
			canvas.drawLine(0, top, GUTTER - 6, top, GRID);
			if (bottom - top >= line) {
				canvas.drawText(r.name(), 4, top + 1, TEXT, false);
			}
		}
	}

	private void paintColumn(Canvas canvas, MapModel.Column col, ClassRuns runs, int left, int w, int plot) {
		long top = viewport.top();
		long bottom = viewport.bottom();
		int first = col.firstEndingAfter(top);
		int last = bottom == 0 ? col.size() : col.firstEndingAfter(bottom);
		if (last - first > 4L * plot) {
			paintRows(canvas, runs, left, w, plot);
			return;
		}
		int lastRow = -1;
		int lastPriority = -1;
		for (int i = first; i < col.size(); i++) {
			long s = col.start()[i];
			if (bottom != 0 && Long.compareUnsigned(s, bottom) >= 0) {
				break;
			}
			int key = col.classKey(i);
			int color = ClassColors.of(key);
			if (MappingAttr.isRegion(col.attr()[i])) {
				color = ClassColors.pale(color);
			}
			int y0 = (int) Math.floor(Math.max(0, viewport.y(Long.compareUnsigned(s, top) < 0 ? top : s, plot)));
			long e = col.end()[i];
			double ye = e == 0 || bottom != 0 && Long.compareUnsigned(e, bottom) > 0 ? plot : viewport.y(e, plot);
			int y1 = Math.max(y0 + 1, (int) Math.min(plot, Math.ceil(ye)));
			int priority = ClassColors.priority(key);
			if (y1 - y0 == 1 && y0 == lastRow) {
				// several intervals share this pixel row: it shows the most telling class
				if (priority > lastPriority) {
					canvas.fillRect(left, HEADER + y0, w, 1, color);
					lastPriority = priority;
				}
				continue;
			}
			canvas.fillRect(left, HEADER + y0, w, y1 - y0, color);
			lastRow = y1 - 1;
			lastPriority = priority;
		}
	}

	/** Paints row by row from the class index, merging runs of rows of one colour into one rectangle. */
	private void paintRows(Canvas canvas, ClassRuns runs, int left, int w, int plot) {
		int runColor = -1;
		int runStart = 0;
		long from = viewport.top();
		for (int y = 0; y < plot; y++) {
			long to = y == plot - 1 ? viewport.bottom() : viewport.address(y + 1, plot);
			int color = runs.colorOf(from, to);
			if (color != runColor) {
				if (runColor >= 0) {
					canvas.fillRect(left, HEADER + runStart, w, y - runStart, runColor);
				}
				runColor = color;
				runStart = y;
			}
			from = to;
		}
		if (runColor >= 0) {
			canvas.fillRect(left, HEADER + runStart, w, plot - runStart, runColor);
		}
	}

	static String hex(long a) {
		return String.format("0x%016x", a);
	}

}

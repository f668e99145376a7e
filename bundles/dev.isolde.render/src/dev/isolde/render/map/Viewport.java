// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

/**
 * The visible address range of the map, top to bottom, over unsigned 64-bit addresses; zooms from the
 * whole canonical kernel half (128 TiB, or 32 PiB with 5-level paging) down to a few 4 KiB pages.
 */
public final class Viewport {

	/** The smallest span shown: four pages, so single pages stay distinguishable. */
	public static final long MIN_SPAN = 4 * 4096;

	private long top;
	private double span;

	/** A viewport over the kernel half of the given paging mode. */
	public Viewport(int pagingLevels) {
		reset(pagingLevels);
	}

	/** Shows the whole canonical kernel half (mm.rst: from -128 TB, or -64 PB with 5 levels). */
	public void reset(int pagingLevels) {
		top = pagingLevels == 5 ? 0xff00000000000000L : 0xffff800000000000L;
		span = -(double) top;
	}

	/** Shows {@code [start, end)}; an end of 0 means the top of the address space. */
	public void show(long start, long end) {
		top = start;
		span = Math.max(MIN_SPAN, unsigned(end - start));
	}

	/** First visible address. */
	public long top() {
		return top;
	}

	/** Visible bytes. */
	public double span() {
		return span;
	}

	/** One past the last visible address, saturating at the top of the address space. */
	public long bottom() {
		double room = unsigned(-top);
		return span >= room ? 0 : top + (long) span;
	}

	/** The y (in pixels within a plot of {@code height}) of address {@code va}, unclipped. */
	public double y(long va, int height) {
		return unsigned(va - top) / span * height;
	}

	/** The address shown at pixel row {@code y} of a plot of {@code height}. */
	public long address(double y, int height) {
		return top + (long) (y / height * span);
	}

	/** Zooms by {@code factor} (&lt;1 zooms in) keeping the address under row {@code y} fixed. */
	public void zoom(double factor, double y, int height) {
		long anchor = address(y, height);
		double newSpan = Math.max(MIN_SPAN, Math.min(span * factor, maxSpan()));
		double above = y / height * newSpan;
		long newTop = anchor - (long) above;
		span = newSpan;
		top = clampTop(newTop);
	}

	/** Moves the view by {@code dy} pixels of a plot of {@code height}. */
	public void pan(double dy, int height) {
		long delta = (long) (dy / height * span);
		top = clampTop(top - delta);
	}

	private double maxSpan() {
		return unsigned(-0xff00000000000000L);
	}

	private long clampTop(long t) {
		// keep the view inside the kernel half: below the top of the address space, above the non-canonical hole
		double room = unsigned(-t);
		if (room < span) {
			return -(long) span;
		}
		if (t >= 0) {
			return top;
		}
		return t;
	}

	static double unsigned(long v) {
		return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
	}
}

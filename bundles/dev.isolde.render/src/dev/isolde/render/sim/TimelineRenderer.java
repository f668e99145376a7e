// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.sim;

import java.util.Locale;

import dev.isolde.engine.sim.LeakWindow;
import dev.isolde.render.canvas.Canvas;
import dev.isolde.render.map.ClassColors;
import dev.isolde.render.sim.SiblingTimeline.State;

/** Paints a {@link SiblingTimeline}: one lane per sibling, leak windows as bands, asi_exits as ticks. */
public final class TimelineRenderer {

	/** Width of the lane labels. */
	public static final int LABEL = 90;
	/** Height of one lane. */
	public static final int LANE = 26;
	/** Colour of leak windows. */
	public static final int LEAK = 0xf2a33a;
	private static final int TEXT = 0x202020;

	private final SiblingTimeline timeline;

	/** A renderer of {@code timeline}. */
	public TimelineRenderer(SiblingTimeline timeline) {
		this.timeline = timeline;
	}

	/** The fill of a state. */
	public static int color(State state) {
		return switch (state) {
		case IDLE -> 0xe0e0e0;
		case UNTRUSTED -> ClassColors.LOCAL_VM;
		case RESTRICTED -> ClassColors.GLOBAL;
		case UNRESTRICTED -> ClassColors.SENSITIVE;
		};
	}

	/** Paints into the rectangle {@code (x, y, width, height)} of {@code canvas}. */
	public void paint(Canvas canvas, int x, int y, int width, int height) {
		int line = canvas.lineHeight();
		canvas.fillRect(x, y, width, height, 0xffffff);
		canvas.drawText("Core of CPUs " + timeline.cpu() + " and " + (timeline.cpu() + 1) + ", events 0–"
				+ timeline.length() + " under asi: leak windows (orange) and asi_exits (ticks)", x + 4, y + 2, TEXT, true);
		int plotX = x + LABEL;
		int plotW = Math.max(1, width - LABEL - 10);
		int top = y + line + 8;
		for (int k = 0; k < 2; k++) {
			int laneY = top + k * (LANE + 22) + 8;
			canvas.drawText("CPU " + (timeline.cpu() + k), x + 4, laneY + (LANE - line) / 2, TEXT, false);
			canvas.fillRect(plotX, laneY, plotW, LANE, color(State.IDLE));
			for (SiblingTimeline.Segment s : timeline.segments()) {
				if (s.cpu() == timeline.cpu() + k && s.to() > s.from()) {
					int x0 = px(s.from(), plotX, plotW);
					int x1 = Math.max(x0 + 1, px(s.to(), plotX, plotW));
					canvas.fillRect(x0, laneY, x1 - x0, LANE, color(s.state()));
				}
			}
			for (LeakWindow w : timeline.windows()) {
				if (w.cpu() == timeline.cpu() + k) {
					int x0 = px(w.startSeq(), plotX, plotW);
					int x1 = Math.max(x0 + 2, px(Math.min(w.endSeq(), timeline.length()), plotX, plotW));
					canvas.fillRect(x0, laneY - 7, x1 - x0, 6, LEAK);
				}
			}
			for (SiblingTimeline.Exit e : timeline.exits()) {
				if (e.cpu() == timeline.cpu() + k) {
					int ex = px(e.seq(), plotX, plotW);
					canvas.drawLine(ex, laneY + LANE, ex, laneY + LANE + 6, TEXT);
				}
			}
			canvas.drawRect(plotX, laneY, plotW, LANE, 0x909090);
		}
		int legendY = top + 2 * (LANE + 22) + 8;
		int lx = plotX;
		for (State s : new State[] { State.UNTRUSTED, State.RESTRICTED, State.UNRESTRICTED, State.IDLE }) {
			String label = switch (s) {
			case UNTRUSTED -> "untrusted (guest/user)";
			case RESTRICTED -> "kernel, restricted";
			case UNRESTRICTED -> "kernel, full (after asi_exit)";
			case IDLE -> "idle";
			};
			canvas.fillRect(lx, legendY + 3, 10, 10, color(s));
			canvas.drawText(label, lx + 14, legendY, TEXT, false);
			lx += 24 + canvas.textWidth(label);
		}
		canvas.fillRect(lx, legendY + 3, 10, 10, LEAK);
		canvas.drawText(String.format(Locale.ROOT, "leak window (%d)", timeline.windows().size()), lx + 14, legendY, TEXT,
				false);
	}

	/** The height this renderer needs. */
	public static int height(Canvas canvas) {
		return canvas.lineHeight() * 2 + 2 * (LANE + 22) + 24;
	}

	private int px(long seq, int plotX, int plotW) {
		return plotX + (int) Math.round((double) seq / Math.max(1, timeline.length()) * plotW);
	}
}

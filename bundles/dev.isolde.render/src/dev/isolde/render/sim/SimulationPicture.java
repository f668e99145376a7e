// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.sim;

import java.util.List;
import java.util.Locale;

import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.render.canvas.Canvas;

/**
 * A simulation drawn headlessly for SVG and PNG: per strategy, mitigation cycles per 1,000 events, asi_exits by
 * cause and leak windows as bar charts, then the siblings' timeline.
 */
public final class SimulationPicture {

	/** Colour of fault exits. */
	public static final int FAULT = 0xd64541;
	/** Colour of explicit exits. */
	public static final int EXPLICIT = 0x8e5cc4;
	/** Colour of exits on a context switch. */
	public static final int SWITCH = 0x2f6fc6;
	/** Colour of cycle bars. */
	public static final int CYCLES = 0x5b6f82;
	private static final int TEXT = 0x202020;

	private final String title;
	private final List<StrategyResult> results;
	private final SiblingTimeline timeline;

	/** A picture of {@code results} with {@code timeline} (null: none) under a title. */
	public SimulationPicture(String title, List<StrategyResult> results, SiblingTimeline timeline) {
		this.title = title;
		this.results = List.copyOf(results);
		this.timeline = timeline;
	}

	/** Paints the whole picture into a canvas of the given size. */
	public void paint(Canvas canvas, int width, int height) {
		canvas.fillRect(0, 0, width, height, 0xffffff);
		canvas.drawText(title, 8, 6, TEXT, true);
		int timelineHeight = timeline == null ? 0 : TimelineRenderer.height(canvas);
		int chartTop = 12 + canvas.lineHeight();
		int chartHeight = Math.max(80, height - chartTop - timelineHeight - 10);
		int chartWidth = (width - 16 - 2 * 12) / 3;
		int n = results.size();
		double[][] cycles = new double[n][];
		double[][] exits = new double[n][];
		double[][] windows = new double[n][];
		for (int i = 0; i < n; i++) {
			StrategyResult r = results.get(i);
			cycles[i] = new double[] { r.cyclesPerKiloEvent() };
			exits[i] = new double[] { r.faultExits(), r.explicitExits(), r.switchExits() };
			windows[i] = new double[] { r.windowCount() };
		}
		bars(canvas, 8, chartTop, chartWidth, chartHeight, "Mitigation cycles / 1,000 events", cycles,
				new int[] { CYCLES });
		bars(canvas, 8 + chartWidth + 12, chartTop, chartWidth, chartHeight, "asi_exits: fault, explicit, switch", exits,
				new int[] { FAULT, EXPLICIT, SWITCH });
		bars(canvas, 8 + 2 * (chartWidth + 12), chartTop, chartWidth, chartHeight, "Leak windows", windows,
				new int[] { TimelineRenderer.LEAK });
		if (timeline != null) {
			new TimelineRenderer(timeline).paint(canvas, 0, height - timelineHeight, width, timelineHeight);
		}
	}

	/** A bar per strategy, stacked from {@code values[i]} in {@code colors}. */
	private void bars(Canvas canvas, int x, int y, int w, int h, String heading, double[][] values, int[] colors) {
		int line = canvas.lineHeight();
		canvas.drawText(heading, x, y, TEXT, true);
		double max = 0;
		for (double[] v : values) {
			double sum = 0;
			for (double d : v) {
				sum += d;
			}
			max = Math.max(max, sum);
		}
		int plotTop = y + line + 4 + line;
		int plotBottom = y + h - line - 4;
		int plotH = Math.max(1, plotBottom - plotTop);
		canvas.drawLine(x, plotBottom, x + w, plotBottom, 0x909090);
		int slot = w / Math.max(1, values.length);
		for (int i = 0; i < values.length; i++) {
			int bx = x + i * slot + slot / 6;
			int bw = Math.max(2, slot * 2 / 3);
			int top = plotBottom;
			double sum = 0;
			for (int k = 0; k < values[i].length; k++) {
				int bh = max == 0 ? 0 : (int) Math.round(values[i][k] / max * plotH);
				top -= bh;
				canvas.fillRect(bx, top, bw, bh, colors[k]);
				sum += values[i][k];
			}
			String v = String.format(Locale.ROOT, "%,.0f", sum);
			canvas.drawText(v, bx + (bw - canvas.textWidth(v)) / 2, top - line, TEXT, false);
			String name = results.get(i).strategy().cliName().replace("_scheduling", "_sched");
			canvas.drawText(name, bx + (bw - canvas.textWidth(name)) / 2, plotBottom + 2, TEXT, false);
		}
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.report;

import java.awt.image.BufferedImage;

import dev.isolde.engine.kernel.Region;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.canvas.AwtCanvas;
import dev.isolde.render.canvas.Canvas;
import dev.isolde.render.canvas.SvgCanvas;
import dev.isolde.render.graph.GraphRenderer;
import dev.isolde.render.graph.PolicyGraph;
import dev.isolde.render.map.MapModel;
import dev.isolde.render.map.MapRenderer;
import dev.isolde.render.map.Viewport;

/**
 * A picture of an analysis, drawn headlessly by the renderers the views use: the address-space map (the full space
 * and each restricted space) or the policy graph.
 */
public final class Picture {

	/** Margin around the laid-out graph, as in the view. */
	private static final int MARGIN = 10;

	private final MapRenderer map;
	private final GraphRenderer graph;
	private final int width;
	private final int height;

	private Picture(MapRenderer map, GraphRenderer graph, int width, int height) {
		this.map = map;
		this.graph = graph;
		this.width = width;
		this.height = height;
	}

	/** The address-space map of every space of {@code a}; zoomed to {@code region}, or the whole kernel half if null. */
	public static Picture map(Analysis a, Region region) {
		Viewport viewport = new Viewport(a.policy().pagingLevels());
		if (region != null) {
			viewport.show(region.start(), region.end());
		}
		return new Picture(new MapRenderer(MapModel.of(a), viewport), null, 1000, 700);
	}

	/** The policy graph of {@code a}, laid out by ELK. */
	public static Picture graph(Analysis a) {
		PolicyGraph g = PolicyGraph.of(a);
		return new Picture(null, new GraphRenderer(g), (int) Math.ceil(g.width()) + 2 * MARGIN,
				(int) Math.ceil(g.height()) + 2 * MARGIN);
	}

	/** The natural width: the graph's laid-out width, or the map's default. */
	public int width() {
		return width;
	}

	/** The natural height. */
	public int height() {
		return height;
	}

	/** Paints the picture into a canvas of the given size; a graph shrinks to fit but never enlarges its text. */
	public void paint(Canvas canvas, int w, int h) {
		if (map != null) {
			map.paint(canvas, w, h);
			return;
		}
		double zoom = Math.min(1, Math.min((double) (w - 2 * MARGIN) / Math.max(1, width - 2 * MARGIN),
				(double) (h - 2 * MARGIN) / Math.max(1, height - 2 * MARGIN)));
		graph.setView(zoom, MARGIN, MARGIN);
		graph.paint(canvas, w, h);
	}

	/** The picture as an SVG document of the given size. */
	public String toSvg(int w, int h) {
		SvgCanvas svg = new SvgCanvas(w, h);
		paint(svg, w, h);
		return svg.toSvg();
	}

	/** The picture as an image of the given size. */
	public BufferedImage toImage(int w, int h) {
		AwtCanvas awt = new AwtCanvas(w, h);
		paint(awt, w, h);
		return awt.image();
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import dev.isolde.render.canvas.Canvas;

/** Paints a laid-out graph at a zoom and offset, on screen or into SVG/PNG. */
public final class GraphRenderer {

	private final PolicyGraph graph;
	private double zoom = 1;
	private double offsetX = 10;
	private double offsetY = 10;

	/** A renderer of {@code graph}. */
	public GraphRenderer(PolicyGraph graph) {
		this.graph = graph;
	}

	/** Sets the zoom factor and the pixel offset of the drawing's origin. */
	public void setView(double zoom, double offsetX, double offsetY) {
		this.zoom = zoom;
		this.offsetX = offsetX;
		this.offsetY = offsetY;
	}

	private int x(double gx) {
		return (int) Math.round(offsetX + gx * zoom);
	}

	private int y(double gy) {
		return (int) Math.round(offsetY + gy * zoom);
	}

	/** Paints the graph into a canvas of the given size. */
	public void paint(Canvas canvas, int width, int height) {
		canvas.fillRect(0, 0, width, height, 0xffffff);
		for (PolicyGraph.Edge e : graph.edges()) {
			double[] p = e.points();
			for (int i = 0; i + 3 < p.length; i += 2) {
				canvas.drawLine(x(p[i]), y(p[i + 1]), x(p[i + 2]), y(p[i + 3]), 0x707070);
			}
			int ex = x(p[p.length - 2]);
			int ey = y(p[p.length - 1]);
			canvas.fillRect(ex - 3, ey - 3, 6, 6, 0x707070);
			if (!e.label().isEmpty() && zoom >= 0.6) {
				canvas.drawText(e.label(), x(e.labelX()), y(e.labelY()), 0x404040, false);
			}
		}
		for (PolicyGraph.Node n : graph.nodes()) {
			int nx = x(n.x());
			int ny = y(n.y());
			int nw = (int) Math.round(n.width() * zoom);
			int nh = (int) Math.round(n.height() * zoom);
			canvas.fillRect(nx, ny, nw, nh, n.fill());
			canvas.drawRect(nx, ny, nw, nh, 0x505050);
			if (zoom >= 0.5) {
				int ty = ny + 5;
				for (int i = 0; i < n.lines().size(); i++) {
					canvas.drawText(n.lines().get(i), nx + 8, ty, 0x202020, i == 0);
					ty += canvas.lineHeight();
				}
			}
		}
	}

	/** The node under a pixel, or null. */
	public PolicyGraph.Node nodeAt(int px, int py) {
		for (PolicyGraph.Node n : graph.nodes()) {
			if (px >= x(n.x()) && px <= x(n.x() + n.width()) && py >= y(n.y()) && py <= y(n.y() + n.height())) {
				return n;
			}
		}
		return null;
	}
}

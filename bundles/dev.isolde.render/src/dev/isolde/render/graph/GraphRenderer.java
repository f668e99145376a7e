// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import dev.isolde.render.canvas.Canvas;

/** Paints a laid-out graph at a zoom and offset, on screen or into SVG/PNG. */
public final class GraphRenderer {

	/** Outline of the selected node. */
	public static final int SELECTION = 0x1060e0;

	private final LaidOutGraph graph;
	private String selected;
	private double zoom = 1;
	private double offsetX = 10;
	private double offsetY = 10;

	/** A renderer of {@code graph}. */
	public GraphRenderer(LaidOutGraph graph) {
		this.graph = graph;
	}

	/** Outlines the node with id {@code id} as selected; null selects nothing. */
	public void setSelected(String id) {
		this.selected = id;
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
		for (LaidOutGraph.Edge e : graph.edges()) {
			double[] p = e.points();
			for (int i = 0; i + 3 < p.length; i += 2) {
				canvas.drawLine(x(p[i]), y(p[i + 1]), x(p[i + 2]), y(p[i + 3]), e.color());
			}
			int ex = x(p[p.length - 2]);
			int ey = y(p[p.length - 1]);
			canvas.fillRect(ex - 3, ey - 3, 6, 6, e.color());
			if (!e.label().isEmpty() && zoom >= 0.6) {
				canvas.drawText(e.label(), x(e.labelX()), y(e.labelY()), 0x404040, false);
			}
		}
		for (LaidOutGraph.Node n : graph.nodes()) {
			int nx = x(n.x());
			int ny = y(n.y());
			int nw = (int) Math.round(n.width() * zoom);
			int nh = (int) Math.round(n.height() * zoom);
			if (nx > width || ny > height || nx + nw < 0 || ny + nh < 0) {
				continue;
			}
			canvas.fillRect(nx, ny, nw, nh, n.fill());
			canvas.drawRect(nx, ny, nw, nh, n.outline());
			if (n.outline() != LaidOutGraph.OUTLINE) {
				// a coloured outline carries meaning (shared, private): make it visible at any zoom
				canvas.drawRect(nx + 1, ny + 1, nw - 2, nh - 2, n.outline());
			}
			if (n.id().equals(selected)) {
				canvas.drawRect(nx - 2, ny - 2, nw + 4, nh + 4, SELECTION);
				canvas.drawRect(nx - 3, ny - 3, nw + 6, nh + 6, SELECTION);
			}
			if (zoom >= 0.5) {
				int ty = ny + 5;
				// text keeps its size while boxes shrink: leave out the lines the box has no room for
				for (int i = 0; i < n.lines().size() && ty + canvas.lineHeight() <= ny + nh + 2; i++) {
					canvas.drawText(n.lines().get(i), nx + 8, ty, 0x202020, i == 0);
					ty += canvas.lineHeight();
				}
			}
		}
	}

	/** The node under a pixel, or null. */
	public LaidOutGraph.Node nodeAt(int px, int py) {
		for (LaidOutGraph.Node n : graph.nodes()) {
			if (px >= x(n.x()) && px <= x(n.x() + n.width()) && py >= y(n.y()) && py <= y(n.y() + n.height())) {
				return n;
			}
		}
		return null;
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import dev.isolde.render.graph.GraphRenderer;
import dev.isolde.render.graph.LaidOutGraph;
import dev.isolde.ui.views.render.SwtCanvas;

/**
 * An SWT canvas showing a laid-out graph: wheel zooms around the pointer, drag pans, click selects a node. The
 * painting is {@link GraphRenderer}'s, so exports match the screen.
 */
public final class GraphCanvas {

	private final Canvas canvas;
	private LaidOutGraph graph;
	private double zoom = 1;
	private double offsetX = 10;
	private double offsetY = 10;
	private Point dragFrom;
	private boolean dragged;
	private boolean fitOnPaint;
	private LaidOutGraph.Node selected;
	private Consumer<LaidOutGraph.Node> onSelect = n -> {
	};

	/** A graph canvas under {@code parent}. */
	public GraphCanvas(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.addPaintListener(e -> {
			Point size = canvas.getSize();
			if (graph == null) {
				e.gc.fillRectangle(0, 0, size.x, size.y);
				return;
			}
			if (fitOnPaint) {
				fitOnPaint = false;
				fit();
			}
			SwtCanvas c = new SwtCanvas(e.gc);
			try {
				picture().paint(c, size.x, size.y);
			} finally {
				c.dispose();
			}
		});
		canvas.addListener(SWT.MouseVerticalWheel, e -> {
			double factor = e.count > 0 ? 1.2 : 1 / 1.2;
			offsetX = e.x - (e.x - offsetX) * factor;
			offsetY = e.y - (e.y - offsetY) * factor;
			zoom *= factor;
			canvas.redraw();
		});
		canvas.addListener(SWT.MouseDown, e -> {
			dragFrom = new Point(e.x, e.y);
			dragged = false;
		});
		canvas.addListener(SWT.MouseUp, e -> {
			if (!dragged && e.button == 1 && graph != null) {
				select(renderer().nodeAt(e.x, e.y));
			}
			dragFrom = null;
		});
		canvas.addListener(SWT.MouseMove, e -> {
			if (dragFrom != null && (e.stateMask & SWT.BUTTON1) != 0) {
				offsetX += e.x - dragFrom.x;
				offsetY += e.y - dragFrom.y;
				dragged = true;
				dragFrom = new Point(e.x, e.y);
				canvas.redraw();
			}
		});
	}

	/** The SWT control. */
	public Canvas control() {
		return canvas;
	}

	/** Calls {@code listener} with the node a click selects (null when a click hits no node). */
	public void onSelect(Consumer<LaidOutGraph.Node> listener) {
		this.onSelect = listener;
	}

	/** Shows {@code g}, fitted to the canvas. */
	public void setGraph(LaidOutGraph g) {
		graph = g;
		selected = null;
		fit();
	}

	/** The graph shown, or null. */
	public LaidOutGraph graph() {
		return graph;
	}

	/** The selected node, or null. */
	public LaidOutGraph.Node selected() {
		return selected;
	}

	/** Selects {@code node} (null: nothing), redraws and tells the listener. */
	public void select(LaidOutGraph.Node node) {
		selected = node;
		canvas.redraw();
		onSelect.accept(node);
	}

	private GraphRenderer renderer() {
		GraphRenderer r = new GraphRenderer(graph);
		r.setView(zoom, offsetX, offsetY);
		r.setSelected(selected == null ? null : selected.id());
		return r;
	}

	/** What the canvas shows at its zoom and offset, for painting and export. */
	public Picture picture() {
		return (c, w, h) -> renderer().paint(c, w, h);
	}

	/** Zooms out to show the whole graph; never enlarges past 1:1, since text does not scale. */
	public void fit() {
		if (graph == null) {
			return;
		}
		Point size = canvas.getSize();
		if (size.x <= 20 || size.y <= 20) {
			fitOnPaint = true; // not laid out on screen yet: fit once it has a size
			return;
		}
		zoom = Math.min(1, Math.min((size.x - 20) / Math.max(1, graph.width()), (size.y - 20) / Math.max(1, graph.height())));
		offsetX = 10;
		offsetY = 10;
		canvas.redraw();
	}

	/** Shows {@code node} at 1:1 near the top-left corner. */
	public void reveal(LaidOutGraph.Node node) {
		zoom = 1;
		offsetX = 20 - node.x();
		offsetY = 20 - node.y();
		canvas.redraw();
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import dev.isolde.io.engine.Analysis;
import dev.isolde.render.graph.GraphRenderer;
import dev.isolde.render.graph.PolicyGraph;
import dev.isolde.render.canvas.SvgCanvas;
import dev.isolde.ui.views.render.SwtCanvas;

/** The policy graph: classes, instances, contexts and the memory classes each instance maps, laid out by ELK. */
public class PolicyGraphView extends AnalysisView {

	/** View id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.views.policyGraph";

	private Canvas canvas;
	private PolicyGraph graph;
	private double zoom = 1;
	private double offsetX = 10;
	private double offsetY = 10;
	private Point dragFrom;
	private boolean fitOnPaint;

	@Override
	protected Control createContent(Composite parent) {
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
				renderer().paint(c, size.x, size.y);
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
		canvas.addListener(SWT.MouseDown, e -> dragFrom = new Point(e.x, e.y));
		canvas.addListener(SWT.MouseUp, e -> dragFrom = null);
		canvas.addListener(SWT.MouseMove, e -> {
			if (dragFrom != null && (e.stateMask & SWT.BUTTON1) != 0) {
				offsetX += e.x - dragFrom.x;
				offsetY += e.y - dragFrom.y;
				dragFrom = new Point(e.x, e.y);
				canvas.redraw();
			}
		});
		getViewSite().getActionBars().getToolBarManager().add(new Action("Fit") {
			@Override
			public void run() {
				fit();
			}
		});
		return canvas;
	}

	private GraphRenderer renderer() {
		GraphRenderer r = new GraphRenderer(graph);
		r.setView(zoom, offsetX, offsetY);
		return r;
	}

	private void fit() {
		if (graph == null) {
			return;
		}
		Point size = canvas.getSize();
		if (size.x <= 20 || size.y <= 20) {
			fitOnPaint = true; // not laid out on screen yet: fit once it has a size
			return;
		}
		// text does not scale, so never enlarge past 1:1; shrink only to make a big graph fit
		zoom = Math.min(1, Math.min((size.x - 20) / Math.max(1, graph.width()), (size.y - 20) / Math.max(1, graph.height())));
		offsetX = 10;
		offsetY = 10;
		canvas.redraw();
	}

	@Override
	protected Object prepare(Analysis analysis) {
		return PolicyGraph.of(analysis);
	}

	@Override
	protected void show(Analysis analysis, Object prepared, boolean samePolicy) {
		graph = (PolicyGraph) prepared;
		status(String.format("%s: %d nodes, %d edges (ELK layered)", analysis.policy().name(), graph.nodes().size(),
				graph.edges().size()));
		fit();
	}

	/** The laid-out graph, or null before the first analysis (for tests). */
	public PolicyGraph graph() {
		return graph;
	}

	/** The graph as SVG, drawn by the same renderer as the view. */
	public String toSvg(int width, int height) {
		SvgCanvas svg = new SvgCanvas(width, height);
		renderer().paint(svg, width, height);
		return svg.toSvg();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}
}

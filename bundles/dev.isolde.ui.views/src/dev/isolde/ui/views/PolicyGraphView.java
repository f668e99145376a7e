// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import dev.isolde.io.engine.Analysis;
import dev.isolde.render.graph.PolicyGraph;

/** The policy graph: classes, instances, contexts and the memory classes each instance maps, laid out by ELK. */
public class PolicyGraphView extends AnalysisView {

	/** View id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.views.policyGraph";

	private GraphCanvas canvas;
	private PolicyGraph graph;
	private final SelectionSource selection = new SelectionSource();

	@Override
	protected Control createContent(Composite parent) {
		canvas = new GraphCanvas(parent);
		canvas.onSelect(n -> selection.select(n == null ? null : new GraphNodeProperties(n, null)));
		getSite().setSelectionProvider(selection);
		IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
		tb.add(Actions.of("Fit", "Show the whole graph", canvas::fit));
		tb.add(Actions.of("Export SVG…", "Save the graph as SVG", () -> export("svg")));
		tb.add(Actions.of("Export PNG…", "Save the graph as PNG", () -> export("png")));
		return canvas.control();
	}

	private void export(String format) {
		if (graph == null) {
			return;
		}
		Point size = canvas.control().getSize();
		String status = PictureExport.saveAs(canvas.control().getShell(), canvas.picture(), size.x, size.y,
				analysis().policy().name() + "-policy-graph", format);
		if (status != null) {
			status(status);
		}
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
		canvas.setGraph(graph);
	}

	/** The laid-out graph, or null before the first analysis (for tests). */
	public PolicyGraph graph() {
		return graph;
	}

	/** The graph canvas (for tests). */
	public GraphCanvas canvas() {
		return canvas;
	}

	/** The graph as SVG, drawn by the same renderer as the view. */
	public String toSvg(int width, int height) {
		return PictureExport.svg(canvas.picture(), width, height);
	}

	@Override
	public void setFocus() {
		canvas.control().setFocus();
	}
}

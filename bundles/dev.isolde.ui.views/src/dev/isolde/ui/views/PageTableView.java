// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISelectionListener;

import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.io.Sizes;
import dev.isolde.io.engine.Analysis;
import dev.isolde.model.paging.PageTableWalk.Level;
import dev.isolde.render.graph.PageTableGraph;
import dev.isolde.render.graph.PageTableGraph.Sharing;

/**
 * The page tables behind an address range, full and restricted side by side (ELK layered): which tables the
 * restricted space shares with the full page table and which it must keep private. The range follows the
 * selection in the address-space map; by default it is the kernel text.
 */
public class PageTableView extends AnalysisView {

	/** View id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.views.pageTables";
	/** Tables laid out at most: a few thousand boxes are all a screen (and ELK in well under a second) can take. */
	public static final int MAX_TABLES = 2_000;

	private GraphCanvas canvas;
	private PageTableGraph graph;
	private int instance;
	private long start;
	private long end;
	private boolean rangeChosen;
	private final SelectionSource selection = new SelectionSource();
	private final ISelectionListener mapListener = (part, s) -> {
		if (part != this && s instanceof IStructuredSelection ss && ss.getFirstElement() instanceof MapSelection m) {
			showRange(m.hit().start(), m.hit().end());
		}
	};

	@Override
	protected Control createContent(Composite parent) {
		canvas = new GraphCanvas(parent);
		canvas.onSelect(n -> selection.select(n == null ? null
				: new GraphNodeProperties(n, graph == null ? null : graph.table(n.id()))));
		getSite().setSelectionProvider(selection);
		getSite().getPage().addPostSelectionListener(AddressSpaceMapView.ID, mapListener);
		IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
		tb.add(Actions.of("Kernel text", "Show the page tables of the kernel text", () -> {
			rangeChosen = false;
			relayout();
		}));
		tb.add(Actions.of("Next instance", "Compare the full page table with the next ASI instance", () -> {
			if (analysis() != null && !analysis().spaces().instances().isEmpty()) {
				instance = (instance + 1) % analysis().spaces().instances().size();
				relayout();
			}
		}));
		tb.add(Actions.of("Fit", "Show the whole graph", canvas::fit));
		tb.add(Actions.of("Export SVG…", "Save the graph as SVG", () -> export("svg")));
		tb.add(Actions.of("Export PNG…", "Save the graph as PNG", () -> export("png")));
		return canvas.control();
	}

	/** Shows the page tables of {@code [from, to)} (to 0: the top of the address space). */
	public void showRange(long from, long to) {
		start = from;
		end = to;
		rangeChosen = true;
		relayout();
	}

	private void relayout() {
		Analysis a = analysis();
		if (a == null) {
			return;
		}
		status("Laying out the page tables…");
		Job job = new Job("Laying out page tables") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask("Walking the page tables and laying them out (ELK)", IProgressMonitor.UNKNOWN);
				try {
					Object g = prepare(a);
					canvas.control().getDisplay().asyncExec(() -> {
						if (!canvas.control().isDisposed()) {
							show(a, g, true);
						}
					});
				} finally {
					monitor.done();
				}
				return Status.OK_STATUS;
			}
		};
		job.schedule();
	}

	@Override
	protected Object prepare(Analysis analysis) {
		var instances = analysis.spaces().instances();
		if (instances.isEmpty()) {
			return analysis.policy().name() + " has no ASI instance to compare with the full page table";
		}
		long from = start;
		long to = end;
		if (!rangeChosen) {
			Region text = analysis.kernel().region("kernel_text");
			if (text == null) {
				return "the kernel model has no kernel_text region; select a range in the address-space map";
			}
			from = text.start();
			to = text.end();
		}
		return PageTableGraph.of(analysis.spaces().full(), instances.get(Math.min(instance, instances.size() - 1)),
				analysis.policy().pagingLevels(), from, to, MAX_TABLES);
	}

	@Override
	protected void show(Analysis analysis, Object prepared, boolean samePolicy) {
		if (!(prepared instanceof PageTableGraph g)) {
			status(String.valueOf(prepared));
			return;
		}
		graph = g;
		if (rangeChosen && (g.start() != start || g.end() != end)) {
			// laid out for an earlier range while a selection arrived: lay out the chosen one
			relayout();
		}
		status(String.format(Locale.ROOT,
				"%s–%s (%s), full vs %s: %d tables; restricted shares %d, keeps %d private; %d full-only",
				UnsignedOrder.hex(g.start()), g.end() == 0 ? "top" : UnsignedOrder.hex(g.end()),
				Sizes.bytes(g.end() == 0 ? -g.start() : g.end() - g.start()), g.instance(), g.tables().size(),
				count(g, Sharing.SHARED), count(g, Sharing.PRIVATE),
				count(g, Sharing.FULL_ONLY)));
		canvas.setGraph(g);
	}

	private static long count(PageTableGraph g, Sharing s) {
		long n = 0;
		for (Level l : Level.values()) {
			n += g.count(l, s);
		}
		return n;
	}

	private void export(String format) {
		if (graph == null) {
			return;
		}
		Point size = canvas.control().getSize();
		String s = PictureExport.saveAs(canvas.control().getShell(), canvas.picture(), size.x, size.y,
				analysis().policy().name() + "-page-tables", format);
		if (s != null) {
			status(s);
		}
	}

	/** The graph shown, or null (for tests). */
	public PageTableGraph graph() {
		return graph;
	}

	/** The graph canvas (for tests). */
	public GraphCanvas canvas() {
		return canvas;
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(AddressSpaceMapView.ID, mapListener);
		super.dispose();
	}

	@Override
	public void setFocus() {
		canvas.control().setFocus();
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;

import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.map.MapModel;
import dev.isolde.render.map.MapRenderer;
import dev.isolde.render.map.Viewport;
import dev.isolde.ui.views.render.SwtCanvas;

/**
 * The address-space map: the full kernel address space next to each ASI instance's restricted space,
 * coloured by memory class, for the policy in the active editor. Wheel zooms, drag pans, hover explains, a
 * click selects the range under the pointer (explained in the Properties view, followed by the page-table view),
 * double-click opens the rule that decided.
 */
public class AddressSpaceMapView extends AnalysisView {

	/** View id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.views.map";

	private org.eclipse.swt.widgets.Canvas canvas;
	private MapModel model;
	private Viewport viewport = new Viewport(4);
	private boolean differencesOnly;
	private Point dragFrom;
	private boolean dragged;
	private MapSelection selected;
	private final SelectionSource selection = new SelectionSource();

	@Override
	protected org.eclipse.swt.widgets.Control createContent(Composite parent) {
		canvas = new org.eclipse.swt.widgets.Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.addPaintListener(e -> {
			Point size = canvas.getSize();
			SwtCanvas c = new SwtCanvas(e.gc);
			try {
				if (model == null) {
					e.gc.fillRectangle(0, 0, size.x, size.y);
				} else {
					renderer().paint(c, size.x, size.y);
				}
			} finally {
				c.dispose();
			}
		});
		canvas.addListener(SWT.MouseVerticalWheel, e -> {
			viewport.zoom(e.count > 0 ? 0.8 : 1.25, e.y - MapRenderer.HEADER, plotHeight());
			canvas.redraw();
		});
		canvas.addListener(SWT.MouseDown, e -> {
			dragFrom = new Point(e.x, e.y);
			dragged = false;
		});
		canvas.addListener(SWT.MouseUp, e -> {
			if (!dragged && e.button == 1) {
				selectAt(e.x, e.y);
			}
			dragFrom = null;
		});
		canvas.addListener(SWT.MouseMove, e -> {
			if (dragFrom != null && (e.stateMask & SWT.BUTTON1) != 0) {
				dragged = true;
				viewport.pan(e.y - dragFrom.y, plotHeight());
				dragFrom = new Point(e.x, e.y);
				canvas.redraw();
			} else {
				canvas.setToolTipText(describe(e.x, e.y));
			}
		});
		canvas.addListener(SWT.MouseDoubleClick, e -> openRuleAt(e.x, e.y));
		getSite().setSelectionProvider(selection);
		contributeActions();
		return canvas;
	}

	private void contributeActions() {
		IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
		tb.add(action("Whole kernel half", () -> {
			viewport.reset(model == null ? 4 : model.analysis().policy().pagingLevels());
			canvas.redraw();
		}));
		tb.add(action("Kernel image", () -> {
			// __START_KERNEL_map up to the top: kernel text, modules, fixmap (mm.rst)
			viewport.show(0xffffffff80000000L, 0);
			canvas.redraw();
		}));
		Action diff = new Action("Differences only", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				differencesOnly = isChecked();
				canvas.redraw();
			}
		};
		diff.setToolTipText("In the full column, show only what the first restricted space leaves out");
		tb.add(diff);
		tb.add(action("Export SVG…", () -> export("svg")));
		tb.add(action("Export PNG…", () -> export("png")));
	}

	private static Action action(String label, Runnable run) {
		return Actions.of(label, null, run);
	}

	private MapRenderer renderer() {
		MapRenderer r = new MapRenderer(model, viewport);
		r.setDifferencesOnly(differencesOnly);
		if (selected != null) {
			r.setSelection(selected.hit().start(), selected.hit().end());
		}
		return r;
	}

	/** What the view shows, for painting and export. */
	public Picture picture() {
		return (c, w, h) -> renderer().paint(c, w, h);
	}

	private void selectAt(int x, int y) {
		MapModel.Hit hit = hitAt(x, y);
		select(hit == null ? null : new MapSelection(model, hit));
	}

	/** Selects what column {@code column} maps at {@code va} (nothing if it maps nothing there) and publishes it. */
	public void select(int column, long va) {
		MapModel.Hit hit = model == null ? null : model.hit(column, va);
		select(hit == null ? null : new MapSelection(model, hit));
	}

	private void select(MapSelection s) {
		selected = s;
		selection.select(s);
		canvas.redraw();
	}

	/** The selected range, explained, or null. */
	public MapSelection selected() {
		return selected;
	}

	private int plotHeight() {
		return Math.max(1, canvas.getSize().y - MapRenderer.HEADER - 20);
	}

	private MapModel.Hit hitAt(int x, int y) {
		if (model == null || y < MapRenderer.HEADER) {
			return null;
		}
		int c = renderer().columnAt(x, canvas.getSize().x);
		if (c < 0) {
			return null;
		}
		return model.hit(c, viewport.address(y - MapRenderer.HEADER, plotHeight()));
	}

	private String describe(int x, int y) {
		MapModel.Hit hit = hitAt(x, y);
		if (hit == null) {
			return null;
		}
		return String.format("%s at 0x%016x%n%s%nclass: %s%n%s", hit.column(), hit.address(), hit.what(), hit.classText(),
				hit.provenance() == null ? "" : hit.provenance().describe());
	}

	/** Opens the policy at the rule that classified what is under (x, y). */
	private void openRuleAt(int x, int y) {
		MapModel.Hit hit = hitAt(x, y);
		RuleSpec rule = hit == null || hit.provenance() == null ? null : hit.provenance().rule();
		if (rule == null || shownFile() == null) {
			return;
		}
		try {
			PolicyPlaces.reveal(getSite().getPage(), shownFile(), rule.loc());
		} catch (PartInitException e) {
			status("Cannot open " + rule.loc() + ": " + e.getMessage());
		}
	}

	@Override
	protected Object prepare(Analysis analysis) {
		return MapModel.of(analysis);
	}

	@Override
	protected void show(Analysis analysis, Object prepared, boolean samePolicy) {
		model = (MapModel) prepared;
		selected = null;
		if (!samePolicy) {
			viewport = new Viewport(analysis.policy().pagingLevels());
		}
		status(String.format("%s on %s: %d objects, %d instances — red sensitive, green global, blue/purple local",
				analysis.policy().name(), shownFile().getName(), analysis.kernel().objectCount(),
				analysis.spaces().instances().size()));
		canvas.redraw();
	}

	/** The map as SVG, drawn by the same renderer as the view. */
	public String toSvg(int width, int height) {
		return PictureExport.svg(picture(), width, height);
	}

	/** The map as PNG bytes, drawn offscreen by the same renderer as the view. */
	public byte[] toPng(int width, int height) {
		return PictureExport.png(canvas.getDisplay(), picture(), width, height);
	}

	private void export(String format) {
		if (model == null) {
			return;
		}
		Point size = canvas.getSize();
		String s = PictureExport.saveAs(canvas.getShell(), picture(), size.x, size.y,
				model.analysis().policy().name() + "-map", format);
		if (s != null) {
			status(s);
		}
	}

	/** The model shown (for tests and exports), or null before the first analysis. */
	public MapModel model() {
		return model;
	}

	/** The viewport (for tests). */
	public Viewport viewport() {
		return viewport;
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

}

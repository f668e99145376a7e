// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.ui.PartInitException;

import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.ObjectExits;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.io.Sizes;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.sim.SiblingTimeline;
import dev.isolde.render.sim.SimulationPicture;
import dev.isolde.render.sim.TimelineRenderer;
import dev.isolde.ui.views.render.SwtCanvas;

/**
 * Simulates the policy in the active editor on a scenario or workload chosen here, in a Job: per strategy the
 * mitigation cycles, the asi_exits by cause and the leak windows (SWTChart), a timeline of the two siblings of one
 * core with its leak windows, and the objects causing most exits with a "Reclassify" action that opens the policy at
 * the rule that keeps the object sensitive, or where a non-sensitive rule goes.
 */
public class SimulationView extends AnalysisView {

	/** View id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.views.simulation";
	/** Events of the timeline: enough for a few dozen guest entries per sibling, few enough to see each. */
	static final long TIMELINE_EVENTS = 1_500;

	/** What a finished simulation produced. */
	public record Outcome(SimulationSetup setup, List<StrategyResult> results, SiblingTimeline timeline) {

		/** The result of the ASI strategy, or null when the setup does not compare it. */
		public StrategyResult asi() {
			return results.stream().filter(r -> r.strategy() == Strategy.ASI).findFirst().orElse(null);
		}
	}

	private Combo setupCombo;
	private Button run;
	private Chart cycles;
	private Chart exits;
	private Chart windows;
	private Canvas timelineCanvas;
	private TableViewer objects;
	private List<SimulationSetup> setups = List.of();
	private Outcome outcome;
	private Job running;

	@Override
	protected Control createContent(Composite parent) {
		Composite top = new Composite(parent, SWT.NONE);
		top.setLayout(new GridLayout(1, false));
		Composite controls = new Composite(top, SWT.NONE);
		controls.setLayout(new GridLayout(4, false));
		controls.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(controls, SWT.NONE).setText("Simulate:");
		setupCombo = new Combo(controls, SWT.READ_ONLY);
		setupCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		run = new Button(controls, SWT.PUSH);
		run.setText("Run");
		run.addListener(SWT.Selection, e -> simulate());
		Button reclassify = new Button(controls, SWT.PUSH);
		reclassify.setText("Reclassify…");
		reclassify.setToolTipText("Open the policy at the rule for the selected object, or where a new rule goes");
		reclassify.addListener(SWT.Selection, e -> reclassifySelected());

		SashForm sash = new SashForm(top, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		Composite charts = new Composite(sash, SWT.NONE);
		charts.setLayout(new GridLayout(3, true));
		cycles = chart(charts, "Mitigation cycles / 1,000 events");
		exits = chart(charts, "asi_exits by cause");
		windows = chart(charts, "Leak windows");
		timelineCanvas = new Canvas(sash, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		timelineCanvas.addPaintListener(e -> {
			Point size = timelineCanvas.getSize();
			if (outcome == null || outcome.timeline() == null) {
				e.gc.fillRectangle(0, 0, size.x, size.y);
				return;
			}
			SwtCanvas c = new SwtCanvas(e.gc);
			try {
				new TimelineRenderer(outcome.timeline()).paint(c, 0, 0, size.x, size.y);
			} finally {
				c.dispose();
			}
		});
		objects = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		objects.getTable().setHeaderVisible(true);
		objects.setContentProvider(ArrayContentProvider.getInstance());
		column("Object (asi_exits under asi)", 260, o -> o.name());
		column("asi_exits", 90, o -> String.format(Locale.ROOT, "%,d", o.count()));
		column("Size", 80, o -> Sizes.bytes(o.bytes()));
		column("Why sensitive", 480, o -> o.provenance());
		objects.addDoubleClickListener(e -> reclassifySelected());
		sash.setWeights(40, 22, 38);

		IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
		tb.add(Actions.of("Run", "Simulate the chosen scenario under each strategy", this::simulate));
		tb.add(Actions.of("Export SVG…", "Save the charts and the timeline as SVG", () -> export("svg")));
		tb.add(Actions.of("Export PNG…", "Save the charts and the timeline as PNG", () -> export("png")));
		return top;
	}

	private static Chart chart(Composite parent, String title) {
		Chart chart = new Chart(parent, SWT.NONE);
		chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		chart.getTitle().setText(title);
		chart.getAxisSet().getXAxis(0).getTitle().setText("");
		chart.getAxisSet().getYAxis(0).getTitle().setText("");
		return chart;
	}

	private void column(String title, int width, java.util.function.Function<ObjectExits, String> text) {
		TableViewerColumn c = new TableViewerColumn(objects, SWT.NONE);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((ObjectExits) element);
			}
		});
	}

	@Override
	protected Object prepare(Analysis analysis) {
		return List.of();
	}

	@Override
	protected Object prepare(Analysis analysis, Path policy) throws IOException {
		return SimulationSetup.of(policy, analysis.kernel());
	}

	@Override
	@SuppressWarnings("unchecked")
	protected void show(Analysis analysis, Object prepared, boolean samePolicy) {
		String chosen = setupCombo.getSelectionIndex() >= 0 ? setupCombo.getText() : null;
		setups = (List<SimulationSetup>) prepared;
		setupCombo.setItems(setups.stream().map(SimulationSetup::toString).toArray(String[]::new));
		int index = chosen == null ? -1 : setupCombo.indexOf(chosen);
		setupCombo.select(Math.max(0, index));
		if (!samePolicy) {
			outcome = null;
		}
		status(analysis.policy().name() + ": choose a scenario and press Run");
		if (outcome == null && !setups.isEmpty()) {
			simulate();
		}
	}

	/** Simulates the chosen setup in a Job, one strategy after the other, and shows the outcome. */
	public void simulate() {
		Analysis a = analysis();
		int i = setupCombo.getSelectionIndex();
		if (a == null || i < 0 || i >= setups.size() || running != null) {
			return;
		}
		SimulationSetup setup = setups.get(i);
		status("Simulating " + setup + "…");
		run.setEnabled(false);
		running = new Job("Simulating " + setup.label()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask("Simulating " + setup, setup.strategies().size() + 1);
				try {
					Simulator simulator = setup.simulator(a);
					EventSource source = setup.source(a);
					List<StrategyResult> results = new ArrayList<>();
					for (Strategy s : setup.strategies()) {
						if (monitor.isCanceled()) {
							deliver(null, "Simulation cancelled");
							return Status.CANCEL_STATUS;
						}
						monitor.subTask(s.cliName());
						results.add(simulator.run(s, source));
						monitor.worked(1);
					}
					StrategyResult asi = results.stream().filter(r -> r.strategy() == Strategy.ASI).findFirst()
							.orElse(null);
					SiblingTimeline timeline = setup.cpus() < 2 ? null
							: SiblingTimeline.of(a.kernel(), a.spaces(), source, setup.cpu(), TIMELINE_EVENTS, asi);
					monitor.worked(1);
					deliver(new Outcome(setup, results, timeline), null);
				} catch (RuntimeException e) {
					deliver(null, setup.label() + ": " + e.getMessage());
				} finally {
					monitor.done();
				}
				return Status.OK_STATUS;
			}
		};
		running.setUser(false);
		running.schedule();
	}

	private void deliver(Outcome o, String error) {
		if (timelineCanvas.isDisposed()) {
			return;
		}
		timelineCanvas.getDisplay().asyncExec(() -> {
			running = null;
			if (timelineCanvas.isDisposed()) {
				return;
			}
			run.setEnabled(true);
			if (o == null) {
				status(error);
				return;
			}
			outcome = o;
			showOutcome();
		});
	}

	private void showOutcome() {
		List<StrategyResult> results = outcome.results();
		String[] names = results.stream().map(r -> shortName(r.strategy())).toArray(String[]::new);
		bars(cycles, names, new String[] { "cycles / 1k events" }, new int[] { SimulationPicture.CYCLES },
				results.stream().map(r -> new double[] { r.cyclesPerKiloEvent() }).toList());
		bars(exits, names, new String[] { "fault", "explicit", "switch" },
				new int[] { SimulationPicture.FAULT, SimulationPicture.EXPLICIT, SimulationPicture.SWITCH },
				results.stream().map(r -> new double[] { r.faultExits(), r.explicitExits(), r.switchExits() }).toList());
		bars(windows, names, new String[] { "leak windows" }, new int[] { TimelineRenderer.LEAK },
				results.stream().map(r -> new double[] { r.windowCount() }).toList());
		StrategyResult asi = outcome.asi();
		objects.setInput(asi == null ? List.of() : asi.topObjects());
		timelineCanvas.redraw();
		StringBuilder b = new StringBuilder(outcome.setup().label());
		for (StrategyResult r : results) {
			b.append(String.format(Locale.ROOT, " | %s: %,.0f cyc/1k, %,d exits, %,d windows", r.strategy().cliName(),
					r.cyclesPerKiloEvent(), r.exits(), r.windowCount()));
		}
		status(b.toString());
	}

	/** A category label short enough for five bars side by side. */
	private static String shortName(Strategy s) {
		return switch (s) {
		case ASI -> "asi";
		case ALWAYS_FLUSH -> "flush";
		case CORE_SCHEDULING -> "core sched";
		case KERNEL_CORE_SCHEDULING -> "kcore sched";
		case NONE -> "none";
		};
	}

	/** Fills {@code chart} with one stacked bar series per name, one category per strategy. */
	private static void bars(Chart chart, String[] categories, String[] series, int[] colors, List<double[]> values) {
		for (var s : chart.getSeriesSet().getSeries()) {
			chart.getSeriesSet().deleteSeries(s.getId());
		}
		IAxis x = chart.getAxisSet().getXAxis(0);
		x.setCategorySeries(categories);
		x.enableCategory(true);
		for (int k = 0; k < series.length; k++) {
			double[] ys = new double[values.size()];
			for (int i = 0; i < ys.length; i++) {
				ys[i] = values.get(i)[k];
			}
			IBarSeries<?> bar = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, series[k]);
			bar.setYSeries(ys);
			int rgb = colors[k];
			bar.setBarColor(new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
			bar.enableStack(series.length > 1);
		}
		chart.getLegend().setVisible(series.length > 1);
		chart.getAxisSet().adjustRange();
		chart.redraw();
	}

	/** Opens the policy at the rule deciding the selected object's class, or where a new rule goes. */
	public void reclassifySelected() {
		if (!(objects.getSelection() instanceof IStructuredSelection s) || !(s.getFirstElement() instanceof ObjectExits o)) {
			status("Select an object in the table first");
			return;
		}
		reclassify(o);
	}

	/** Opens the policy at the rule deciding {@code o}'s class, or where a new rule goes when none decided. */
	public void reclassify(ObjectExits o) {
		if (analysis() == null || shownFile() == null) {
			return;
		}
		Provenance p = analysis().classification().provenance(o.object());
		try {
			if (p.rule() != null && p.source() != Provenance.Source.DEFAULT) {
				PolicyPlaces.reveal(getSite().getPage(), shownFile(), p.rule().loc());
				status(o.name() + " is sensitive by " + p.describe() + ": change or narrow that rule");
			} else {
				PolicyPlaces.revealNewRulePlace(getSite().getPage(), shownFile());
				status(o.name() + " is sensitive by the policy default: add a rule here, e.g. symbol " + o.name());
			}
		} catch (PartInitException e) {
			status("Cannot open the policy: " + e.getMessage());
		}
	}

	/** What the view shows, drawn headlessly: the three charts and the timeline. */
	public Picture picture() {
		Outcome o = outcome;
		return (c, w, h) -> new SimulationPicture(analysis().policy().name() + ": " + o.setup(), o.results(), o.timeline())
				.paint(c, w, h);
	}

	private void export(String format) {
		if (outcome == null) {
			return;
		}
		String s = PictureExport.saveAs(timelineCanvas.getShell(), picture(), 1200, 700,
				analysis().policy().name() + "-simulation", format);
		if (s != null) {
			status(s);
		}
	}

	/** The last simulation's outcome, or null (for tests). */
	public Outcome outcome() {
		return outcome;
	}

	/** The setups offered (for tests). */
	public List<SimulationSetup> setups() {
		return setups;
	}

	/** The charts: cycles, exits, leak windows (for tests). */
	public List<Chart> charts() {
		return List.of(cycles, exits, windows);
	}

	/** The top-objects table (for tests). */
	public TableViewer objects() {
		return objects;
	}

	@Override
	public void setFocus() {
		setupCombo.setFocus();
	}
}

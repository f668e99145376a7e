// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.text.ITextSelection;
import org.junit.jupiter.api.Test;

import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.sim.ObjectExits;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.render.map.ClassColors;
import dev.isolde.render.sim.SiblingTimeline;
import dev.isolde.render.sim.TimelineRenderer;
import dev.isolde.ui.editor.PolicyEditor;

/** Runs the sample policy's scenario in the simulation view and checks its charts, timeline and table. */
class SimulationViewTest {

	@Test
	void scenarioRunsEveryStrategyAndChartsWhatItCost() throws Exception {
		PolicyEditor editor = Workbenches.openSamplePolicy();
		SimulationView view = assertInstanceOf(SimulationView.class, Workbenches.page().showView(SimulationView.ID));
		view.showPolicyOf(editor);
		Workbenches.waitUntil(() -> view.outcome() != null, 120_000);
		var outcome = view.outcome();
		assertNotNull(outcome, "the simulation job finished");
		assertEquals("scenario vm_exit_storm", outcome.setup().label(), "the policy's scenario comes first");
		assertEquals(4, outcome.setup().cpus(), "cores 2 smt 2");
		assertEquals(List.of(Strategy.ASI, Strategy.ALWAYS_FLUSH, Strategy.CORE_SCHEDULING,
				Strategy.KERNEL_CORE_SCHEDULING, Strategy.NONE),
				outcome.results().stream().map(StrategyResult::strategy).toList());

		// charts: one category per strategy; the exits chart stacks three causes
		var exits = view.charts().get(1);
		assertEquals(3, exits.getSeriesSet().getSeries().length);
		double[] faults = exits.getSeriesSet().getSeries("fault").getYSeries();
		assertArrayEquals(outcome.results().stream().mapToDouble(StrategyResult::faultExits).toArray(), faults);
		assertTrue(outcome.asi().faultExits() > 0, "the storm touches sensitive objects under asi");
		assertEquals(0, outcome.results().get(4).faultExits(), "no mitigation, no asi_exit");
		double[] cycles = view.charts().get(0).getSeriesSet().getSeries()[0].getYSeries();
		assertEquals(0, cycles[4], "no mitigation costs nothing");
		assertTrue(cycles[1] > 0 && cycles[0] > 0);

		// the timeline of CPUs 0 and 1: guest, restricted kernel and asi_exits
		SiblingTimeline t = outcome.timeline();
		assertEquals(0, t.cpu());
		var states = t.segments().stream().map(SiblingTimeline.Segment::state).distinct().toList();
		assertTrue(states.contains(SiblingTimeline.State.UNTRUSTED) && states.contains(SiblingTimeline.State.RESTRICTED),
				states::toString);
		var png = Workbenches.decode(PictureExport.png(view.getSite().getShell().getDisplay(), view.picture(), 1200, 700));
		assertTrue(Workbenches.count(png, TimelineRenderer.color(SiblingTimeline.State.UNTRUSTED)) > 100,
				"guest stretches drawn in the timeline");
		assertTrue(Workbenches.count(png, ClassColors.GLOBAL) > 100, "restricted kernel stretches drawn");
		assertTrue(PictureExport.svg(view.picture(), 1200, 700).contains("asi_exits: fault, explicit, switch"));

		// the table lists the objects causing most exits
		assertEquals(outcome.asi().topObjects().size(), view.objects().getTable().getItemCount());

		// Reclassify: an object sensitive by the default opens the policy just inside its global block ...
		var a = view.analysis();
		int bySensitiveDefault = -1;
		int byRule = -1;
		for (int i = 0; i < a.kernel().objectCount() && (bySensitiveDefault < 0 || byRule < 0); i++) {
			var source = a.classification().provenance(i).source();
			if (source == Provenance.Source.DEFAULT && bySensitiveDefault < 0) {
				bySensitiveDefault = i;
			} else if (source == Provenance.Source.REGION && byRule < 0) {
				byRule = i;
			}
		}
		view.reclassify(new ObjectExits(bySensitiveDefault, a.kernel().name(bySensitiveDefault), 1, "", 8));
		PolicyEditor opened = assertInstanceOf(PolicyEditor.class, Workbenches.page().getActiveEditor());
		var doc = opened.document();
		int line = ((ITextSelection) opened.getSelectionProvider().getSelection()).getStartLine();
		assertTrue(doc.get(doc.getLineOffset(line - 1), doc.getLineLength(line - 1)).contains("global nonsensitive {"));
		// ... and an object classified by a rule opens the policy at that rule
		view.reclassify(new ObjectExits(byRule, a.kernel().name(byRule), 1, "", 8));
		line = ((ITextSelection) opened.getSelectionProvider().getSelection()).getStartLine();
		assertEquals(a.classification().provenance(byRule).rule().loc().line() - 1, line);
		assertTrue(doc.get(doc.getLineOffset(line), doc.getLineLength(line)).contains("region kernel_text"));
	}
}

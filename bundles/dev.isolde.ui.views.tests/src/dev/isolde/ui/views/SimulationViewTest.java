// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.junit.jupiter.api.Test;

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

		// the table lists the objects causing most exits; Reclassify opens the policy where their rule goes
		int rows = view.objects().getTable().getItemCount();
		assertEquals(outcome.asi().topObjects().size(), rows);
		assertTrue(rows > 0);
		var top = outcome.asi().topObjects().get(0);
		view.objects().setSelection(new StructuredSelection(top));
		view.reclassifySelected();
		PolicyEditor opened = assertInstanceOf(PolicyEditor.class, Workbenches.page().getActiveEditor());
		int line = ((ITextSelection) opened.getSelectionProvider().getSelection()).getStartLine();
		var p = view.analysis().classification().provenance(top.object());
		if (p.rule() != null && p.source() != dev.isolde.engine.classify.Provenance.Source.DEFAULT) {
			assertEquals(p.rule().loc().line() - 1, line, "at the rule that keeps it sensitive");
		} else {
			String before = opened.document().get(opened.document().getLineOffset(line - 1),
					opened.document().getLineLength(line - 1));
			assertTrue(before.contains("global nonsensitive {"), "just inside the global block: " + before);
		}
	}
}

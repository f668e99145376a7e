// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.isolde.engine.bench.SyntheticMachine;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.Workload;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.canvas.SvgCanvas;

class SimulationPictureTest {

	@Test
	void timelineFollowsGuestEntriesAndExitsAndThePictureChartsEveryStrategy() {
		KernelImage kernel = SyntheticMachine.build(5_000, 2, 200, 8L << 30, 7);
		Analysis a = Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel));
		Simulator sim = new Simulator(a.classification(), a.spaces(), CostModel.defaults(), 4);
		Workload w = new Workload("io-heavy-vm", a.classification(), 4, 20_000, 3);
		List<StrategyResult> results = new ArrayList<>();
		for (Strategy s : Strategy.values()) {
			results.add(sim.run(s, w));
		}
		SiblingTimeline t = SiblingTimeline.of(kernel, a.spaces(), w, 1, 2_000, results.get(0));
		assertEquals(0, t.cpu(), "CPU 1's core starts at CPU 0");
		assertTrue(t.segments().stream().allMatch(s -> s.cpu() == 0 || s.cpu() == 1));
		assertTrue(t.segments().stream().allMatch(s -> s.from() <= s.to() && s.to() <= 2_000));
		// io-heavy-vm touches sensitive objects in 8% of its accesses: some exits in the first 2,000 events
		assertTrue(!t.exits().isEmpty());
		assertTrue(t.segments().stream().anyMatch(s -> s.state() == SiblingTimeline.State.UNRESTRICTED));
		assertTrue(t.windows().stream().allMatch(lw -> lw.cpu() <= 1 && lw.startSeq() < 2_000));

		SvgCanvas svg = new SvgCanvas(1200, 700);
		new SimulationPicture("io-heavy-vm", results, t).paint(svg, 1200, 700);
		String text = svg.toSvg();
		for (Strategy s : Strategy.values()) {
			assertTrue(text.contains(s.cliName().replace("_scheduling", "_sched")), s.cliName());
		}
		assertTrue(text.contains(String.format("#%06x", TimelineRenderer.color(SiblingTimeline.State.UNTRUSTED))));
	}

	@Test
	void anIdleSiblingReturnsToIdleAfterEachTimerTick() {
		KernelImage kernel = SyntheticMachine.build(5_000, 2, 200, 8L << 30, 7);
		Analysis a = Analysis.run(kernel, SyntheticMachine.kvmPolicy(kernel));
		// context 0 runs on CPU 0, its sibling CPU 1 has nothing to run
		Workload w = new Workload("vmexit-storm", a.classification(), 2, 20_000, 3, new int[][] { { 0 }, {} });
		SiblingTimeline t = SiblingTimeline.of(kernel, a.spaces(), w, 0, 20_000, null);
		List<SiblingTimeline.Segment> cpu1 = t.segments().stream().filter(s -> s.cpu() == 1).toList();
		assertTrue(cpu1.stream().anyMatch(s -> s.state() == SiblingTimeline.State.UNRESTRICTED), "timer ticks run");
		assertTrue(cpu1.stream().filter(s -> s.state() == SiblingTimeline.State.IDLE).count() > 1,
				"back to idle after a tick, not kernel until the end: " + cpu1.size() + " segments");
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Run;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.scenario.ScenarioRun;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.io.engine.Analysis;
import dev.isolde.ui.editor.PolicyLanguage;

/**
 * What to simulate: a scenario of the policy, read exactly as {@code isolde simulate} reads it (shape, placement,
 * workload or trace, strategies, costs, the classes' taint policies), or one of the engine's named workloads on two
 * cores with SMT.
 *
 * @param cpu the CPU whose core the timeline shows (the first {@code run ... on cpu N} of the scenario, else 0)
 * @param file the policy whose taint policies apply, or null
 */
public record SimulationSetup(String label, int cpu, ScenarioRun run, PolicyFile file) {

	private static final long EVENTS = 100_000;

	/** The scenarios of {@code policy} (placed on {@code kernel}), then every named workload under every strategy. */
	public static List<SimulationSetup> of(Path policy, KernelImage kernel) throws IOException {
		List<SimulationSetup> setups = new ArrayList<>();
		PolicyChecker.Result result = PolicyLanguage.injector().getInstance(PolicyChecker.class).check(policy);
		PolicyFile file = result.policyFile();
		if (file != null) {
			for (Scenario s : file.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
					.toList()) {
				try {
					ScenarioRun run = ScenarioRun.of(s, kernel, policy.getParent());
					setups.add(new SimulationSetup("scenario " + s.getName(), firstCpu(s, run.cpus()), run, file));
				} catch (ScenarioRun.BadScenario e) {
					// the validator reports it in the editor; the view offers the scenarios that can run
				}
			}
		}
		for (String w : dev.isolde.engine.sim.Workload.NAMES) {
			setups.add(new SimulationSetup("workload " + w, 0, ScenarioRun.workload(w, 2, EVENTS), file));
		}
		return setups;
	}

	private static int firstCpu(Scenario scenario, int cpus) {
		return scenario.getMembers().stream().filter(Run.class::isInstance).map(Run.class::cast)
				.filter(r -> !r.getCpus().isEmpty()).map(r -> r.getCpus().get(0)).filter(c -> c >= 0 && c < cpus)
				.findFirst().orElse(0);
	}

	/** Logical CPUs. */
	public int cpus() {
		return run.cpus();
	}

	/** The strategies to compare. */
	public List<Strategy> strategies() {
		return run.strategies();
	}

	/** The cost model: the defaults with the scenario's overrides. */
	public CostModel costModel() {
		return run.costModel();
	}

	/** The simulator of {@code analysis} for this setup. */
	public Simulator simulator(Analysis analysis) {
		return run.simulator(analysis.classification(), analysis.spaces(), file);
	}

	/** The events to replay on {@code analysis}: the trace file, or the named workload. */
	public EventSource source(Analysis analysis) {
		return run.source(analysis.classification());
	}

	@Override
	public String toString() {
		return label + " (" + run.label() + ", " + cpus() + " CPUs)";
	}
}

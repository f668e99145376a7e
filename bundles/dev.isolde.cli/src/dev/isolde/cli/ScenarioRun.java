// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.isolde.dsl.isolde.Compare;
import dev.isolde.dsl.isolde.CostOverride;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.ScenarioMember;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.sim.TraceReader;
import dev.isolde.io.engine.Analysis;

/**
 * A scenario of a policy file read into what the simulator needs: the cores and SMT threads, the trace file or
 * named workload, the strategies to compare and the cost overrides.
 *
 * @param label what the events come from, for reports
 */
record ScenarioRun(String name, String label, int cores, int threadsPerCore, List<Strategy> strategies,
		Map<String, Long> costs, Path trace, String workload, long events, long seed) {

	/** The scenario named {@code name} of {@code file}, or its first one if name is null; null if there is none. */
	static Scenario find(PolicyFile file, String name) {
		return file.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
				.filter(s -> name == null || name.equals(s.getName())).findFirst().orElse(null);
	}

	/** Reads {@code scenario}; a trace path is relative to {@code policyFile}'s directory. */
	static ScenarioRun of(Scenario scenario, Path policyFile) throws BadScenario {
		int cores = 1;
		int smt = 2;
		String workload = "vmexit-storm";
		long events = 100_000;
		long seed = 1;
		Path trace = null;
		List<Strategy> strategies = new ArrayList<>();
		Map<String, Long> costs = new LinkedHashMap<>();
		for (ScenarioMember m : scenario.getMembers()) {
			if (m instanceof Shape s) {
				cores = s.getCores();
				smt = s.getSmt() == 0 ? 1 : s.getSmt();
			} else if (m instanceof Workload w) {
				workload = w.getName();
				events = w.getEvents() > 0 ? w.getEvents() : events;
				seed = w.getSeed();
			} else if (m instanceof Trace t) {
				trace = policyFile.getParent().resolve(t.getPath()).normalize();
			} else if (m instanceof Compare c) {
				c.getStrategies().forEach(s -> strategies.add(Strategy.valueOf(s.name())));
			} else if (m instanceof Costs cs) {
				for (CostOverride o : cs.getCosts()) {
					costs.put(costItem(o.getItem().getLiteral()), (long) o.getCycles());
				}
			}
		}
		if (strategies.isEmpty()) {
			strategies.addAll(List.of(Strategy.values()));
		}
		if (trace == null && !dev.isolde.engine.sim.Workload.NAMES.contains(workload)) {
			throw new BadScenario("unknown workload " + workload + "; known: " + dev.isolde.engine.sim.Workload.NAMES);
		}
		String label = trace != null ? "trace " + trace.getFileName()
				: "workload " + workload + " (" + events + " events, seed " + seed + ")";
		return new ScenarioRun(scenario.getName(), label, cores, smt, List.copyOf(strategies), Map.copyOf(costs), trace,
				workload, events, seed);
	}

	/** A scenario that cannot run, with the reason. */
	static final class BadScenario extends Exception {
		private static final long serialVersionUID = 1L;

		BadScenario(String message) {
			super(message);
		}
	}

	/** The DSL's cost items, named as the simulator's cost model names them. */
	private static String costItem(String dsl) {
		return switch (dsl) {
		case "mds_clear" -> "verw";
		case "sibling_stun" -> "ipi";
		case "sibling_unstun" -> "unstun";
		default -> dsl;
		};
	}

	/** Runs the events under each strategy on {@code analysis}. */
	List<StrategyResult> run(Analysis analysis) throws TraceException {
		int cpus = cores * threadsPerCore;
		Simulator simulator = new Simulator(analysis.classification(), analysis.spaces(),
				CostModel.defaults().with(costs), cpus);
		EventSource source;
		if (trace != null) {
			source = sink -> {
				try (Reader in = Files.newBufferedReader(trace)) {
					new TraceReader(analysis.kernel(), trace.toString()).read(in, sink);
				} catch (IOException e) {
					throw new TraceException(trace.toString(), 0, 0, e.getMessage());
				}
			};
		} else {
			source = new dev.isolde.engine.sim.Workload(workload, analysis.classification(), cpus, events, seed);
		}
		List<StrategyResult> results = new ArrayList<>();
		for (Strategy s : strategies) {
			results.add(simulator.run(s, source));
		}
		return results;
	}
}

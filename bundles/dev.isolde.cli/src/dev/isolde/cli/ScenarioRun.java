// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

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
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.ScenarioMember;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.sim.TraceReader;

/**
 * What a scenario of a policy file asks the simulator to run: CPUs, the event source (trace file or named workload),
 * the strategies and the cost model. The events are made once, so two policies can replay exactly the same ones.
 */
record ScenarioRun(String name, String label, int cores, int smt, EventSource events, List<Strategy> strategies,
		CostModel costs) {

	/** Logical CPUs. */
	int cpus() {
		return cores * smt;
	}

	/**
	 * Reads {@code scenario} of {@code policyFile}; a named workload draws its accesses from {@code classification}.
	 *
	 * @throws IllegalArgumentException for an unknown workload
	 */
	static ScenarioRun of(Scenario scenario, Path policyFile, Classification classification) {
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
		CostModel model = CostModel.defaults().with(costs);
		if (trace != null) {
			Path file = trace;
			EventSource source = sink -> {
				try (Reader in = Files.newBufferedReader(file)) {
					new TraceReader(classification.kernel(), file.toString()).read(in, sink);
				} catch (java.io.IOException e) {
					throw new TraceException(file.toString(), 0, 0, e.getMessage());
				}
			};
			return new ScenarioRun(scenario.getName(), "trace " + file.getFileName(), cores, smt, source, strategies,
					model);
		}
		if (!dev.isolde.engine.sim.Workload.NAMES.contains(workload)) {
			throw new IllegalArgumentException("unknown workload " + workload + "; known: "
					+ dev.isolde.engine.sim.Workload.NAMES);
		}
		EventSource source = new dev.isolde.engine.sim.Workload(workload, classification, cores * smt, events, seed);
		return new ScenarioRun(scenario.getName(), "workload " + workload + " (" + events + " events, seed " + seed + ")",
				cores, smt, source, strategies, model);
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
}

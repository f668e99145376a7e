// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.Compare;
import dev.isolde.dsl.isolde.CostOverride;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Run;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.ScenarioMember;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.sim.TraceReader;
import dev.isolde.io.engine.Analysis;
import dev.isolde.ui.editor.PolicyLanguage;

/**
 * What to simulate: a scenario of the policy (its shape, workload or trace, strategies and costs, as the CLI's
 * {@code isolde simulate} reads it), or one of the engine's named workloads on two cores with SMT.
 *
 * @param cpu the CPU whose core the timeline shows (the first {@code run ... on cpu N} of the scenario, else 0)
 */
public record SimulationSetup(String label, int cpus, int cpu, String workload, long events, long seed, Path trace,
		List<Strategy> strategies, Map<String, Long> costs) {

	private static final long EVENTS = 100_000;

	/** The scenarios of {@code policy}, then every named workload on 2 cores x 2 siblings under every strategy. */
	public static List<SimulationSetup> of(Path policy) throws IOException {
		List<SimulationSetup> setups = new ArrayList<>();
		PolicyChecker.Result result = PolicyLanguage.injector().getInstance(PolicyChecker.class).check(policy);
		PolicyFile file = result.policyFile();
		if (file != null) {
			file.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
					.forEach(s -> setups.add(of(s, policy)));
		}
		for (String w : dev.isolde.engine.sim.Workload.NAMES) {
			setups.add(new SimulationSetup("workload " + w, 4, 0, w, EVENTS, 1, null, List.of(Strategy.values()),
					Map.of()));
		}
		return setups;
	}

	private static SimulationSetup of(Scenario scenario, Path policy) {
		int cores = 1;
		int smt = 2;
		int cpu = -1;
		String workload = "vmexit-storm";
		long events = EVENTS;
		long seed = 1;
		Path trace = null;
		List<Strategy> strategies = new ArrayList<>();
		Map<String, Long> costs = new LinkedHashMap<>();
		for (ScenarioMember m : scenario.getMembers()) {
			if (m instanceof Shape s) {
				cores = s.getCores();
				smt = s.getSmt() == 0 ? 1 : s.getSmt();
			} else if (m instanceof Run r && cpu < 0 && !r.getCpus().isEmpty()) {
				cpu = r.getCpus().get(0);
			} else if (m instanceof Workload w) {
				workload = w.getName();
				events = w.getEvents() > 0 ? w.getEvents() : events;
				seed = w.getSeed();
			} else if (m instanceof Trace t) {
				trace = policy.getParent().resolve(t.getPath()).normalize();
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
		int cpus = Math.max(1, cores * smt);
		return new SimulationSetup("scenario " + scenario.getName(), cpus, Math.max(0, Math.min(cpu, cpus - 1)),
				workload, events, seed, trace, strategies, costs);
	}

	/** The DSL's hook names where the cost model has its own item names. */
	private static String costItem(String dsl) {
		return switch (dsl) {
		case "mds_clear" -> "verw";
		case "sibling_stun" -> "ipi";
		case "sibling_unstun" -> "unstun";
		default -> dsl;
		};
	}

	/** The cost model: the defaults with the scenario's overrides. */
	public CostModel costModel() {
		return CostModel.defaults().with(costs);
	}

	/** The events to replay on {@code analysis}: the trace file, or the named workload. */
	public EventSource source(Analysis analysis) {
		if (trace != null) {
			Path file = trace;
			return sink -> {
				try (Reader in = Files.newBufferedReader(file)) {
					new TraceReader(analysis.kernel(), file.toString()).read(in, sink);
				} catch (IOException e) {
					throw new TraceException(file.toString(), 0, 0, e.getMessage());
				}
			};
		}
		return new dev.isolde.engine.sim.Workload(workload, analysis.classification(), cpus, events, seed);
	}

	@Override
	public String toString() {
		return label + " (" + (trace != null ? "trace " + trace.getFileName() : workload + ", " + events + " events") + ", "
				+ cpus + " CPUs)";
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.Compare;
import dev.isolde.dsl.isolde.CostOverride;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.ScenarioMember;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.LeakWindow;
import dev.isolde.engine.sim.ObjectExits;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.Suggestions;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.sim.TraceReader;
import dev.isolde.io.engine.Analysis;
import dev.isolde.io.json.JsonWriter;
import dev.isolde.model.Machine;

/** {@code isolde simulate POLICY --scenario NAME}: run a workload under each strategy; costs, exits, leak windows. */
final class SimulateCommand implements Command {

	private final PolicyInputs inputs;

	SimulateCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "simulate";
	}

	@Override
	public String summary() {
		return "simulate a scenario under asi, always_flush, core scheduling...: cost, asi_exits, leak windows";
	}

	@Override
	public String usage() {
		return "Usage: isolde simulate POLICY.asi [--scenario NAME] [--kernel FILE.isolde] [--format text|json]\n"
				+ "                      [--suggest PERCENT]\n"
				+ "Runs the policy's scenario (the first one if --scenario is not given): its trace file or named\n"
				+ "workload on cores x SMT siblings, under each strategy it compares. Prints per strategy the asi_exits\n"
				+ "by cause, mitigation cycles per 1,000 events and leak windows, and the objects causing most exits.\n"
				+ "--suggest P lists the fewest reclassifications that would remove P% of the exits under asi, with\n"
				+ "the bytes each would expose. Trace format: docs/trace-format.md.";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernelOption = PolicyInputs.option(args, "--kernel");
		String scenarioName = PolicyInputs.option(args, "--scenario");
		String format = PolicyInputs.option(args, "--format");
		String suggest = PolicyInputs.option(args, "--suggest");
		if (args.size() != 1) {
			throw new UsageException("expected one policy file");
		}
		Analysis analysis;
		Scenario scenario;
		try {
			PolicyChecker.Result result = inputs.check(args.get(0), console);
			scenario = result.policyFile().getElements().stream().filter(Scenario.class::isInstance)
					.map(Scenario.class::cast).filter(s -> scenarioName == null || scenarioName.equals(s.getName()))
					.findFirst().orElse(null);
			if (scenario == null) {
				console.err().println(args.get(0) + ": no scenario" + (scenarioName == null ? "" : " named " + scenarioName));
				return BAD_INPUT;
			}
			PolicySpec spec = inputs.compile(result, console);
			Machine machine = inputs.kernel(result, kernelOption, console);
			analysis = Analysis.run(machine, spec);
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
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
				trace = console.resolve(args.get(0)).getParent().resolve(t.getPath()).normalize();
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
		int cpus = cores * smt;
		CostModel model = CostModel.defaults().with(costs);
		Simulator simulator = new Simulator(analysis.classification(), analysis.spaces(), model, cpus);
		EventSource source;
		String label;
		if (trace != null) {
			Path file = trace;
			source = sink -> {
				try (Reader in = Files.newBufferedReader(file)) {
					new TraceReader(analysis.kernel(), file.toString(), cpus).read(in, sink);
				} catch (java.io.IOException e) {
					throw new TraceException(file.toString(), 0, 0, e.getMessage());
				}
			};
			label = "trace " + trace.getFileName();
		} else {
			if (!dev.isolde.engine.sim.Workload.NAMES.contains(workload)) {
				console.err().println(args.get(0) + ": unknown workload " + workload + "; known: "
						+ dev.isolde.engine.sim.Workload.NAMES);
				return BAD_INPUT;
			}
			source = new dev.isolde.engine.sim.Workload(workload, analysis.classification(), cpus, events, seed);
			label = "workload " + workload + " (" + events + " events, seed " + seed + ")";
		}
		List<StrategyResult> results = new ArrayList<>();
		try {
			for (Strategy s : strategies) {
				results.add(simulator.run(s, source));
			}
		} catch (TraceException e) {
			console.err().println(e.getMessage());
			return BAD_INPUT;
		}
		Suggestions suggestions = null;
		if (suggest != null) {
			StrategyResult asi = results.stream().filter(r -> r.strategy() == Strategy.ASI).findFirst()
					.orElseGet(() -> simulator.run(Strategy.ASI, source));
			suggestions = Suggestions.of(asi, Double.parseDouble(suggest) / 100.0);
		}
		if ("json".equals(format)) {
			console.out().println(json(scenario.getName(), label, cores, smt, results, suggestions));
		} else {
			text(console, scenario.getName(), label, cores, smt, results, suggestions);
		}
		return OK;
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

	private static void text(Console console, String scenario, String label, int cores, int smt,
			List<StrategyResult> results, Suggestions suggestions) {
		var out = console.out();
		out.printf("scenario %s: %s on %d cores x %d threads%n%n", scenario, label, cores, smt);
		out.printf(Locale.ROOT, "%-24s %10s %10s %10s %14s %8s %12s %10s%n", "strategy", "asi_exits", "fault",
				"explicit", "cycles/1k ev", "windows", "leak length", "worst");
		for (StrategyResult r : results) {
			LeakWindow w = r.worstWindow();
			out.printf(Locale.ROOT, "%-24s %10d %10d %10d %14.0f %8d %12d %10d%n", r.strategy().cliName(), r.exits(),
					r.faultExits(), r.explicitExits(), r.cyclesPerKiloEvent(), r.windowCount(), r.windowTotalLength(),
					w == null ? 0 : w.length());
		}
		for (StrategyResult r : results) {
			if (r.topObjects().isEmpty()) {
				continue;
			}
			out.printf("%ntop exit causes under %s:%n", r.strategy().cliName());
			for (ObjectExits o : r.topObjects().subList(0, Math.min(10, r.topObjects().size()))) {
				out.printf("  %8d  %s (%s)%n", o.count(), o.name(), o.provenance());
			}
		}
		if (suggestions != null) {
			out.printf(Locale.ROOT, "%nto remove %.0f%% of asi_exits, make non-sensitive (%d exits removed, %d bytes exposed):%n",
					suggestions.share() * 100, suggestions.exitsRemoved(), suggestions.bytesExposed());
			for (ObjectExits o : suggestions.reclassify()) {
				out.printf("  %s  (%d exits, %d bytes; now %s)%n", o.name(), o.count(), o.bytes(), o.provenance());
			}
		}
	}

	private static String json(String scenario, String label, int cores, int smt, List<StrategyResult> results,
			Suggestions suggestions) {
		JsonWriter w = new JsonWriter().beginObject().name("scenario").value(scenario).name("input").value(label)
				.name("cores").value(cores).name("threadsPerCore").value(smt).name("strategies").beginArray();
		for (StrategyResult r : results) {
			w.beginObject().name("strategy").value(r.strategy().cliName()).name("events").value(r.events())
					.name("exits").value(r.exits()).name("faultExits").value(r.faultExits()).name("explicitExits")
					.value(r.explicitExits()).name("switchExits").value(r.switchExits()).name("mitigationCycles")
					.value(r.mitigationCycles()).name("leakWindows").value(r.windowCount()).name("leakLength")
					.value(r.windowTotalLength()).name("topObjects").beginArray();
			for (ObjectExits o : r.topObjects()) {
				w.beginObject().name("name").value(o.name()).name("exits").value(o.count()).name("provenance")
						.value(o.provenance()).name("bytes").value(o.bytes()).endObject();
			}
			w.endArray().endObject();
		}
		w.endArray();
		if (suggestions != null) {
			w.name("suggest").beginObject().name("share").value(Math.round(suggestions.share() * 100))
					.name("exitsRemoved").value(suggestions.exitsRemoved()).name("reclassify").beginArray();
			suggestions.reclassify().forEach(o -> w.value(o.name()));
			w.endArray().endObject();
		}
		return w.endObject().toString();
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.isolde.dsl.scenario.ScenarioRun;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.ClassMember;
import dev.isolde.dsl.isolde.Compare;
import dev.isolde.dsl.isolde.CostOverride;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.Flush;
import dev.isolde.dsl.isolde.Run;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.ScenarioMember;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.TaintPolicyEntry;
import dev.isolde.dsl.isolde.Taints;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Flushes;
import dev.isolde.engine.sim.LeakWindow;
import dev.isolde.engine.sim.ObjectExits;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.Suggestions;
import dev.isolde.engine.sim.Taint;
import dev.isolde.engine.sim.TaintPolicy;
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
		return "Usage: isolde simulate POLICY.asi [--scenario NAME] [--trace FILE|-] [--kernel FILE.isolde]\n"
				+ "                      [--format text|json] [--suggest PERCENT]\n"
				+ "Runs the policy's scenario (the first one if --scenario is not given): its trace file or named\n"
				+ "workload on cores x SMT siblings (contexts on the CPUs its `run ... on cpu N` lines name), under each\n"
				+ "strategy it compares. Prints per strategy the asi_exits by cause, mitigation cycles per 1,000 events,\n"
				+ "flushes, returns to untrusted code with unflushed taints, leak windows in cycles and the objects\n"
				+ "exposed, and the objects causing most exits with the rule that made them sensitive.\n"
				+ "--trace FILE (or - for standard input) replays a trace instead of the scenario's input; it is\n"
				+ "streamed, never held in memory. --suggest P lists the fewest reclassifications removing P% of the\n"
				+ "exits under asi, with the bytes each would expose, and measures the exits they really remove.\n"
				+ "Trace format and output fields: docs/trace-format.md.";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernelOption = PolicyInputs.option(args, "--kernel");
		String scenarioName = PolicyInputs.option(args, "--scenario");
		String format = PolicyInputs.option(args, "--format");
		String suggest = PolicyInputs.option(args, "--suggest");
		String traceOption = PolicyInputs.option(args, "--trace");
		if (args.size() != 1) {
			throw new UsageException("expected one policy file");
		}
		if (format != null && !format.equals("text") && !format.equals("json")) {
			throw new UsageException("--format must be text or json");
		}
		double share = -1;
		if (suggest != null) {
			try {
				share = Double.parseDouble(suggest) / 100.0;
			} catch (NumberFormatException e) {
				throw new UsageException("--suggest expects a percentage, found " + suggest);
			}
			if (share <= 0 || share > 1) {
				throw new UsageException("--suggest expects a percentage in (0, 100], found " + suggest);
			}
		}
		Analysis analysis;
		Scenario scenario;
		PolicyChecker.Result result;
		try {
			result = inputs.check(args.get(0), console);
			scenario = result.policyFile().getElements().stream().filter(Scenario.class::isInstance)
					.map(Scenario.class::cast).filter(s -> scenarioName == null || scenarioName.equals(s.getName()))
					.findFirst().orElse(null);
			if (scenario == null && (scenarioName != null || traceOption == null)) {
				console.err().println(args.get(0) + ": no scenario" + (scenarioName == null ? "" : " named " + scenarioName));
				return BAD_INPUT;
			}
			PolicySpec spec = inputs.compile(result, console);
			Machine machine = inputs.kernel(result, kernelOption, console);
			analysis = Analysis.run(machine, spec);
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		KernelImage kernel = analysis.kernel();
		ScenarioRun setup;
		try {
			setup = ScenarioRun.of(scenario, kernel, console.resolve(args.get(0)).getParent());
		} catch (ScenarioRun.BadScenario e) {
			console.err().println(args.get(0) + ": " + e.getMessage());
			return BAD_INPUT;
		}
		Simulator simulator = setup.simulator(analysis.classification(), analysis.spaces(), result.policyFile());
		EventSource source;
		String label;
		if (traceOption != null && traceOption.equals("-")) {
			// standard input can be read once: run the first strategy only when several would need a replay
			int cpus = setup.cpus();
			source = sink -> new TraceReader(kernel, "<stdin>", cpus)
					.read(new InputStreamReader(console.in(), StandardCharsets.UTF_8), sink);
			label = "trace <stdin>";
			if (setup.strategies().size() > 1 || share > 0) {
				console.err().println("--trace - reads standard input once: give a file to compare strategies");
				return BAD_INPUT;
			}
		} else {
			if (traceOption != null) {
				setup = new ScenarioRun(setup.name(), setup.cores(), setup.smt(), setup.workload(), setup.events(),
						setup.seed(), console.resolve(traceOption), setup.runs(), setup.strategies(), setup.costs());
			}
			if (setup.trace() != null && !Files.isReadable(setup.trace())) {
				console.err().println(setup.trace() + ": cannot read the trace");
				return BAD_INPUT;
			}
			source = setup.source(analysis.classification());
			label = setup.label();
		}
		List<StrategyResult> results = new ArrayList<>();
		Suggestions suggestions = null;
		StrategyResult measured = null;
		try {
			for (Strategy s : setup.strategies()) {
				results.add(simulator.run(s, source));
			}
			if (share > 0) {
				StrategyResult asi = results.stream().filter(r -> r.strategy() == Strategy.ASI).findFirst()
						.orElseGet(() -> simulator.run(Strategy.ASI, source));
				suggestions = Suggestions.of(asi, share);
				measured = simulator.reclassified(suggestions.reclassify()).run(Strategy.ASI, source);
			}
		} catch (TraceException e) {
			console.err().println(e.getMessage());
			return BAD_INPUT;
		} catch (IllegalArgumentException e) {
			console.err().println(label + ": " + e.getMessage());
			return BAD_INPUT;
		}
		String name = scenario == null ? "trace" : scenario.getName();
		if ("json".equals(format)) {
			console.out().println(json(name, label, setup, runsText(setup, kernel), results, suggestions, measured));
		} else {
			text(console.out(), name, label, setup, runsText(setup, kernel), results, suggestions, measured);
		}
		return OK;
	}

	private static String runsText(ScenarioRun setup, KernelImage kernel) {
		if (setup.runs() == null) {
			return "contexts spread over all CPUs";
		}
		List<String> parts = new ArrayList<>();
		for (int c = 0; c < setup.runs().length; c++) {
			List<String> names = new ArrayList<>();
			for (int x : setup.runs()[c]) {
				names.add(kernel.context(x).name());
			}
			parts.add("cpu " + c + ": " + (names.isEmpty() ? "idle" : String.join(", ", names)));
		}
		return String.join("; ", parts);
	}

	private static void text(PrintStream out, String scenario, String label, ScenarioRun setup, String runs,
			List<StrategyResult> results, Suggestions suggestions, StrategyResult measured) {
		String model = results.isEmpty() ? "" : " under model " + results.get(0).model();
		out.printf("scenario %s: %s on %d cores x %d threads%s%n  %s%n%n", scenario, label, setup.cores(), setup.smt(),
				model, runs);
		out.printf(Locale.ROOT, "%-23s %9s %8s %8s %7s %12s %8s %13s %12s %9s %9s%n", "strategy", "asi_exits", "fault",
				"explicit", "switch", "cycles/1k ev", "windows", "leak cycles", "worst", "unflushed", "returns");
		for (StrategyResult r : results) {
			out.printf(Locale.ROOT, "%-23s %9d %8d %8d %7d %12.0f %8d %13d %12d %9d %9d%n", r.strategy().cliName(),
					r.exits(), r.faultExits(), r.explicitExits(), r.switchExits(), r.cyclesPerKiloEvent(),
					r.windowCount(), r.windowTotalCycles(), r.worstWindowCycles(),
					r.unflushedData() + r.unflushedControl(), r.returns());
		}
		out.printf("%nflushes (ibpb, rsb_fill, l1d_flush, verw, page-table switches, stuns, unstuns):%n");
		for (StrategyResult r : results) {
			Flushes f = r.flushes();
			out.printf(Locale.ROOT, "  %-23s %8d %8d %9d %8d %8d %8d %8d   unflushed data %d, control %d%n",
					r.strategy().cliName(), f.ibpb(), f.rsbFill(), f.l1dFlush(), f.verw(), f.ptSwitches(), f.stuns(),
					f.unstuns(), r.unflushedData(), r.unflushedControl());
		}
		for (StrategyResult r : results) {
			if (!r.topObjects().isEmpty()) {
				out.printf("%ntop exit causes under %s (%d objects caused exits):%n", r.strategy().cliName(),
						r.exitObjects().size());
				for (ObjectExits o : r.topObjects().subList(0, Math.min(10, r.topObjects().size()))) {
					out.printf("  %8d  %s [%s] (%s)%n", o.count(), o.name(), o.kind(), o.provenance());
				}
			}
			LeakWindow w = r.worstWindow();
			if (w != null) {
				out.printf("%nleak windows under %s: %d, %d cycles in all; worst %d cycles (cpu %d running %s beside "
						+ "cpu %d, events %d-%d), exposing %s%n", r.strategy().cliName(), r.windowCount(),
						r.windowTotalCycles(), w.cycles(), w.cpu(), w.context(), w.sibling(), w.startSeq(), w.endSeq(),
						w.exposed().isEmpty() ? "nothing outside its space" : String.join(", ", w.exposed()));
				for (ObjectExits o : r.exposedObjects().subList(0, Math.min(5, r.exposedObjects().size()))) {
					out.printf("  %8d accesses beside untrusted code: %s [%s] (%s)%n", o.count(), o.name(), o.kind(),
							o.provenance());
				}
			}
		}
		if (suggestions != null) {
			out.printf(Locale.ROOT, "%nto remove %.0f%% of the %d fault exits under asi, make non-sensitive (%d of %d "
					+ "exit-causing objects; %d exits estimated, %d measured by re-running; %d bytes exposed):%n",
					suggestions.share() * 100, suggestions.totalExits(), suggestions.reclassify().size(),
					results.stream().filter(r -> r.strategy() == Strategy.ASI).findFirst()
							.map(r -> r.exitObjects().size()).orElse(0),
					suggestions.exitsRemoved(), suggestions.totalExits() - measured.faultExits(),
					suggestions.bytesExposed());
			for (ObjectExits o : suggestions.reclassify()) {
				// objects read from slabinfo or a hashed vmallocinfo have no address and no size in the model
				out.printf("  %s [%s]  %d exits; leak cost %s; now %s%n", o.name(), o.kind(), o.count(),
						o.bytes() > 0 ? o.bytes() + " bytes" : "size unknown to the kernel model", o.provenance());
			}
		}
	}

	private static String json(String scenario, String label, ScenarioRun setup, String runs, List<StrategyResult> results,
			Suggestions suggestions, StrategyResult measured) {
		JsonWriter w = new JsonWriter().beginObject().name("scenario").value(scenario).name("input").value(label)
				.name("cores").value(setup.cores()).name("threadsPerCore").value(setup.smt()).name("placement")
				.value(runs).name("strategies").beginArray();
		for (StrategyResult r : results) {
			w.beginObject().name("strategy").value(r.strategy().cliName()).name("events").value(r.events())
					.name("exits").value(r.exits()).name("faultExits").value(r.faultExits()).name("explicitExits")
					.value(r.explicitExits()).name("switchExits").value(r.switchExits()).name("mitigationCycles")
					.value(r.mitigationCycles()).name("model").value(r.model()).name("accesses").value(r.accesses())
					.name("cycles").value(r.cycles()).name("mitigationCyclesPer1kEvents")
					.value(Math.round(r.cyclesPerKiloEvent()));
			Flushes f = r.flushes();
			w.name("flushes").beginObject().name("ibpb").value(f.ibpb()).name("rsbFill").value(f.rsbFill())
					.name("l1dFlush").value(f.l1dFlush()).name("verw").value(f.verw()).name("ptSwitches")
					.value(f.ptSwitches()).name("stuns").value(f.stuns()).name("unstuns").value(f.unstuns()).endObject();
			w.name("returns").value(r.returns()).name("unflushedData").value(r.unflushedData())
					.name("unflushedControl").value(r.unflushedControl());
			w.name("leakWindows").value(r.windowCount()).name("leakLength").value(r.windowTotalLength())
					.name("leakCycles").value(r.windowTotalCycles());
			LeakWindow worst = r.worstWindow();
			if (worst != null) {
				w.name("worstWindow").beginObject().name("cpu").value(worst.cpu()).name("sibling").value(worst.sibling())
						.name("context").value(worst.context()).name("startSeq").value(worst.startSeq())
						.name("endSeq").value(worst.endSeq()).name("cycles").value(worst.cycles()).name("exposed")
						.beginArray();
				worst.exposed().forEach(w::value);
				w.endArray().endObject();
			}
			objects(w, "topObjects", r.topObjects());
			w.name("exitObjectCount").value(r.exitObjects().size());
			objects(w, "exposedObjects", r.exposedObjects());
			w.endObject();
		}
		w.endArray();
		if (suggestions != null) {
			w.name("suggest").beginObject().name("share").value(Math.round(suggestions.share() * 100))
					.name("faultExits").value(suggestions.totalExits()).name("exitsRemoved")
					.value(suggestions.exitsRemoved()).name("exitsRemovedMeasured")
					.value(suggestions.totalExits() - measured.faultExits()).name("bytesExposed")
					.value(suggestions.bytesExposed());
			objects(w, "reclassify", suggestions.reclassify());
			w.endObject();
		}
		return w.endObject().toString();
	}

	private static void objects(JsonWriter w, String name, List<ObjectExits> list) {
		w.name(name).beginArray();
		for (ObjectExits o : list) {
			w.beginObject().name("name").value(o.name()).name("kind").value(o.kind()).name("count").value(o.count())
					.name("exits").value(o.count()).name("provenance").value(o.provenance()).name("bytes")
					.value(o.bytes()).endObject();
		}
		w.endArray();
	}
}

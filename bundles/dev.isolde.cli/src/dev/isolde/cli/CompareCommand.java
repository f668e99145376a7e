// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.scenario.ScenarioRun;
import dev.isolde.engine.compare.ModelComparison;
import dev.isolde.engine.compare.ModelComparison.ClassFigures;
import dev.isolde.engine.compare.ModelComparison.InstanceFigures;
import dev.isolde.engine.compare.ModelComparison.SideChange;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.space.PhysmapAliases;
import dev.isolde.engine.space.RestrictedSpaces;
import dev.isolde.engine.space.Rfc2022Layout;
import dev.isolde.io.Sizes;
import dev.isolde.io.engine.Analysis;
import dev.isolde.io.engine.KernelImages;
import dev.isolde.io.json.JsonWriter;
import dev.isolde.model.Machine;

/**
 * {@code isolde compare A B}: two policies, typically the 2022 RFC's and the 2025 series', on one kernel and, with a
 * scenario, on one stream of events.
 */
final class CompareCommand implements Command {

	private final PolicyInputs inputs;

	CompareCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "compare";
	}

	@Override
	public String summary() {
		return "compare two policies or ASI models (rfc2022, asi2025) on one kernel and workload";
	}

	@Override
	public String usage() {
		return "Usage: isolde compare A.asi B.asi [--kernel FILE.isolde] [--scenario NAME] [--format text|json]\n"
				+ "Puts two policies, typically model rfc2022 beside model asi2025, on one kernel model (A's unless\n"
				+ "--kernel names one): objects and bytes per memory class, bytes and objects mapped per ASI instance,\n"
				+ "and the objects that change side (sensitive versus mapped), by kind. With --scenario NAME (from A,\n"
				+ "else B) both policies replay the same events: asi_exits and mitigation cycles per 1,000 events and\n"
				+ "leak windows, per strategy.";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernelOption = PolicyInputs.option(args, "--kernel");
		String scenarioName = PolicyInputs.option(args, "--scenario");
		String format = PolicyInputs.option(args, "--format");
		if (format != null && !format.equals("text") && !format.equals("json")) {
			throw new UsageException("--format is text or json, not " + format);
		}
		if (args.size() != 2) {
			throw new UsageException("expected two policy files");
		}
		Analysis a;
		Analysis b;
		PolicyFile fileA;
		PolicyFile fileB;
		Scenario scenario = null;
		String scenarioFile = null;
		try {
			PolicyChecker.Result ra = inputs.check(args.get(0), console);
			PolicyChecker.Result rb = inputs.check(args.get(1), console);
			fileA = ra.policyFile();
			fileB = rb.policyFile();
			PolicySpec sa = inputs.compile(ra, console);
			PolicySpec sb = inputs.compile(rb, console);
			Machine machine = inputs.kernel(ra, kernelOption, console);
			// one image for both, so objects and events line up; it holds the contexts of either policy
			KernelImage kernel = KernelImages.of(machine, withContextsOf(sa, sb));
			a = Analysis.run(kernel, sa);
			b = Analysis.run(kernel, sb);
			if (scenarioName != null) {
				scenario = ScenarioRun.find(ra.policyFile(), scenarioName);
				scenarioFile = args.get(0);
				if (scenario == null) {
					scenario = ScenarioRun.find(rb.policyFile(), scenarioName);
					scenarioFile = args.get(1);
				}
				if (scenario == null) {
					console.err().println("no scenario named " + scenarioName + " in " + args.get(0) + " or " + args.get(1));
					return BAD_INPUT;
				}
			}
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		ModelComparison comparison = ModelComparison.of(a.classification(), a.spaces(), b.classification(),
				b.spaces());
		List<StrategyPair> strategies = new ArrayList<>();
		ScenarioRun run = null;
		if (scenario != null) {
			try {
				run = ScenarioRun.of(scenario, a.kernel(), console.resolve(scenarioFile).getParent());
				Simulator simA = run.simulator(a.classification(), a.spaces(), fileA);
				Simulator simB = run.simulator(b.classification(), b.spaces(), fileB);
				// A's classification draws the workload's accesses, so both policies replay the very same events
				EventSource events = run.source(a.classification());
				for (Strategy s : run.strategies()) {
					strategies.add(new StrategyPair(simA.run(s, events), simB.run(s, events)));
				}
			} catch (ScenarioRun.BadScenario | IllegalArgumentException | TraceException e) {
				console.err().println(scenarioFile + ": " + e.getMessage());
				return BAD_INPUT;
			}
		}
		if ("json".equals(format)) {
			console.out().println(json(comparison, a.spaces(), b.spaces(), run, strategies));
		} else {
			text(console.out(), comparison, a.spaces(), b.spaces(), run, strategies);
		}
		return OK;
	}

	/** Both policies' results of one strategy on the same events. */
	private record StrategyPair(StrategyResult a, StrategyResult b) {
	}

	private static PolicySpec withContextsOf(PolicySpec a, PolicySpec b) {
		Set<ContextSpec> contexts = new LinkedHashSet<>(a.contexts());
		contexts.addAll(b.contexts());
		return new PolicySpec(a.name(), a.file(), a.model(), a.pagingLevels(), a.defaultClass(), a.rules(), a.classes(),
				List.copyOf(contexts), a.vmallocLocalPercent());
	}

	private static String side(long v, boolean bytes) {
		return v < 0 ? "-" : bytes ? Sizes.bytes(v) : Long.toString(v);
	}

	private static void text(PrintStream out, ModelComparison c, RestrictedSpaces spacesA, RestrictedSpaces spacesB,
			ScenarioRun run, List<StrategyPair> strategies) {
		out.printf("A = %s (model %s), B = %s (model %s)%n%n", c.policyA(), c.modelA().literal(), c.policyB(),
				c.modelB().literal());
		out.printf("%-28s %10s %12s %10s %12s%n", "memory class", "objects A", "bytes A", "objects B", "bytes B");
		for (ClassFigures f : c.classes()) {
			out.printf("%-28s %10d %12s %10d %12s%n", f.describe(), f.objectsA(), Sizes.bytes(f.bytesA()), f.objectsB(),
					Sizes.bytes(f.bytesB()));
		}
		out.println("(objects without a known address, such as hashed vmalloc areas and slab caches, count 0 bytes)");
		out.printf("%n%-28s %12s %10s %12s %10s%n", "restricted space", "VA mapped A", "objects A", "VA mapped B",
				"objects B");
		List<InstanceFigures> rows = new ArrayList<>();
		rows.add(c.global());
		rows.addAll(c.instances());
		for (InstanceFigures i : rows) {
			out.printf("%-28s %12s %10s %12s %10s%n", i.name(), side(i.bytesA(), true), side(i.objectsA(), false),
					side(i.bytesB(), true), side(i.objectsB(), false));
		}
		out.printf("%nobjects changing side: %d become mapped (%s), %d become sensitive (%s)%n", c.changedSides(true),
				Sizes.bytes(c.changedBytes(true)), c.changedSides(false), Sizes.bytes(c.changedBytes(false)));
		for (SideChange s : c.sideChanges()) {
			out.printf("  %-9s %-12s %6d %12s  %s%s%n", s.toMapped() ? "mapped" : "sensitive",
					s.kind().name().toLowerCase(Locale.ROOT), s.count(), Sizes.bytes(s.bytes()), String.join(", ", s.first()),
					s.count() > s.first().size() ? ", ..." : "");
		}
		aliases(out, "A", c.aliasesA());
		aliases(out, "B", c.aliasesB());
		layout(out, "A", spacesA);
		layout(out, "B", spacesB);
		c.problemsA().forEach(p -> out.println("A: " + p));
		c.problemsB().forEach(p -> out.println("B: " + p));
		if (run == null) {
			return;
		}
		out.printf("%nscenario %s: %s on %d cores x %d threads%n", run.name(), run.label(), run.cores(), run.smt());
		out.printf(Locale.ROOT, "%-24s %12s %12s %14s %14s %10s %10s%n", "strategy", "exits/1k A", "exits/1k B",
				"cycles/1k A", "cycles/1k B", "windows A", "windows B");
		for (StrategyPair p : strategies) {
			out.printf(Locale.ROOT, "%-24s %12.1f %12.1f %14.0f %14.0f %10d %10d%n", p.a().strategy().cliName(),
					perKilo(p.a().exits(), p.a().events()), perKilo(p.b().exits(), p.b().events()),
					p.a().cyclesPerKiloEvent(), p.b().cyclesPerKiloEvent(), p.a().windowCount(), p.b().windowCount());
		}
	}

	/** Where the 2022 RFC's layout puts local memory: the ASI local map and the vmalloc split. */
	private static void layout(PrintStream out, String side, RestrictedSpaces spaces) {
		Rfc2022Layout l = spaces.rfc2022();
		if (l == null) {
			return;
		}
		out.printf("%s (rfc2022) maps locally non-sensitive allocations through the ASI local map %s-%s: %s of aliases,"
				+ " a mirror of %s of RAM (the direct map is halved to %s)%n", side, UnsignedOrder.hex(l.localMapStart()),
				UnsignedOrder.hex(l.localMapEnd()), Sizes.bytes(spaces.localMapBytes()), Sizes.bytes(l.ramBytes()),
				Sizes.bytes(l.maxRam()));
		if (l.hasVmallocSplit()) {
			out.printf("%s (rfc2022) splits vmalloc space at %s (vmalloc_local_nonsensitive_percent=%d): per process %s-%s,"
					+ " global %s-%s%n", side, UnsignedOrder.hex(l.vmallocGlobalStart()), l.localPercent(),
					UnsignedOrder.hex(l.vmallocStart()), UnsignedOrder.hex(l.vmallocGlobalStart()),
					UnsignedOrder.hex(l.vmallocGlobalStart()), UnsignedOrder.hex(l.vmallocEnd()));
		}
	}

	private static void layout(JsonWriter w, String name, RestrictedSpaces spaces) {
		Rfc2022Layout l = spaces.rfc2022();
		if (l == null) {
			return;
		}
		w.name(name).beginObject().name("localMapStart").value(UnsignedOrder.hex(l.localMapStart()))
				.name("localMapEnd").value(UnsignedOrder.hex(l.localMapEnd())).name("localMapBytes")
				.value(spaces.localMapBytes()).name("ramBytes").value(l.ramBytes()).name("maxRamBytes").value(l.maxRam());
		if (l.hasVmallocSplit()) {
			w.name("vmallocStart").value(UnsignedOrder.hex(l.vmallocStart())).name("vmallocGlobalStart")
					.value(UnsignedOrder.hex(l.vmallocGlobalStart())).name("vmallocEnd")
					.value(UnsignedOrder.hex(l.vmallocEnd())).name("vmallocLocalPercent").value(l.localPercent());
		}
		w.endObject();
	}

	private static void aliases(PrintStream out, String side, PhysmapAliases aliases) {
		if (aliases != null) {
			out.printf("%s (asi2025) leaves out the physmap aliases of vmalloc'd pages: %s placed, %d areas whose pages"
					+ " the kernel model does not locate%n", side, Sizes.bytes(aliases.bytes()), aliases.unknownAreas());
		}
	}

	private static double perKilo(long n, long events) {
		return events == 0 ? 0 : n * 1000.0 / events;
	}

	private static String json(ModelComparison c, RestrictedSpaces spacesA, RestrictedSpaces spacesB, ScenarioRun run,
			List<StrategyPair> strategies) {
		JsonWriter w = new JsonWriter().beginObject();
		w.name("a").beginObject().name("policy").value(c.policyA()).name("model").value(c.modelA().literal()).endObject();
		w.name("b").beginObject().name("policy").value(c.policyB()).name("model").value(c.modelB().literal()).endObject();
		w.name("classes").beginArray();
		for (ClassFigures f : c.classes()) {
			w.beginObject().name("class").value(f.describe()).name("objectsA").value(f.objectsA()).name("bytesA")
					.value(f.bytesA()).name("objectsB").value(f.objectsB()).name("bytesB").value(f.bytesB()).endObject();
		}
		w.endArray().name("spaces").beginArray();
		List<InstanceFigures> rows = new ArrayList<>();
		rows.add(c.global());
		rows.addAll(c.instances());
		for (InstanceFigures i : rows) {
			w.beginObject().name("name").value(i.name()).name("bytesA").value(i.bytesA()).name("objectsA")
					.value(i.objectsA()).name("bytesB").value(i.bytesB()).name("objectsB").value(i.objectsB()).endObject();
		}
		w.endArray().name("sideChanges").beginArray();
		for (SideChange s : c.sideChanges()) {
			w.beginObject().name("kind").value(s.kind().name().toLowerCase(Locale.ROOT)).name("to")
					.value(s.toMapped() ? "mapped" : "sensitive").name("objects").value(s.count()).name("bytes")
					.value(s.bytes()).name("first").beginArray();
			s.first().forEach(w::value);
			w.endArray().endObject();
		}
		w.endArray();
		w.name("problemsA").beginArray();
		c.problemsA().forEach(w::value);
		w.endArray().name("problemsB").beginArray();
		c.problemsB().forEach(w::value);
		w.endArray();
		layout(w, "rfc2022LayoutA", spacesA);
		layout(w, "rfc2022LayoutB", spacesB);
		if (run != null) {
			w.name("scenario").beginObject().name("name").value(run.name()).name("input").value(run.label())
					.name("cores").value(run.cores()).name("threadsPerCore").value(run.smt()).name("strategies")
					.beginArray();
			for (StrategyPair p : strategies) {
				w.beginObject().name("strategy").value(p.a().strategy().cliName());
				result(w.name("a"), p.a());
				result(w.name("b"), p.b());
				w.endObject();
			}
			w.endArray().endObject();
		}
		return w.endObject().toString();
	}

	private static void result(JsonWriter w, StrategyResult r) {
		w.beginObject().name("events").value(r.events()).name("exits").value(r.exits()).name("mitigationCycles")
				.value(r.mitigationCycles()).name("leakWindows").value(r.windowCount()).name("leakLength")
				.value(r.windowTotalLength()).endObject();
	}
}

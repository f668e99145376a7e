// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.ClassMember;
import dev.isolde.dsl.isolde.Compare;
import dev.isolde.dsl.isolde.CostOverride;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.Flush;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Run;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.ScenarioMember;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.TaintPolicyEntry;
import dev.isolde.dsl.isolde.Taints;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.dsl.scoping.ProjectFiles;
import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.RestrictedSpaces;
import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.Taint;
import dev.isolde.engine.sim.TaintPolicy;
import dev.isolde.engine.sim.TraceException;
import dev.isolde.engine.sim.TraceReader;

/**
 * A scenario of a policy file read into what the simulator needs: cores and SMT threads, the trace file or named
 * workload, the contexts' CPU placement ({@code run … on cpu}), the strategies and the cost overrides. One reading
 * for the CLI ({@code simulate}, {@code compare}, the HTML report) and the simulation view, so all run the same thing.
 *
 * @param runs contexts (kernel context indices) per CPU, or null to spread them over the CPUs
 */
public record ScenarioRun(String name, int cores, int smt, String workload, long events, long seed, Path trace, int[][] runs,
		List<Strategy> strategies, Map<String, Long> costs) {

	/** A scenario that cannot run, with the reason. */
	public static final class BadScenario extends Exception {
		private static final long serialVersionUID = 1L;

		BadScenario(String message) {
			super(message);
		}
	}

	/** The scenario named {@code name} of {@code file}, or its first one if name is null; null if there is none. */
	public static Scenario find(PolicyFile file, String name) {
		return file.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
				.filter(s -> name == null || name.equals(s.getName())).findFirst().orElse(null);
	}

	/** The simulator runs SMT cores of at most this many hyperthreads (a leak window needs a sibling). */
	public static final int MAX_SMT = 2;

	/** The machine a scenario simulates: {@code cores N smt M}, 2 x 2 when it says nothing, smt 1 when only cores. */
	public record MachineShape(int cores, int smt) {

		/** Logical CPUs. */
		public int cpus() {
			return cores * smt;
		}

		/** Whether the simulator can model this machine: at least one core of 1 to {@link #MAX_SMT} threads. */
		public boolean simulable() {
			return cores >= 1 && smt >= 1 && smt <= MAX_SMT;
		}

		/** What a scenario's last {@code cores} line says (null: the defaults). */
		public static MachineShape of(Scenario scenario) {
			MachineShape shape = new MachineShape(2, 2);
			for (ScenarioMember m : scenario == null ? List.<ScenarioMember>of() : scenario.getMembers()) {
				if (m instanceof Shape s) {
					shape = new MachineShape(s.getCores(), s.getSmt() == 0 ? 1 : s.getSmt());
				}
			}
			return shape;
		}
	}

	/**
	 * Reads {@code scenario} (null: the defaults, for a trace given on the command line); a trace path is relative to
	 * {@code dir} and may not leave it ({@link ProjectFiles}), contexts are looked up in {@code kernel}.
	 */
	public static ScenarioRun of(Scenario scenario, KernelImage kernel, Path dir) throws BadScenario {
		String name = scenario == null ? "trace" : scenario.getName();
		MachineShape shape = MachineShape.of(scenario);
		int cores = shape.cores();
		int smt = shape.smt();
		String workload = "vmexit-storm";
		long events = 100_000;
		long seed = 1;
		Path trace = null;
		List<Strategy> strategies = new ArrayList<>();
		Map<String, Long> costs = new LinkedHashMap<>();
		List<Run> runs = new ArrayList<>();
		for (ScenarioMember m : scenario == null ? List.<ScenarioMember>of() : scenario.getMembers()) {
			if (m instanceof Workload w) {
				workload = w.getName();
				events = w.getEvents() > 0 ? w.getEvents() : events;
				seed = w.getSeed();
			} else if (m instanceof Trace t) {
				trace = ProjectFiles.resolve(dir, t.getPath());
				if (trace == null) {
					throw new BadScenario("scenario " + name + ": trace \"" + t.getPath()
							+ "\" lies outside this policy's directory, not read (a policy names only files beside or below it)");
				}
			} else if (m instanceof Compare c) {
				c.getStrategies().forEach(s -> strategies.add(Strategy.valueOf(s.name())));
			} else if (m instanceof Costs cs) {
				for (CostOverride o : cs.getCosts()) {
					costs.put(CostModel.itemOf(o.getItem().getLiteral()), (long) o.getCycles());
				}
			} else if (m instanceof Run r) {
				runs.add(r);
			}
		}
		if (strategies.isEmpty()) {
			strategies.addAll(List.of(Strategy.values()));
		}
		if (!shape.simulable()) {
			throw new BadScenario("scenario " + name + ": needs cores >= 1 and smt 1 or 2");
		}
		if (trace == null && !dev.isolde.engine.sim.Workload.NAMES.contains(workload)) {
			throw new BadScenario("unknown workload " + workload + "; known: " + dev.isolde.engine.sim.Workload.NAMES);
		}
		try {
			CostModel.defaults().with(costs);
		} catch (IllegalArgumentException e) {
			throw new BadScenario("scenario " + name + ": " + e.getMessage());
		}
		int[][] placement = runs.isEmpty() ? null : placement(name, runs, kernel, cores, smt);
		return new ScenarioRun(name, cores, smt, workload, events, seed, trace, placement, List.copyOf(strategies),
				Map.copyOf(costs));
	}

	private static int[][] placement(String name, List<Run> runs, KernelImage kernel, int cores, int smt)
			throws BadScenario {
		int cpus = cores * smt;
		List<List<Integer>> byCpu = new ArrayList<>();
		for (int c = 0; c < cpus; c++) {
			byCpu.add(new ArrayList<>());
		}
		for (Run r : runs) {
			String ctx = r.getContext() == null ? null : r.getContext().getName();
			int index = ctx == null ? -1 : kernel.contextIndex(ctx);
			if (index < 0) {
				throw new BadScenario("scenario " + name + ": run " + ctx + ": not a context of the kernel model");
			}
			for (int cpu : r.getCpus()) {
				if (cpu < 0 || cpu >= cpus) {
					throw new BadScenario("scenario " + name + ": run " + ctx + " on cpu " + cpu + ": the scenario has CPUs 0-"
							+ (cpus - 1) + " (cores " + cores + " smt " + smt + ")");
				}
				byCpu.get(cpu).add(index);
			}
		}
		int[][] placement = new int[cpus][];
		for (int c = 0; c < cpus; c++) {
			placement[c] = byCpu.get(c).stream().mapToInt(Integer::intValue).toArray();
		}
		return placement;
	}

	/** Logical CPUs. */
	public int cpus() {
		return cores * smt;
	}

	/** The cost model: the defaults with the scenario's overrides. */
	public CostModel costModel() {
		return CostModel.defaults().with(costs);
	}

	/** What the events come from, for reports. */
	public String label() {
		return trace != null ? "trace " + trace.getFileName()
				: "workload " + workload + " (" + events + " events, seed " + seed + ")";
	}

	/**
	 * The events: the trace file, streamed, or the named workload drawing its accesses from {@code classification}
	 * (so two policies replay exactly the same events when given the same classification).
	 */
	public EventSource source(Classification classification) {
		if (trace == null) {
			return new dev.isolde.engine.sim.Workload(workload, classification, cpus(), events, seed, runs);
		}
		Path file = trace;
		KernelImage kernel = classification.kernel();
		return sink -> {
			try (Reader in = Files.newBufferedReader(file)) {
				new TraceReader(kernel, file.toString(), cpus()).read(in, sink);
			} catch (IOException e) {
				throw new TraceException(file.toString(), 0, 0, e.getMessage());
			}
		};
	}

	/** A named workload on {@code cores} x 2 SMT siblings under every strategy, with the default costs. */
	public static ScenarioRun workload(String workload, int cores, long events) {
		return new ScenarioRun("workload " + workload, cores, 2, workload, events, 1, null, null,
				List.of(Strategy.values()), Map.of());
	}

	/** A simulator with this scenario's costs and the taint policies {@code file} (may be null) declares. */
	public Simulator simulator(Classification classification, RestrictedSpaces spaces, PolicyFile file) {
		return new Simulator(classification, spaces, costModel(), cpus(),
				file == null ? Map.of() : taintPolicies(file, classification.policy()));
	}

	/** Runs the events under each strategy. */
	public List<StrategyResult> run(Classification classification, RestrictedSpaces spaces, PolicyFile file)
			throws TraceException {
		Simulator simulator = simulator(classification, spaces, file);
		EventSource source = source(classification);
		List<StrategyResult> results = new ArrayList<>();
		for (Strategy s : strategies) {
			results.add(simulator.run(s, source));
		}
		return results;
	}

	/**
	 * The taint policies the policy's ASI classes declare ({@code taints} is what the class sets; {@code policy
	 * prevent_control/protect_data/set}; {@code flush data|control with ...}); undeclared parts keep the 2025
	 * series' defaults for the class's context kind.
	 */
	public static Map<String, TaintPolicy> taintPolicies(PolicyFile file, PolicySpec spec) {
		Map<String, TaintPolicy> out = new LinkedHashMap<>();
		for (var e : file.getElements()) {
			if (!(e instanceof AsiClassDecl cls)) {
				continue;
			}
			var compiled = spec.asiClass(cls.getName());
			if (compiled == null) {
				continue;
			}
			TaintPolicy base = TaintPolicy.of(compiled.per());
			int prevent = base.preventControl();
			int protect = base.protectData();
			int set = base.set();
			List<Hook> control = base.controlFlush();
			List<Hook> data = base.dataFlush();
			boolean declared = false;
			for (ClassMember m : cls.getMembers()) {
				if (m instanceof Taints t) {
					set = Taint.bits(t.getTaints().stream().map(x -> x.getLiteral()).toList());
					declared = true;
				} else if (m instanceof dev.isolde.dsl.isolde.TaintPolicy p) {
					for (TaintPolicyEntry entry : p.getEntries()) {
						int bits = Taint.bits(entry.getTaints().stream().map(x -> x.getLiteral()).toList());
						switch (entry.getKind()) {
						case PREVENT_CONTROL -> prevent = bits;
						case PROTECT_DATA -> protect = bits;
						case SET -> set = bits;
						}
					}
					declared = true;
				} else if (m instanceof Flush f) {
					List<Hook> hooks = f.getHooks().stream().map(h -> Hook.valueOf(h.name())).toList();
					if (f.getWhat().getLiteral().equals("data")) {
						data = hooks;
					} else {
						control = hooks;
					}
					declared = true;
				}
			}
			if (declared) {
				out.put(cls.getName(), new TaintPolicy(prevent, protect, set, control, data));
			}
		}
		return out;
	}
}

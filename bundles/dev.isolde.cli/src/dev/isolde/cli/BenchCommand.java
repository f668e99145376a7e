// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.machine.MachineImporter;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;

/** {@code isolde bench import [FILE]}: times parsing and indexing a kallsyms file into a fresh machine. */
final class BenchCommand implements Command {

	private static final String DEFAULT_FILE = "/proc/kallsyms";
	private static final int WARM_UP = 5;
	private static final int RUNS = 11;

	@Override
	public String name() {
		return "bench";
	}

	private final Languages languages;

	BenchCommand(Languages languages) {
		this.languages = languages;
	}

	@Override
	public String summary() {
		return "benchmarks: bench import [FILE] | policy [RULES] | spaces POLICY [KERNEL] | sim POLICY [EVENTS] | engine";
	}

	@Override
	public String usage() {
		return "Usage: isolde bench import [FILE] | policy [RULES] | spaces POLICY [KERNEL.isolde] | sim POLICY [EVENTS]\n"
				+ "       | engine\n"
				+ "import: reads FILE (default " + DEFAULT_FILE + ") into memory once, then parses it and indexes its\n"
				+ "        symbols into a fresh kernel model " + WARM_UP + " times to warm up and " + RUNS + " times measured.\n"
				+ "policy: generates a policy of RULES rules (default 5000: 85% exact names, 15% globs and regexes, in global,\n"
				+ "        local and sensitive blocks, against the sample kernel model) and times parse + validate.\n"
				+ "spaces: adapts the kernel model, classifies it by POLICY and builds every restricted space.\n"
				+ "engine: the engine's synthetic machines: 120k symbols, and 1,000 VMs x 2,000 local objects in a\n"
				+ "        64 GiB direct map (wall and CPU time per phase, retained heap).\n"
				+ "sim:    the simulator's asi strategy on EVENTS (default 4,000,000) recorded vmexit-storm events on the\n"
				+ "        policy's spaces over its kernel model, beside a plain array lookup and a binary search of the\n"
				+ "        same addresses in the same run: accesses per second and the ratios.\n"
				+ "All print the median time.";
	}

	@Override
	public int run(List<String> args, Console console) throws Exception {
		if (args.isEmpty() || args.size() > 3) {
			throw new UsageException("expected import, policy, spaces or engine");
		}
		return switch (args.get(0)) {
		case "import" -> importBench(args.size() >= 2 ? args.get(1) : DEFAULT_FILE, console);
		case "policy" -> policyBench(args.size() >= 2 ? parseCount(args.get(1)) : 5000, console);
		case "spaces" -> spacesBench(args, console);
		case "sim" -> simBench(args, console);
		case "engine" -> {
			dev.isolde.engine.bench.EngineBench.main(new String[0]);
			yield OK;
		}
		default -> throw new UsageException("unknown benchmark " + args.get(0));
		};
	}

	private static int parseCount(String s) throws UsageException {
		try {
			return Integer.parseInt(s);
		} catch (NumberFormatException e) {
			throw new UsageException("not a rule count: " + s);
		}
	}

	private int importBench(String name, Console console) throws Exception {
		String text;
		try {
			// /proc files report size 0, so read them as a stream rather than by their size.
			text = new String(Files.newInputStream(console.resolve(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			console.err().println(name + ": cannot read: " + e.getMessage());
			return BAD_INPUT;
		}
		Timings.Result r;
		try {
			r = Timings.measure(WARM_UP, RUNS, () -> importOnce(text, name));
		} catch (ImportException e) {
			console.err().println(e.getMessage());
			return BAD_INPUT;
		}
		Machine machine = (Machine) r.last();
		console.out().printf(Locale.ROOT, "%s: %d lines, %d symbols, %d memory objects: %s after %d warm-up runs%n", name,
				machine.getSources().get(0).getLines(), machine.getSymbols().size(), machine.getMemoryObjects().size(),
				r.summary(), WARM_UP);
		return OK;
	}

	private int spacesBench(List<String> args, Console console) throws Exception {
		if (args.size() < 2) {
			throw new UsageException("bench spaces needs a policy file");
		}
		PolicyInputs inputs = new PolicyInputs(languages);
		dev.isolde.engine.policy.PolicySpec spec;
		Machine machine;
		try {
			var result = inputs.check(args.get(1), console);
			spec = inputs.compile(result, console);
			machine = inputs.kernel(result, args.size() == 3 ? args.get(2) : null, console);
		} catch (PolicyInputs.Reported reported) {
			return reported.exit;
		}
		Timings.Result r = Timings.measure(WARM_UP, RUNS, () -> dev.isolde.io.engine.Analysis.run(machine, spec));
		var a = (dev.isolde.io.engine.Analysis) r.last();
		console.out().printf(Locale.ROOT, "%s on %d objects (%d symbols): adapt + classify + build %d spaces + checks %s%n",
				spec.name(), a.kernel().objectCount(), machine.getSymbols().size(), a.spaces().instances().size() + 1,
				r.summary());
		return OK;
	}

	/** The simulator on a policy's spaces over the real kernel model: {@code bench sim POLICY [EVENTS]}. */
	private int simBench(List<String> args, Console console) throws Exception {
		if (args.size() < 2) {
			throw new UsageException("bench sim needs a policy file");
		}
		dev.isolde.io.engine.Analysis a;
		try {
			a = new PolicyInputs(languages).analyse(args.get(1), null, console);
		} catch (PolicyInputs.Reported reported) {
			return reported.exit;
		}
		int events = args.size() == 3 ? parseCount(args.get(2)) : 4_000_000;
		dev.isolde.engine.bench.SimBench.run(a.classification(), a.spaces(), 4, events, WARM_UP, RUNS, console.out());
		return OK;
	}

	private int policyBench(int rules, Console console) throws Exception {
		Path dir = Files.createTempDirectory("isolde-bench");
		Path policy = dir.resolve("generated.asi");
		Path kernel = console.resolve(System.getProperty("isolde.samples", "samples")).resolve("machine.isolde");
		// a policy reads kernel models in its own directory only
		Path localKernel = dir.resolve(kernel.getFileName());
		if (Files.isRegularFile(kernel)) {
			Files.copy(kernel, localKernel);
		}
		Files.writeString(policy, GeneratedPolicy.text(rules, Files.isRegularFile(kernel) ? kernel.getFileName() : null));
		var checker = languages.injector().getInstance(dev.isolde.dsl.check.PolicyChecker.class);
		Timings.Result r = Timings.measure(WARM_UP, RUNS, () -> checker.check(policy));
		var result = (dev.isolde.dsl.check.PolicyChecker.Result) r.last();
		console.out().printf(Locale.ROOT, "policy of %d rules (%d lines, kernel model %s): parse + validate %s, %d diagnostics%n",
				rules, Files.readAllLines(policy).size(), Files.isRegularFile(kernel) ? kernel.getFileName() : "none",
				r.summary(), result.diagnostics().size());
		Files.delete(policy);
		Files.deleteIfExists(localKernel);
		Files.delete(dir);
		return OK;
	}

	private static Machine importOnce(String text, String name) throws ImportException {
		Machine machine = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter importer = new MachineImporter();
		importer.read(new StringReader(text), name, KernelFileKind.KALLSYMS, MachineImporter.label(KernelFileKind.KALLSYMS));
		importer.mergeInto(machine);
		return machine;
	}
}

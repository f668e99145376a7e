// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.isolde.engine.sim.CostModel;
import dev.isolde.engine.sim.Simulator;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.sim.TraceReader;
import dev.isolde.fuzz.Samples;
import dev.isolde.io.ImportException;
import dev.isolde.io.engine.Analysis;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.machine.MachineImporter;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;

/**
 * Shows that huge inputs stay within a small heap (run it with -Xmx512m, see bench/memory): a kallsyms-like text
 * of a given size imported as {@code isolde import} does, and a trace of a given number of events simulated. The
 * inputs are generated while they are read. Prints time, characters read, heap and resident-set peaks.
 */
public final class MemoryBench {

	private MemoryBench() {
	}

	/** {@code kallsyms BYTES NAME_LENGTH} or {@code trace EVENTS}. */
	public static void main(String[] args) throws Exception {
		HeapPeak peak = HeapPeak.watch();
		long start = System.nanoTime();
		String what = args[0];
		String outcome = switch (what) {
		case "kallsyms" -> kallsyms(Long.parseLong(args[1]), Integer.parseInt(args[2]));
		case "trace" -> trace(Long.parseLong(args[1]));
		default -> throw new IllegalArgumentException("kallsyms BYTES NAME_LENGTH | trace EVENTS");
		};
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "%s: %s%n  %.1f s, max heap %d MiB, peak heap used %d MiB, peak RSS %d MiB%n",
				String.join(" ", args), outcome, seconds, Runtime.getRuntime().maxMemory() >> 20, peak.mib(),
				peakRssKib() >> 10);
	}

	private static String kallsyms(long bytes, int nameLength) {
		SyntheticText text = SyntheticText.kallsyms(bytes, nameLength);
		MachineImporter importer = new MachineImporter();
		try {
			importer.read(text, "synthetic.kallsyms", KernelFileKind.KALLSYMS, "kallsyms");
		} catch (ImportException e) {
			return "stopped after " + mib(text.produced()) + " read: " + e.getMessage();
		}
		Machine machine = IsoldeFactory.eINSTANCE.createMachine();
		importer.mergeInto(machine);
		return "imported " + mib(text.produced()) + ": " + machine.getSymbols().size() + " symbols, "
				+ machine.getMemoryObjects().size() + " objects";
	}

	private static String trace(long events) throws Exception {
		Analysis analysis = Samples.kvmHost();
		int cpus = 4;
		Simulator simulator = new Simulator(analysis.classification(), analysis.spaces(), CostModel.defaults(), cpus);
		SyntheticText text = SyntheticText.trace(events);
		StrategyResult r = simulator.run(Strategy.ASI,
				// buffered as the CLI reads a trace file (Files.newBufferedReader)
				sink -> new TraceReader(analysis.kernel(), "synthetic.trace", cpus).read(new BufferedReader(text), sink));
		return String.format(Locale.ROOT, "%d events (%s of trace) under asi: %d exits, %.0f cycles per 1k events",
				r.events(), mib(text.produced()), r.exits(), r.cyclesPerKiloEvent());
	}

	private static String mib(long chars) {
		return (chars >> 20) + " MiB";
	}

	/** VmHWM of /proc/self/status: the most resident memory the process ever had. */
	private static long peakRssKib() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return 0;
	}
}

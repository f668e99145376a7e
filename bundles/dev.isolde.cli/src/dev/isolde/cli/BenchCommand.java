// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

	@Override
	public String summary() {
		return "time the kallsyms import (bench import [FILE])";
	}

	@Override
	public String usage() {
		return "Usage: isolde bench import [FILE]\n"
				+ "Reads FILE (default " + DEFAULT_FILE + ") into memory once, then parses it and indexes its symbols\n"
				+ "into a fresh kernel model " + WARM_UP + " times to warm up and " + RUNS + " times measured;\n"
				+ "prints the lines, symbols and the median time.";
	}

	@Override
	public int run(List<String> args, Console console) throws Exception {
		if (args.isEmpty() || !args.get(0).equals("import") || args.size() > 2) {
			throw new UsageException("expected 'import [FILE]'");
		}
		String name = args.size() == 2 ? args.get(1) : DEFAULT_FILE;
		String text;
		try {
			// /proc files report size 0, so read them as a stream rather than by their size.
			text = new String(Files.newInputStream(console.resolve(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			console.err().println(name + ": cannot read: " + e.getMessage());
			return BAD_INPUT;
		}
		long[] nanos = new long[RUNS];
		int lines = 0;
		int symbols = 0;
		int objects = 0;
		try {
			for (int i = 0; i < WARM_UP + RUNS; i++) {
				// Start each run with the last run's model collected, so no run pays for another's garbage.
				System.gc();
				long t0 = System.nanoTime();
				Machine machine = importOnce(text, name);
				long t = System.nanoTime() - t0;
				if (i >= WARM_UP) {
					nanos[i - WARM_UP] = t;
				}
				lines = machine.getSources().get(0).getLines();
				symbols = machine.getSymbols().size();
				objects = machine.getMemoryObjects().size();
			}
		} catch (ImportException e) {
			console.err().println(e.getMessage());
			return BAD_INPUT;
		}
		Arrays.sort(nanos);
		console.out().printf(Locale.ROOT,
				"%s: %d lines, %d symbols, %d memory objects: median %.1f ms (min %.1f, max %.1f) over %d runs"
						+ " after %d warm-up runs%n",
				name, lines, symbols, objects, nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6, RUNS,
				WARM_UP);
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

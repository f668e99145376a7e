// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.machine.MachineImporter;
import dev.isolde.io.machine.MachineImporter.InputFile;
import dev.isolde.io.machine.ThisMachineImport;
import dev.isolde.io.machine.ThisMachineImporter;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelStore;

/** {@code isolde import}: build a kernel model from this machine or from captured kernel files. */
final class ImportCommand implements Command {

	private static final Map<String, KernelFileKind> KINDS = Map.of("kallsyms", KernelFileKind.KALLSYMS,
			MachineImporter.SYSTEM_MAP, KernelFileKind.KALLSYMS, "iomem", KernelFileKind.IOMEM, "slabinfo",
			KernelFileKind.SLABINFO, "vmallocinfo", KernelFileKind.VMALLOCINFO, "ptdump", KernelFileKind.PTDUMP,
			"vulnerabilities", KernelFileKind.VULNERABILITIES);

	private static final int FIRST_LINE_LIMIT = 4096;

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String summary() {
		return "import /proc and /sys kernel files into a kernel model (.isolde)";
	}

	@Override
	public String usage() {
		return "Usage: isolde import --this-machine [--sample] -o FILE.isolde\n"
				+ "       isolde import PATH... [--as KIND] [--sample] -o FILE.isolde\n"
				+ "Reads kernel files into a kernel model, all or nothing, and saves it atomically.\n"
				+ "  --this-machine  read /proc/kallsyms, /proc/iomem, /proc/slabinfo, /proc/vmallocinfo,\n"
				+ "                  /sys/kernel/debug/page_tables/kernel and /sys/devices/system/cpu/vulnerabilities;\n"
				+ "                  missing or unreadable ones are listed with the reason\n"
				+ "  --as KIND       kallsyms, systemmap, iomem, slabinfo, vmallocinfo, ptdump or vulnerabilities\n"
				+ "                  (default: recognised from the content; a directory is vulnerabilities)\n"
				+ "  --sample        keep only ASI-relevant text symbols (entry_, asi_, kvm_, vmx_, svm_, irq*,\n"
				+ "                  __switch_to*, native_* and the entry text); all other symbols and data are kept\n"
				+ "  -o FILE         the model to write\n"
				+ "Exit 0 ok, 2 on bad input (FILE:LINE:COL: message) or usage.";
	}

	@Override
	public int run(List<String> args, Console console) throws Exception {
		boolean thisMachine = false;
		boolean sample = false;
		String output = null;
		String as = null;
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			switch (a) {
			case "--this-machine" -> thisMachine = true;
			case "--sample" -> sample = true;
			case "-o", "--output" -> output = value(args, ++i, a);
			case "--as" -> as = value(args, ++i, a);
			default -> {
				if (a.startsWith("-")) {
					throw new UsageException("unknown option " + a);
				}
				paths.add(a);
			}
			}
		}
		if (output == null) {
			throw new UsageException("no output file given (-o FILE.isolde)");
		}
		if (thisMachine == !paths.isEmpty()) {
			throw new UsageException(thisMachine ? "--this-machine takes no PATH" : "no PATH and no --this-machine");
		}
		if (as != null && !KINDS.containsKey(as)) {
			throw new UsageException("unknown kind '" + as + "' for --as; one of " + String.join(", ", KINDS.keySet()));
		}
		Path out = console.resolve(output);
		Machine machine;
		List<String> unavailable = List.of();
		try {
			if (thisMachine) {
				ThisMachineImport result = new ThisMachineImporter().read(sample);
				machine = result.machine();
				unavailable = result.unavailable();
			} else {
				machine = IsoldeFactory.eINSTANCE.createMachine();
				machine.setName(stem(out));
				MachineImporter.importInto(machine, inputs(paths, as, console), sample);
			}
		} catch (ImportException e) {
			console.err().println(e.getMessage());
			return BAD_INPUT;
		}
		ModelStore.save(machine, out);
		MachineReport report = new MachineReport(machine);
		console.out().println(report.summary(output));
		for (String u : unavailable) {
			console.out().println("  unavailable: " + u);
		}
		report.notes(console.out());
		return OK;
	}

	private static String value(List<String> args, int i, String option) throws UsageException {
		if (i >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(i);
	}

	private static List<InputFile> inputs(List<String> paths, String as, Console console) throws ImportException {
		List<InputFile> inputs = new ArrayList<>();
		for (String p : paths) {
			Path path = console.resolve(p);
			KernelFileKind kind;
			String label;
			if (as != null) {
				kind = KINDS.get(as);
				label = as;
			} else {
				if (!Files.exists(path)) {
					throw new ImportException(p, 0, 0, "cannot read: no such file", null);
				}
				Optional<KernelFileKind> sniffed = KernelFileKind.sniff(path);
				if (sniffed.isEmpty()) {
					// A file whose first line looks right but a later one does not is reported by its reader at the
					// bad line, which helps more than "not recognised".
					sniffed = KernelFileKind.sniff(firstLine(path));
				}
				if (sniffed.isEmpty()) {
					throw new ImportException(p, 0, 0, "not a kernel file Isolde recognises",
							"kallsyms, System.map, iomem, slabinfo, vmallocinfo, ptdump or a vulnerabilities directory;"
									+ " name the kind with --as");
				}
				kind = sniffed.get();
				// System.map and kallsyms share a format; the name is all that tells them apart.
				boolean systemMap = kind == KernelFileKind.KALLSYMS
						&& path.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("system.map");
				label = systemMap ? MachineImporter.SYSTEM_MAP : MachineImporter.label(kind);
			}
			inputs.add(new InputFile(path, p, kind, label));
		}
		return inputs;
	}

	private static List<String> firstLine(Path path) {
		if (Files.isDirectory(path)) {
			return List.of();
		}
		try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
			// Bounded, as a binary file may have no line end at all.
			char[] head = new char[FIRST_LINE_LIMIT];
			int n = in.read(head);
			String text = n <= 0 ? "" : new String(head, 0, n);
			int end = text.indexOf('\n');
			String line = (end < 0 ? text : text.substring(0, end)).stripTrailing();
			return line.isEmpty() ? List.of() : List.of(line);
		} catch (IOException e) {
			return List.of(); // KernelFileKind.sniff(Path) has reported unreadable files already
		}
	}

	private static String stem(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}

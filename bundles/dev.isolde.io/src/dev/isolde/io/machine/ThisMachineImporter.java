// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.kernel.LineSource;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;

/**
 * Imports the running machine from /proc and /sys: what exists and is readable is imported all or nothing, what is
 * missing or unreadable is reported with the reason.
 */
public final class ThisMachineImporter {

	private static final Pattern CPU_DIR = Pattern.compile("cpu[0-9]+");

	private final Path root;

	/** An importer of the machine it runs on. */
	public ThisMachineImporter() {
		this(Path.of("/"));
	}

	/** An importer that finds {@code proc/} and {@code sys/} below {@code root}, e.g. a copy of another machine's. */
	public ThisMachineImporter(Path root) {
		this.root = root;
	}

	/**
	 * Reads kallsyms, iomem, slabinfo, vmallocinfo, the kernel ptdump and the CPU vulnerabilities; a file that exists
	 * but does not parse fails the whole import.
	 */
	public ThisMachineImport read(boolean sample) throws ImportException {
		List<String> unavailable = new ArrayList<>();
		MachineImporter importer = new MachineImporter(sample);
		readIfPresent(importer, "proc/kallsyms", KernelFileKind.KALLSYMS, null, unavailable);
		readIfPresent(importer, "proc/iomem", KernelFileKind.IOMEM, null, unavailable);
		readIfPresent(importer, "proc/slabinfo", KernelFileKind.SLABINFO, "needs CONFIG_SLUB_DEBUG and root",
				unavailable);
		readIfPresent(importer, "proc/vmallocinfo", KernelFileKind.VMALLOCINFO, null, unavailable);
		readIfPresent(importer, "sys/kernel/debug/page_tables/kernel", KernelFileKind.PTDUMP,
				"needs CONFIG_PTDUMP_DEBUGFS and debugfs mounted on /sys/kernel/debug", unavailable);
		readIfPresent(importer, "sys/devices/system/cpu/vulnerabilities", KernelFileKind.VULNERABILITIES, null,
				unavailable);

		Machine machine = IsoldeFactory.eINSTANCE.createMachine();
		machine.setName(firstLine("proc/sys/kernel/hostname", unavailable));
		machine.setKernelRelease(firstLine("proc/sys/kernel/osrelease", unavailable));
		cpuTopology(machine, unavailable);
		importer.mergeInto(machine);
		for (ImportSource s : machine.getSources()) {
			if (!s.isAddressesReliable()) {
				unavailable.add(hiddenReason(s.getKind()));
			}
		}
		return new ThisMachineImport(machine, List.copyOf(unavailable));
	}

	private static String hiddenReason(String kind) {
		return switch (kind) {
		case "kallsyms" -> "kallsyms addresses are hidden (not root / kptr_restrict)";
		case "iomem" -> "iomem addresses are hidden (not root)";
		case "vmallocinfo" -> "vmallocinfo addresses are hashed (kptr_restrict=0 hashes %pK; kptr_restrict=1 as root"
				+ " shows them)";
		default -> kind + " addresses are unreliable";
		};
	}

	private void readIfPresent(MachineImporter importer, String relative, KernelFileKind kind, String needs,
			List<String> unavailable) throws ImportException {
		Path path = root.resolve(relative);
		String what = MachineImporter.label(kind);
		if (!Files.exists(path)) {
			unavailable.add("no " + what + ": " + path + " does not exist" + (needs == null ? "" : " (" + needs + ")"));
			return;
		}
		try {
			importer.read(path, kind);
		} catch (ImportException e) {
			if (e.line() > 0) {
				throw e; // the file is there but not what the kernel writes: fail rather than import half a machine
			}
			unavailable.add("no " + what + ": " + e.getMessage());
		}
	}

	private String firstLine(String relative, List<String> unavailable) {
		Path path = root.resolve(relative);
		try {
			List<String> lines = Files.readAllLines(path);
			if (!lines.isEmpty() && !lines.get(0).isBlank()) {
				return lines.get(0).trim();
			}
			unavailable.add(path + " is empty");
		} catch (IOException e) {
			unavailable.add(LineSource.ioError(path.toString(), e).getMessage());
		}
		return null;
	}

	/** Counts cpuN directories and the threads of cpu0's core (Documentation/ABI/stable/sysfs-devices-system-cpu). */
	private void cpuTopology(Machine machine, List<String> unavailable) {
		Path cpuDir = root.resolve("sys/devices/system/cpu");
		int cpus = 0;
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cpuDir,
				p -> CPU_DIR.matcher(p.getFileName().toString()).matches())) {
			for (Path ignored : dirs) {
				cpus++;
			}
		} catch (IOException e) {
			unavailable.add("no CPU count: " + LineSource.ioError(cpuDir.toString(), e).getMessage());
			return;
		}
		machine.setCpus(cpus);
		Path siblings = cpuDir.resolve("cpu0/topology/thread_siblings_list");
		try {
			machine.setThreadsPerCore(CpuList.count(Files.readString(siblings).trim()));
		} catch (IOException | IllegalArgumentException e) {
			unavailable.add("no SMT topology: " + siblings + ": " + e.getMessage());
		}
	}
}

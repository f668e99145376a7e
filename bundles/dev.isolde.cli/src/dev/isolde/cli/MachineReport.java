// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.isolde.io.machine.RegionIndex;
import dev.isolde.model.AddressSpace;
import dev.isolde.model.ImportNote;
import dev.isolde.model.ImportSource;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Region;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;
import dev.isolde.model.Vulnerability;

/** The text {@code isolde import} and {@code isolde info} print about a kernel model. */
final class MachineReport {

	private static final int LARGEST_CACHES = 5;

	private final Machine machine;

	MachineReport(Machine machine) {
		this.machine = machine;
	}

	/** One paragraph: what the model holds, for the import that wrote it to {@code file}. */
	String summary(String file) {
		int mappings = 0;
		for (AddressSpace s : machine.getAddressSpaces()) {
			mappings += s.getMappings().size();
		}
		long vmalloc = machine.getMemoryObjects().stream().filter(o -> o.getKind() == MemoryKind.VMALLOC_AREA).count();
		return String.format(Locale.ROOT,
				"Imported %d source%s into %s: %s; %d symbols, %d memory objects (%d vmalloc areas),"
						+ " %d top-level physical ranges, %d slab caches, %d mappings in %d address space%s,"
						+ " %d vulnerabilities (%d affected).",
				machine.getSources().size(), machine.getSources().size() == 1 ? "" : "s", file, identity(),
				machine.getSymbols().size(), machine.getMemoryObjects().size(), vmalloc,
				machine.getPhysicalRanges().size(), machine.getSlabCaches().size(), mappings,
				machine.getAddressSpaces().size(), machine.getAddressSpaces().size() == 1 ? "" : "s",
				machine.getVulnerabilities().size(), affected().size());
	}

	private String identity() {
		StringBuilder b = new StringBuilder("machine ").append(machine.getName() == null ? "(unnamed)" : machine.getName());
		if (machine.getKernelRelease() != null) {
			b.append(", kernel ").append(machine.getKernelRelease());
		}
		b.append(", ").append(machine.getArch()).append(' ').append(machine.getPagingLevels()).append("-level paging");
		if (machine.getCpus() > 0) {
			b.append(", ").append(machine.getCpus()).append(" CPUs (").append(machine.getThreadsPerCore())
					.append(" per core)");
		}
		if (machine.getPhysicalMemory() > 0) {
			b.append(String.format(Locale.ROOT, ", %.1f GiB RAM", machine.getPhysicalMemory() / (double) (1L << 30)));
		}
		if (machine.getTextBase() != 0) {
			b.append(", _text 0x").append(Long.toHexString(machine.getTextBase()));
		}
		return b.toString();
	}

	private List<String> affected() {
		List<String> names = new ArrayList<>();
		for (Vulnerability v : machine.getVulnerabilities()) {
			if (v.isAffected()) {
				names.add(v.getName());
			}
		}
		return names;
	}

	/** Prints every import note as {@code PATH[:LINE]: severity: message}. */
	void notes(PrintStream out) {
		for (ImportSource s : machine.getSources()) {
			for (ImportNote n : s.getNotes()) {
				out.println("  " + s.getPath() + (n.getLine() > 0 ? ":" + n.getLine() : "") + ": "
						+ n.getSeverity().getLiteral().toLowerCase(Locale.ROOT) + ": " + n.getMessage());
			}
		}
	}

	/** The full report of {@code isolde info}. */
	void info(String file, PrintStream out) {
		out.println(file + ": " + identity());
		regions(out);
		kinds(out);
		caches(out);
		List<String> affected = affected();
		out.println("Vulnerabilities: " + machine.getVulnerabilities().size() + ", affected " + affected.size()
				+ (affected.isEmpty() ? "" : ": " + String.join(", ", affected)));
		out.println("Import sources:");
		for (ImportSource s : machine.getSources()) {
			out.println("  " + s.getPath() + " (" + s.getKind() + ", " + s.getLines() + " lines"
					+ (s.isAddressesReliable() ? "" : ", addresses unreliable") + ", " + s.getNotes().size() + " notes)");
		}
		notes(out);
	}

	private void regions(PrintStream out) {
		RegionIndex index = RegionIndex.of(machine.getRegions());
		Map<Region, long[]> counts = new LinkedHashMap<>();
		for (Region r : machine.getRegions()) {
			counts.put(r, new long[2]);
		}
		long[] unplaced = new long[2];
		for (Symbol s : machine.getSymbols()) {
			count(counts, unplaced, index, s.getAddress(), 0, s.getAddress() == 0);
		}
		long perCpu = 0;
		for (MemoryObject o : machine.getMemoryObjects()) {
			if (o.getKind() == MemoryKind.PERCPU) {
				perCpu++; // per-cpu symbols are offsets into each CPU's area, not addresses
			} else {
				count(counts, unplaced, index, o.getStart(), 1, !o.isAddressReliable());
			}
		}
		out.println("Layout regions (symbols, memory objects):");
		for (Map.Entry<Region, long[]> e : counts.entrySet()) {
			long[] c = e.getValue();
			if (c[0] + c[1] > 0) {
				Region r = e.getKey();
				out.printf(Locale.ROOT, "  %-16s 0x%016x-0x%016x %8d %8d%n", r.getName(), r.getStart(), r.getEnd(),
						c[0], c[1]);
			}
		}
		out.printf(Locale.ROOT, "  %-16s %39s %8d %8d%n", "no address", "(hidden, hashed or none)", unplaced[0],
				unplaced[1]);
		if (perCpu > 0) {
			out.printf(Locale.ROOT, "  %-16s %39s %8s %8d%n", "per-cpu", "(offsets into each CPU's area)", "", perCpu);
		}
	}

	private static void count(Map<Region, long[]> counts, long[] unplaced, RegionIndex index, long address, int column,
			boolean noAddress) {
		Region r = noAddress ? null : index.regionOf(address);
		(r == null ? unplaced : counts.get(r))[column]++;
	}

	private void kinds(PrintStream out) {
		Map<MemoryKind, long[]> byKind = new EnumMap<>(MemoryKind.class);
		for (MemoryObject o : machine.getMemoryObjects()) {
			long[] c = byKind.computeIfAbsent(o.getKind(), k -> new long[2]);
			c[0]++;
			c[1] += o.getSize();
		}
		out.println("Memory objects by kind (count, bytes):");
		for (Map.Entry<MemoryKind, long[]> e : byKind.entrySet()) {
			out.printf(Locale.ROOT, "  %-16s %8d %16d%n", e.getKey().getLiteral(), e.getValue()[0], e.getValue()[1]);
		}
	}

	private void caches(PrintStream out) {
		List<SlabCache> caches = new ArrayList<>(machine.getSlabCaches());
		long bytes = 0;
		for (SlabCache c : caches) {
			bytes += c.getTotalObjects() * c.getObjectSize();
		}
		out.printf(Locale.ROOT, "Slab caches: %d, %.1f MiB of objects%n", caches.size(), bytes / (double) (1 << 20));
		caches.sort((a, b) -> Long.compare(b.getTotalObjects() * b.getObjectSize(), a.getTotalObjects() * a.getObjectSize()));
		for (SlabCache c : caches.subList(0, Math.min(LARGEST_CACHES, caches.size()))) {
			out.printf(Locale.ROOT, "  %-24s %8d x %5d B%n", c.getName(), c.getTotalObjects(), c.getObjectSize());
		}
	}
}

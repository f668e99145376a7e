// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KallsymsReader;
import dev.isolde.io.kernel.KallsymsSummary;
import dev.isolde.io.kernel.KernelSymbol;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.KallsymsAll;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Severity;
import dev.isolde.model.Symbol;

/**
 * Turns /proc/kallsyms or System.map into one {@link Symbol} per line, and text, data, rodata, bss and per-cpu
 * symbols into {@link MemoryObject}s with a size guessed from the next symbol.
 */
final class KallsymsImporter {

	// Section classes that sizes are measured within; a symbol's size never reaches into another class.
	private static final int TEXT = 0;
	private static final int DATA = 1;
	private static final int RODATA = 2;
	private static final int BSS = 3;
	private static final int PERCPU = 4;
	private static final int UNSIZED = 5;

	private static final MemoryKind[] KINDS = { MemoryKind.TEXT, MemoryKind.STATIC_DATA, MemoryKind.RODATA,
			MemoryKind.BSS, MemoryKind.PERCPU };
	private static final String[] SECTIONS = { ".text", ".data", ".rodata", ".bss", ".data..percpu" };

	/**
	 * Symbols where vmlinux sections start or end (arch/x86/kernel/vmlinux.lds.S, include/asm-generic/sections.h);
	 * the last symbol before one ends there rather than at the next symbol of its class in a later section.
	 */
	private static final Set<String> SECTION_MARKERS = Set.of("_text", "_stext", "_etext", "__entry_text_start",
			"__entry_text_end", "__irqentry_text_start", "__irqentry_text_end", "__start_rodata", "__end_rodata",
			"__end_rodata_aligned", "_sdata", "_edata", "__bss_start", "__bss_stop", "__per_cpu_start",
			"__per_cpu_end", "__init_begin", "__init_end", "_sinittext", "_einittext", "_end", "__brk_base",
			"__brk_limit");

	/** The markers that end each class in vmlinux; the last symbol of a class ends at the next of them. */
	private static final List<List<String>> CLASS_ENDS = List.of(List.of("__entry_text_end", "_etext", "_einittext"),
			List.of("_edata"), List.of("__end_rodata"), List.of("__bss_stop"), List.of("__per_cpu_end"));

	/**
	 * A kernel with every module loaded has a few hundred thousand symbols; ten times that is not one kernel's
	 * table, and staging more would outgrow a 512 MB heap, so the import stops there with a precise error.
	 */
	static final int MAX_SYMBOLS = 2_000_000;

	/**
	 * The names of a kernel with every module loaded add up to tens of megabytes; a file with fewer but longer names
	 * (up to KSYM_NAME_LEN each) could still hold a gigabyte of them, so the import also stops at this many name
	 * characters, which a 512 MB heap holds with the rest of the staged import.
	 */
	static final long MAX_NAME_CHARS = 64L << 20;

	/** Thrown from the reader's callback to stop reading at a limit, at the line that crossed it. */
	private static final class SymbolLimit extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final int line;
		final String problem;

		SymbolLimit(int line, String problem) {
			super(null, null, false, false);
			this.line = line;
			this.problem = problem;
		}
	}

	private final boolean sample;

	// The symbols in reading order, as parallel arrays to keep 100k+ lines cheap.
	private int n;
	private long nameChars;
	private KallsymsReader reader;
	private long[] address = new long[1 << 14];
	private char[] type = new char[1 << 14];
	private String[] name = new String[1 << 14];
	private String[] module = new String[1 << 14];

	KallsymsImporter(boolean sample) {
		this.sample = sample;
	}

	/** Reads {@code in} and stages its symbols, objects and source record; {@code kind} names the format. */
	void read(LineCountingReader in, String file, String kind, StagedImport into) throws ImportException {
		KallsymsSummary summary;
		reader = new KallsymsReader();
		try {
			summary = reader.read(in, file, this::add);
		} catch (SymbolLimit e) {
			throw new ImportException(file, e.line, 1, e.problem,
					"the symbol table of one kernel (a few hundred thousand lines)");
		}
		boolean hidden = summary.addressesHidden();
		Map<String, Long> markers = new HashMap<>();
		for (int i = 0; i < n; i++) {
			if (module[i] == null && SECTION_MARKERS.contains(name[i])) {
				markers.putIfAbsent(name[i], address[i]);
			}
		}
		long text = hidden ? 0 : markers.getOrDefault("_text", markers.getOrDefault("_stext", 0L));
		long perCpuStart = markers.getOrDefault("__per_cpu_start", -1L);
		long perCpuEnd = markers.getOrDefault("__per_cpu_end", -1L);
		boolean perCpu = !hidden && perCpuStart >= 0 && Long.compareUnsigned(perCpuEnd, perCpuStart) > 0;
		long imageEnd = markers.getOrDefault("_end", -1L);

		int[] cls = new int[n];
		for (int i = 0; i < n; i++) {
			boolean inPerCpu = perCpu && module[i] == null && Long.compareUnsigned(address[i], perCpuStart) >= 0
					&& Long.compareUnsigned(address[i], perCpuEnd) < 0 && !SECTION_MARKERS.contains(name[i]);
			cls[i] = inPerCpu ? PERCPU : classOf(type[i]);
		}
		long[] size = hidden ? new long[n] : sizes(cls, markers);

		TextSymbolSample keep = sample ? new TextSymbolSample(markers.getOrDefault("__entry_text_start", 0L),
				markers.getOrDefault("__entry_text_end", 0L)) : null;
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		long textSymbols = 0;
		long leftOut = 0;
		long vmlinuxData = 0;
		for (int i = 0; i < n; i++) {
			boolean isText = type[i] == 'T' || type[i] == 't';
			if (KallsymsAll.isVmlinuxData(type[i], module[i])) {
				vmlinuxData++;
			}
			if (isText) {
				textSymbols++;
				if (keep != null && !keep.keeps(name[i], address[i])) {
					leftOut++;
					continue;
				}
			}
			Symbol s = f.createSymbol();
			s.setName(name[i]);
			s.setAddress(address[i]);
			s.setType(type[i]);
			s.setModule(module[i]);
			s.setSize(size[i]);
			into.symbols.add(s);
			if (cls[i] == UNSIZED || !isObjectType(type[i]) && cls[i] != PERCPU) {
				continue;
			}
			MemoryObject o = f.createMemoryObject();
			o.setName(name[i]);
			o.setKind(KINDS[cls[i]]);
			o.setStart(address[i]);
			o.setSize(size[i]);
			o.setSection(SECTIONS[cls[i]]);
			o.setSource(kind);
			o.setAddressReliable(!hidden);
			into.objects.add(o);
			// Only vmlinux itself is loaded at one physical offset; per-cpu addresses are offsets, not addresses.
			if (!hidden && module[i] == null && cls[i] != PERCPU && text != 0
					&& Long.compareUnsigned(address[i], text) >= 0
					&& (imageEnd < 0 || Long.compareUnsigned(address[i], imageEnd) < 0)) {
				into.imageObjects.add(o);
			}
		}
		into.textBase = text;

		ImportSource source = Sources.source(file, kind, in.lines(), !hidden);
		if (hidden) {
			Sources.note(source, 0, Severity.WARNING, "addresses are hidden (all zero): the reader lacks CAP_SYSLOG"
					+ " or kernel.kptr_restrict=2 (kernel/kallsyms.c, kallsyms_show_value()); names and types kept,"
					+ " sizes unknown");
		}
		long odd = summary.count('U') + summary.count('?') + summary.count('-');
		if (odd > 0) {
			Sources.note(source, 0, Severity.INFO, odd + " symbols of type U, ? or - have no address of their own");
		}
		if (textSymbols >= KallsymsAll.FEW_DATA_SYMBOLS && vmlinuxData < KallsymsAll.FEW_DATA_SYMBOLS) {
			Sources.note(source, 0, Severity.INFO, "only " + vmlinuxData + " data symbols beside " + textSymbols
					+ " text symbols: the kernel was built without CONFIG_KALLSYMS_ALL, so variables (jiffies,"
					+ " per-cpu data) have no symbol and rules naming them match nothing");
		}
		if (leftOut > 0) {
			Sources.note(source, 0, Severity.INFO, TextSymbolSample.describe(leftOut, textSymbols));
		}
		into.sources.add(source);
	}

	private void add(KernelSymbol s) {
		if (n == MAX_SYMBOLS) {
			throw new SymbolLimit(reader.line(), "more than " + MAX_SYMBOLS + " symbols");
		}
		nameChars += s.name().length(); // module names are one shared string per run of a module's symbols
		if (nameChars > MAX_NAME_CHARS) {
			throw new SymbolLimit(reader.line(), "more than " + (MAX_NAME_CHARS >> 20) + " Mi characters of names");
		}
		if (n == address.length) {
			int cap = n * 2;
			address = Arrays.copyOf(address, cap);
			type = Arrays.copyOf(type, cap);
			name = Arrays.copyOf(name, cap);
			module = Arrays.copyOf(module, cap);
		}
		address[n] = s.address();
		type[n] = s.type();
		name[n] = s.name();
		module[n] = s.module();
		n++;
	}

	private static int classOf(char t) {
		return switch (t) {
		case 'T', 't', 'W', 'w' -> TEXT;
		case 'D', 'd', 'V', 'v', 'G', 'g' -> DATA;
		case 'R', 'r', 'N', 'n' -> RODATA;
		case 'B', 'b', 'S', 's' -> BSS;
		default -> UNSIZED;
		};
	}

	/** The nm(1) letters whose symbols become objects: text, data, rodata and bss, global or local. */
	private static boolean isObjectType(char t) {
		return switch (t) {
		case 'T', 't', 'D', 'd', 'R', 'r', 'B', 'b' -> true;
		default -> false;
		};
	}

	/**
	 * The distance from each symbol to the next higher address of the same module and class, cut at the next
	 * section marker in between; the last of a vmlinux class ends at its class's end marker; else 0.
	 */
	private long[] sizes(int[] cls, Map<String, Long> markers) {
		long[] boundaries = flippedSorted(markers.values());
		// Buckets of one module and class in file order; kallsyms lists vmlinux by address, so most need no sort.
		Map<Group, Bucket> buckets = new LinkedHashMap<>();
		Group lastGroup = null;
		Bucket lastBucket = null;
		for (int i = 0; i < n; i++) {
			if (cls[i] == UNSIZED) {
				continue;
			}
			if (lastGroup == null || lastGroup.cls != cls[i] || !Objects.equals(lastGroup.module, module[i])) {
				lastGroup = new Group(cls[i], module[i]);
				lastBucket = buckets.computeIfAbsent(lastGroup, k -> new Bucket());
			}
			lastBucket.add(i);
		}
		long[] size = new long[n];
		for (Map.Entry<Group, Bucket> e : buckets.entrySet()) {
			Group g = e.getKey();
			int[] bucket = sortedByAddress(e.getValue().toArray());
			// Only vmlinux has the end markers; a module's last symbol keeps size 0.
			long[] ends = g.module == null
					? flippedSorted(CLASS_ENDS.get(g.cls).stream().filter(markers::containsKey).map(markers::get).toList())
					: new long[0];
			sizeRun(bucket, boundaries, ends, size);
		}
		return size;
	}

	private record Group(int cls, String module) {
	}

	/** The symbol indices of one group, in file order. */
	private static final class Bucket {
		private int[] indices = new int[16];
		private int count;

		void add(int i) {
			if (count == indices.length) {
				indices = Arrays.copyOf(indices, count * 2);
			}
			indices[count++] = i;
		}

		int[] toArray() {
			return Arrays.copyOf(indices, count);
		}
	}

	private int[] sortedByAddress(int[] bucket) {
		for (int k = 1; k < bucket.length; k++) {
			if (Long.compareUnsigned(address[bucket[k - 1]], address[bucket[k]]) > 0) {
				return Arrays.stream(bucket).boxed()
						.sorted((a, b) -> Long.compareUnsigned(address[a], address[b])).mapToInt(Integer::intValue)
						.toArray();
			}
		}
		return bucket;
	}

	/** The addresses with the sign bit flipped and sorted, so that signed order is unsigned address order. */
	private static long[] flippedSorted(Collection<Long> addresses) {
		return addresses.stream().mapToLong(a -> a ^ Long.MIN_VALUE).sorted().toArray();
	}

	private void sizeRun(int[] order, long[] boundaries, long[] classEnds, long[] size) {
		int to = order.length;
		int next = 0;
		for (int k = 0; k < to; k++) {
			long a = address[order[k]];
			if (next <= k) {
				next = k + 1;
			}
			while (next < to && address[order[next]] == a) {
				next++;
			}
			if (next == to) {
				// The last addresses of the group end at the class's end marker, if it is known.
				long classEnd = firstBoundaryAfter(classEnds, a);
				if (classEnd != 0) {
					size[order[k]] = classEnd - a;
				}
				continue;
			}
			long end = address[order[next]];
			long marker = firstBoundaryAfter(boundaries, a);
			if (marker != 0 && Long.compareUnsigned(marker, end) < 0) {
				end = marker;
			}
			size[order[k]] = end - a;
		}
	}

	/** The lowest boundary strictly above {@code a}, or 0 when there is none. */
	private static long firstBoundaryAfter(long[] flipped, long a) {
		long key = a ^ Long.MIN_VALUE;
		int i = Arrays.binarySearch(flipped, key);
		i = i >= 0 ? i + 1 : -i - 1;
		while (i < flipped.length && flipped[i] == key) {
			i++;
		}
		return i < flipped.length ? flipped[i] ^ Long.MIN_VALUE : 0;
	}
}

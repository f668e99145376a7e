// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.isolde.io.ImportException;

/**
 * Streams /proc/vmallocinfo lines as {@link VmallocArea}s.
 * <p>
 * mm/vmalloc.c vmalloc_info_show() prints {@code "0x%pK-0x%pK %7ld"}, then {@code " %pS"} of the caller if any,
 * {@code " pages=%d"}, {@code " phys=%pa"}, one word per flag ({@code ioremap sparse vmalloc vmap user dma-coherent
 * vpages}) and {@code " N%u=%u"} per NUMA node; areas without a vm_struct print {@code vm_map_ram}, lazily freed
 * ones {@code unpurged vm_area}. Unknown lowercase flag words are kept, as new kernels add flags.
 */
public final class VmallocinfoReader {

	/**
	 * A busy server lists tens of thousands of vmalloc areas (module sections, BPF programs, stacks); each staged area
	 * costs a few hundred bytes, so this many still fits a 512 MB heap with the rest of an import.
	 */
	public static final int MAX_AREAS = 500_000;

	/**
	 * The lowest kernel address of x86-64 with 5-level paging (Documentation/arch/x86/x86_64/mm.rst); with 4-level
	 * paging kernel addresses start higher, at 0xffff800000000000, so both pass this bound.
	 */
	static final long KERNEL_HALF_START = 0xff00_0000_0000_0000L;

	private static final String EXPECTED_LINE = "'0xSTART-0xEND SIZE [CALLER] [pages=N] [phys=ADDR] FLAGS...' lines";

	/** Reads a file, closing it afterwards. */
	public VmallocinfoSummary read(Path path, Consumer<? super VmallocArea> sink) throws ImportException {
		return LineSource.readFile(path, (in, file) -> read(in, file, sink));
	}

	/**
	 * Reads areas from {@code in}, naming {@code file} in errors, and passes each complete area to {@code sink}.
	 */
	public VmallocinfoSummary read(Reader in, String file, Consumer<? super VmallocArea> sink) throws ImportException {
		LineSource lines = new LineSource(in, file);
		LineCursor cur = lines.cursor();
		Map<String, String> words = new HashMap<>();
		List<String> kinds = new ArrayList<>();
		long areas = 0;
		boolean unreliable = false;
		while (lines.next()) {
			if (cur.isBlank()) {
				continue;
			}
			cur.literal("0x", "'0x' and the start address");
			long start = cur.hex(1, 16, "start address");
			cur.literal("-0x", "'-0x' and the end address");
			long end = cur.hex(1, 16, "end address");
			cur.blanks("size");
			long size = cur.decimal("size");
			String caller = null;
			long pages = 0;
			long phys = -1;
			kinds.clear();
			for (boolean first = true;; first = false) {
				int blanks = cur.skipBlanks();
				if (cur.atEnd()) {
					break;
				}
				if (blanks == 0) {
					throw cur.unexpected("a blank between fields");
				}
				int at = cur.mark();
				int to = cur.skipWord();
				if (first && isCaller(cur, at, to)) {
					caller = caller(cur, at, to);
				} else if (cur.textEquals(at, Math.min(at + 6, to), "pages=")) {
					cur.rewind(at + 6);
					pages = cur.decimal("page count");
					fieldEnd(cur, to);
				} else if (cur.textEquals(at, Math.min(at + 5, to), "phys=")) {
					cur.rewind(at + 5);
					cur.tryLiteral("0x"); // %pa prints 0x; older kernels printed a bare %llx
					phys = cur.hex(1, 16, "physical address");
					fieldEnd(cur, to);
				} else if (isNodeCount(cur, at, to)) {
					continue; // per-node page counts only split 'pages' by NUMA node
				} else if (isFlagWord(cur, at, to)) {
					kinds.add(words.computeIfAbsent(cur.text(at, to), w -> w));
				} else {
					throw cur.error(at, "unexpected field '" + cur.text(at, to) + "'",
							"a caller, pages=N, phys=ADDR, a flag word or N<node>=<pages>");
				}
			}
			unreliable |= Long.compareUnsigned(start, KERNEL_HALF_START) < 0 || end - start != size;
			String symbol = caller == null || caller.startsWith("0x") ? null : caller.substring(0, symbolEnd(caller));
			lines.admit(areas, MAX_AREAS, "vmalloc areas", EXPECTED_LINE);
			sink.accept(new VmallocArea(start, end, size, caller, symbol, pages, phys, Set.copyOf(kinds)));
			areas++;
		}
		lines.requireRecords(areas, "areas", EXPECTED_LINE);
		return new VmallocinfoSummary(areas, unreliable);
	}

	/** %pS prints {@code symbol+0xoff/0xsize}, or a bare {@code 0x...} address when no symbol is known. */
	private static boolean isCaller(LineCursor cur, int at, int to) {
		if (cur.textEquals(at, Math.min(at + 2, to), "0x")) {
			return true;
		}
		for (int i = at; i + 2 < to; i++) {
			if (cur.charAt(i) == '+' && cur.charAt(i + 1) == '0' && cur.charAt(i + 2) == 'x') {
				return true;
			}
		}
		return false;
	}

	/** A caller in a module is followed by {@code [module]} (kernel/kallsyms.c, __sprint_symbol()). */
	private static String caller(LineCursor cur, int at, int to) {
		cur.skipBlanks();
		int moduleAt = cur.mark();
		if (cur.peek() == '[') {
			int moduleEnd = cur.skipWord();
			if (cur.charAt(moduleEnd - 1) == ']') {
				return cur.text(at, to) + " " + cur.text(moduleAt, moduleEnd);
			}
		}
		cur.rewind(to);
		return cur.text(at, to);
	}

	private static void fieldEnd(LineCursor cur, int to) throws ImportException {
		if (cur.mark() != to) {
			throw cur.unexpected("end of field");
		}
	}

	private static int symbolEnd(String caller) {
		int plus = caller.indexOf('+');
		return plus < 0 ? caller.length() : plus;
	}

	private static boolean isNodeCount(LineCursor cur, int at, int to) {
		int i = at;
		if (cur.charAt(i++) != 'N') {
			return false;
		}
		int digitsFrom = i;
		while (i < to && isDigit(cur.charAt(i))) {
			i++;
		}
		if (i == digitsFrom || i == to || cur.charAt(i++) != '=') {
			return false;
		}
		digitsFrom = i;
		while (i < to && isDigit(cur.charAt(i))) {
			i++;
		}
		return i == to && i > digitsFrom;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isFlagWord(LineCursor cur, int at, int to) {
		for (int i = at; i < to; i++) {
			char c = cur.charAt(i);
			boolean ok = c >= 'a' && c <= 'z' || i > at && (isDigit(c) || c == '_' || c == '-');
			if (!ok) {
				return false;
			}
		}
		return true;
	}
}

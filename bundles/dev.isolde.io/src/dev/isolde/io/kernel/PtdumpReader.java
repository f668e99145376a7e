// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.isolde.io.ImportException;

/**
 * Streams x86 ptdump text (/sys/kernel/debug/page_tables/{kernel,current_kernel,current_user,efi}) as
 * {@link PtdumpRange}s.
 * <p>
 * arch/x86/mm/dump_pagetables.c note_page() prints {@code "---[ %s ]---"} markers, ranges as
 * {@code "0x%016lx-0x%016lx   %9lu%c "} with the largest unit of {@code BKMGTPE} that divides the length, then
 * printk_prot() fields {@code USR RW|ro PWT PCD PSE PAT GLB NX|x} (blank when a bit is clear, all 30 columns blank
 * when not present) and the level, and {@code "... %lu entr%s skipped ... "} where a marker caps its lines.
 */
public final class PtdumpReader {

	/** A page-table dump coalesces runs of equal entries: tens of thousands of lines; this is far beyond one kernel. */
	public static final int MAX_RANGES = 1_000_000;

	private static final String UNITS = "BKMGTPE";

	private static final String[] LEVELS = { "cr3", "pgd", "p4d", "pud", "pmd", "pte" };

	// Field order of printk_prot(); each is optional except RW|ro and NX|x, which a present entry always prints.
	private static final String[][] FIELDS = { { "USR" }, { "RW", "ro" }, { "PWT" }, { "PCD" }, { "PSE" }, { "PAT" },
			{ "GLB" }, { "NX", "x" } };

	private static final String EXPECTED_LINE = "a marker '---[ NAME ]---', a range '0xSTART-0xEND SIZE ATTRS LEVEL'"
			+ " or '... N entries skipped ...'";

	/** Reads a file, closing it afterwards. */
	public PtdumpSummary read(Path path, Consumer<? super PtdumpRange> sink) throws ImportException {
		return LineSource.readFile(path, (in, file) -> read(in, file, sink));
	}

	/**
	 * Reads ranges from {@code in}, naming {@code file} in errors, and passes each complete range to {@code sink}.
	 */
	public PtdumpSummary read(Reader in, String file, Consumer<? super PtdumpRange> sink) throws ImportException {
		LineSource lines = new LineSource(in, file);
		LineCursor cur = lines.cursor();
		List<String> markers = new ArrayList<>();
		String marker = null;
		long ranges = 0;
		long skipped = 0;
		while (lines.next()) {
			if (cur.isBlank()) {
				continue;
			}
			if (cur.tryLiteral("---[ ")) {
				marker = marker(cur);
				markers.add(marker);
			} else if (cur.tryLiteral("... ")) {
				skipped += skipped(cur);
			} else if (cur.peek() == '0') {
				lines.admit(ranges, MAX_RANGES, "mapped ranges", EXPECTED_LINE);
				sink.accept(range(cur, marker));
				ranges++;
			} else {
				throw cur.unexpected(EXPECTED_LINE);
			}
		}
		lines.requireRecords(ranges, "ranges", EXPECTED_LINE);
		return new PtdumpSummary(ranges, skipped, List.copyOf(markers));
	}

	private static String marker(LineCursor cur) throws ImportException {
		int from = cur.mark();
		String rest = cur.rest();
		int close = rest.lastIndexOf(" ]---");
		if (close < 0 || !rest.substring(close + 5).isBlank()) {
			throw cur.error(from + rest.length(), "unterminated marker", "' ]---'");
		}
		return rest.substring(0, close);
	}

	private static long skipped(LineCursor cur) throws ImportException {
		long n = cur.decimal("number of skipped entries");
		cur.literal(" entr", "' entries skipped ...'");
		if (!cur.tryLiteral("y") && !cur.tryLiteral("ies")) {
			throw cur.unexpected("'entry' or 'entries'");
		}
		cur.literal(" skipped ...", "' skipped ...'");
		cur.end("end of line");
		return n;
	}

	private static PtdumpRange range(LineCursor cur, String marker) throws ImportException {
		int startAt = cur.mark();
		cur.literal("0x", "'0x' and the start address");
		long start = cur.hex(1, 16, "start address");
		cur.literal("-0x", "'-0x' and the end address");
		long end = cur.hex(1, 16, "end address");
		cur.blanks("size");
		int sizeAt = cur.mark();
		long amount = cur.decimalPrefix("size");
		int unit = UNITS.indexOf(cur.peek());
		if (unit < 0 || cur.atEnd()) {
			throw cur.unexpected("a size unit (" + UNITS + ")");
		}
		cur.take();
		// The end wraps to 0 for the range that the final flush closes at the top of the address space.
		if (Long.compareUnsigned(start, end) >= 0 && end != 0) {
			throw cur.error(startAt, "range ends before it starts", "START < END");
		}
		long size = amount << (10 * unit);
		if (size >>> (10 * unit) != amount || size != end - start) {
			throw cur.error(sizeAt, "size " + amount + UNITS.charAt(unit) + " does not match the range length 0x"
					+ Long.toHexString(end - start), "the length END - START");
		}
		boolean[] set = new boolean[FIELDS.length];
		boolean rw = false;
		boolean nx = false;
		int slot = 0;
		for (;;) {
			cur.blanks(slot == 0 ? "attributes or the page-table level" : "an attribute or the page-table level");
			int at = cur.mark();
			int to = cur.skipWord();
			String level = level(cur, at, to);
			if (level != null) {
				if (slot > 0 && !(set[1] && set[7])) {
					throw cur.error(at, "present range without " + (set[1] ? "NX or x" : "RW or ro"),
							"USR RW|ro PWT PCD PSE PAT GLB NX|x in this order, then the page-table level");
				}
				cur.end("end of line after the level");
				return new PtdumpRange(start, end, size, marker, slot > 0, set[0], rw, set[2], set[3], set[4], set[5],
						set[6], nx, level);
			}
			int field = -1;
			for (int f = slot; f < FIELDS.length && field < 0; f++) {
				for (int alt = 0; alt < FIELDS[f].length; alt++) {
					if (cur.textEquals(at, to, FIELDS[f][alt])) {
						field = f;
						rw |= f == 1 && alt == 0;
						nx |= f == 7 && alt == 0;
					}
				}
			}
			if (field < 0) {
				throw cur.error(at, "unexpected attribute '" + cur.text(at, to) + "'",
						"USR RW|ro PWT PCD PSE PAT GLB NX|x in this order, then the page-table level");
			}
			set[field] = true;
			slot = field + 1;
		}
	}

	private static String level(LineCursor cur, int at, int to) {
		for (String level : LEVELS) {
			if (cur.textEquals(at, to, level)) {
				return level;
			}
		}
		return null;
	}
}

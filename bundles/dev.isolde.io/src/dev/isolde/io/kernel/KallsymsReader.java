// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import java.io.Reader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import dev.isolde.io.ImportException;

/**
 * Streams /proc/kallsyms and System.map lines ({@code ADDRESS TYPE NAME [\[MODULE\]]}) as {@link KernelSymbol}s.
 * <p>
 * kernel/kallsyms.c prints {@code "%px %c %s\t[%s]\n"} for module symbols and {@code "%px %c %s\n"} otherwise;
 * System.map is nm(1) output of vmlinux with the same first three columns, and 8 hex digits on 32-bit kernels.
 */
public final class KallsymsReader {

	/** The type letters nm(1) documents; kallsyms uses a subset of them. */
	static final String NM_TYPES = "AaBbCcDdGgIiNnpRrSsTtUuVvWw-?";

	private static final boolean[] IS_TYPE = new boolean[128];

	static {
		for (char c : NM_TYPES.toCharArray()) {
			IS_TYPE[c] = true;
		}
	}

	private static final String EXPECTED_LINE = "'ADDRESS TYPE NAME [[MODULE]]' symbol lines";

	/**
	 * KSYM_NAME_LEN (include/linux/kallsyms.h, 512 since 6.1 for Rust) bounds every name with its NUL, and
	 * scripts/kallsyms.c rejects longer ones at build time, so System.map holds none either.
	 */
	public static final int MAX_NAME_LENGTH = 511;

	/** MODULE_NAME_LEN (include/linux/module.h: 64 minus a long) bounds a module name with its NUL. */
	public static final int MAX_MODULE_LENGTH = 55;

	private LineSource lines;

	/** The 1-based line of the symbol being passed to the sink, for errors the sink raises. */
	public int line() {
		return lines == null ? 0 : lines.number();
	}

	/** Reads a file, closing it afterwards. */
	public KallsymsSummary read(Path path, Consumer<? super KernelSymbol> sink) throws ImportException {
		return LineSource.readFile(path, (in, file) -> read(in, file, sink));
	}

	/**
	 * Reads symbols from {@code in}, naming {@code file} in errors, and passes each complete symbol to {@code sink}.
	 */
	public KallsymsSummary read(Reader in, String file, Consumer<? super KernelSymbol> sink) throws ImportException {
		lines = new LineSource(in, file);
		LineCursor cur = lines.cursor();
		long symbols = 0;
		long moduleSymbols = 0;
		long[] typeCounts = new long[128];
		Set<String> modules = new HashSet<>();
		boolean allZero = true;
		String lastModule = null;
		while (lines.next()) {
			if (cur.isBlank()) {
				continue;
			}
			long address = cur.hex(8, 16, "address");
			cur.blanks("symbol type letter");
			int typeAt = cur.mark();
			char type = cur.take();
			if (type >= 128 || !IS_TYPE[type]) {
				throw cur.error(typeAt, "unknown symbol type '" + type + "'", "an nm(1) type letter (" + NM_TYPES + ")");
			}
			if (!cur.atEnd() && cur.peek() != ' ' && cur.peek() != '\t') {
				throw cur.error(typeAt, "symbol type '" + cur.text(typeAt, cur.skipWord()) + "' is not one letter",
						"an nm(1) type letter");
			}
			cur.blanks("symbol name");
			int nameAt = cur.mark();
			int nameEnd = cur.skipWord();
			if (nameEnd - nameAt > MAX_NAME_LENGTH) {
				throw cur.error(nameAt, "symbol name of " + (nameEnd - nameAt) + " characters",
						"at most " + MAX_NAME_LENGTH + " (the kernel's KSYM_NAME_LEN)");
			}
			String name = cur.text(nameAt, nameEnd);
			String module = null;
			if (cur.skipBlanks() > 0 && !cur.atEnd()) {
				int moduleAt = cur.mark();
				int moduleEnd = cur.skipWord();
				if (cur.charAt(moduleAt) != '[') {
					throw cur.error(moduleAt, "unexpected extra column '" + cur.text(moduleAt, moduleEnd) + "'",
							"[MODULE] or end of line");
				}
				if (moduleEnd - moduleAt < 3 || cur.charAt(moduleEnd - 1) != ']') {
					throw cur.error(moduleAt, "malformed module column", "[MODULE]");
				}
				if (moduleEnd - moduleAt - 2 > MAX_MODULE_LENGTH) {
					throw cur.error(moduleAt + 1, "module name of " + (moduleEnd - moduleAt - 2) + " characters",
							"at most " + MAX_MODULE_LENGTH + " (the kernel's MODULE_NAME_LEN)");
				}
				if (cur.textEquals(moduleAt + 1, moduleEnd - 1, lastModule)) {
					module = lastModule; // module symbols come in runs, so one string per run suffices
				} else {
					module = cur.text(moduleAt + 1, moduleEnd - 1);
					lastModule = module;
					modules.add(module);
				}
				cur.end("end of line after [MODULE]");
				moduleSymbols++;
			}
			allZero &= address == 0;
			symbols++;
			typeCounts[type]++;
			sink.accept(new KernelSymbol(address, type, name, module));
		}
		lines.requireRecords(symbols, "symbols", EXPECTED_LINE);
		return new KallsymsSummary(symbols, moduleSymbols, modules, typeCounts, allZero);
	}
}

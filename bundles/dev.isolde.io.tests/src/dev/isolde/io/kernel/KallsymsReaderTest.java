// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static dev.isolde.io.kernel.ProcResources.malformed;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class KallsymsReaderTest {

	private final KallsymsReader reader = new KallsymsReader();

	private List<KernelSymbol> symbols(Path path) throws ImportException {
		List<KernelSymbol> out = new ArrayList<>();
		reader.read(path, out::add);
		return out;
	}

	@Test
	void realKallsymsYieldsEverySymbolWithTypeCounts() throws ImportException {
		List<KernelSymbol> out = new ArrayList<>();
		KallsymsSummary summary = reader.read(proc("kallsyms"), out::add);

		assertEquals(289, summary.symbols());
		assertEquals(289, out.size());
		assertEquals(143, summary.count('T'));
		assertEquals(52, summary.count('t'));
		assertEquals(34, summary.count('D'));
		assertEquals(39, summary.count('R'));
		assertEquals(1, summary.count('B'));
		assertEquals(20, summary.count('W'));
		assertEquals(0, summary.count('U'));
		assertFalse(summary.addressesHidden());
		assertEquals(new KernelSymbol(0xffffffff81000000L, 'T', "srso_alias_untrain_ret", null), out.get(0));
	}

	@Test
	void moduleColumnAfterTabNamesTheModule() throws ImportException {
		List<KernelSymbol> out = new ArrayList<>();
		KallsymsSummary summary = reader.read(proc("kallsyms"), out::add);

		assertEquals(new KernelSymbol(0xffffffffc0201000L, 't', "ftrace_trampoline", "__builtin__ftrace"),
				out.get(out.size() - 1));
		assertEquals(1, summary.moduleSymbols());
		assertEquals(Set.of("__builtin__ftrace"), summary.modules());
	}

	@Test
	void systemMapReadsAsThreeColumnsWithoutModules() throws ImportException {
		List<KernelSymbol> out = symbols(proc("System.map"));

		assertEquals(288, out.size());
		assertTrue(out.stream().allMatch(s -> s.module() == null));
		assertEquals(new KernelSymbol(0xffffffff81000000L, 'T', "_stext", null), out.get(1));
	}

	@Test
	void nonRootZeroAddressesAreFlaggedHiddenInsteadOfFailing() throws ImportException {
		List<KernelSymbol> out = new ArrayList<>();
		KallsymsSummary summary = reader.read(proc("kallsyms-nonroot"), out::add);

		assertTrue(summary.addressesHidden());
		assertEquals(200, summary.symbols());
		assertEquals(new KernelSymbol(0, 'T', "srso_alias_untrain_ret", null), out.get(0));
	}

	@Test
	void oneZeroAddressDoesNotMeanHidden() throws ImportException {
		String text = "0000000000000000 A __per_cpu_start\nffffffff81000000 T _stext\n";
		assertFalse(reader.read(new StringReader(text), "map", s -> {
		}).addressesHidden());
	}

	@Test
	void thirtyTwoBitSystemMapAddressesAreAccepted() throws ImportException {
		List<KernelSymbol> out = new ArrayList<>();
		reader.read(new StringReader("c1000000 T _text\n"), "map", out::add);
		assertEquals(new KernelSymbol(0xc1000000L, 'T', "_text", null), out.get(0));
	}

	@Test
	void truncatedLineReportsFileLineAndColumn() {
		Path file = malformed("kallsyms-truncated");
		assertEquals(file + ":6:13: truncated line, expected symbol type letter",
				failure(() -> symbols(file)));
	}

	@Test
	void badHexDigitReportsItsColumn() {
		Path file = malformed("kallsyms-bad-hex");
		assertEquals(file + ":3:13: bad hex digit 'z' in address", failure(() -> symbols(file)));
	}

	@Test
	void missingNameColumnReportsTruncatedLine() {
		Path file = malformed("kallsyms-missing-name");
		assertEquals(file + ":2:19: truncated line, expected symbol name", failure(() -> symbols(file)));
	}

	@Test
	void extraColumnReportsItsColumn() {
		Path file = malformed("kallsyms-extra-column");
		assertEquals(file + ":4:31: unexpected extra column 'extra', expected [MODULE] or end of line",
				failure(() -> symbols(file)));
	}

	@Test
	void unknownTypeLetterReportsItsColumn() {
		assertEquals("k:1:18: unknown symbol type 'Q', expected an nm(1) type letter (" + KallsymsReader.NM_TYPES + ")",
				failure(() -> read("ffffffff81000000 Q foo\n")));
	}

	@Test
	void typeLongerThanOneLetterIsRejected() {
		assertEquals("k:1:18: symbol type 'Tx' is not one letter, expected an nm(1) type letter",
				failure(() -> read("ffffffff81000000 Tx foo\n")));
	}

	@Test
	void addressShorterThanEightDigitsIsRejected() {
		assertEquals("k:2:1: address has 4 hex digits, expected 8 to 16 hex digits",
				failure(() -> read("ffffffff81000000 T a\nffff T foo\n")));
	}

	@Test
	void addressLongerThanSixteenDigitsIsRejected() {
		assertEquals("k:1:17: address has more than 16 hex digits",
				failure(() -> read("ffffffff810000000 T foo\n")));
	}

	@Test
	void unclosedModuleColumnIsRejected() {
		assertEquals("k:1:24: malformed module column, expected [MODULE]",
				failure(() -> read("ffffffffc0201000 t foo\t[kvm\n")));
	}

	@Test
	void binaryGarbageIsRejectedAtTheFirstControlByte() {
		Path file = malformed("binary-elf");
		assertEquals(file + ":1:1: binary data (control byte 0x7f), expected a kernel text file",
				failure(() -> symbols(file)));
	}

	@Test
	void emptyFileSaysWhatWasExpected() {
		Path file = malformed("empty");
		assertEquals(file + ":1:1: empty file, expected 'ADDRESS TYPE NAME [[MODULE]]' symbol lines",
				failure(() -> symbols(file)));
	}

	@Test
	void blankLinesAloneHoldNoSymbols() {
		assertEquals("k:2: no symbols, expected 'ADDRESS TYPE NAME [[MODULE]]' symbol lines", failure(() -> read("\n \n")));
	}

	@Test
	void brokenLineEmitsNoRecordAndStopsTheStream() {
		List<KernelSymbol> out = new ArrayList<>();
		failure(() -> reader.read(malformed("kallsyms-bad-hex"), out::add));
		assertEquals(2, out.size());
	}

	@Test
	void readFailureIsWrappedWithoutLine() {
		Reader broken = new Reader() {
			@Override
			public int read(char[] cbuf, int off, int len) throws IOException {
				throw new IOException("device gone");
			}

			@Override
			public void close() {
			}
		};
		ImportException e = assertThrows(ImportException.class,
				() -> reader.read(broken, "k", s -> {
				}));
		assertEquals("k: cannot read: device gone", e.getMessage());
		assertEquals(0, e.line());
		assertTrue(e.getCause() instanceof IOException);
	}

	@Test
	void missingFileIsReportedWithoutLine() {
		Path file = proc("no-such-file");
		assertEquals(file + ": cannot read: no such file", failure(() -> symbols(file)));
	}

	@Test
	void syntheticKernelSizedInputStreamsEverySymbol() throws ImportException {
		int n = 150_000;
		long[] seen = new long[1];
		String[] last = new String[1];
		KallsymsSummary summary = reader.read(new SyntheticKallsyms(n), "synthetic", s -> {
			seen[0]++;
			last[0] = s.name();
		});
		assertEquals(n, summary.symbols());
		assertEquals(n, seen[0]);
		assertEquals("sym_" + (n - 1), last[0]);
	}

	private KallsymsSummary read(String text) throws ImportException {
		return reader.read(new StringReader(text), "k", s -> {
		});
	}

	/** Generates {@code ffffffff81xxxxxx T sym_N} lines on the fly, so the test holds no big string. */
	private static final class SyntheticKallsyms extends Reader {
		private final int lines;
		private int line;
		private String pending = "";
		private int at;

		SyntheticKallsyms(int lines) {
			this.lines = lines;
		}

		@Override
		public int read(char[] cbuf, int off, int len) {
			if (at == pending.length()) {
				if (line == lines) {
					return -1;
				}
				pending = String.format("%016x %c sym_%d\n", 0xffffffff81000000L + 16L * line, "Tt".charAt(line & 1),
						line);
				line++;
				at = 0;
			}
			int n = Math.min(len, pending.length() - at);
			pending.getChars(at, at + n, cbuf, off);
			at += n;
			return n;
		}

		@Override
		public void close() {
		}
	}
}

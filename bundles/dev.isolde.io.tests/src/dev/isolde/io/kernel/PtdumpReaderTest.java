// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static dev.isolde.io.kernel.ProcResources.malformed;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class PtdumpReaderTest {

	/** The example line of DESIGN.md §6. */
	private static final String DESIGN_EXAMPLE =
			"0xffffffff81000000-0xffffffff84600000          54M     RW         PSE     GLB x  pmd";

	private final PtdumpReader reader = new PtdumpReader();

	private List<PtdumpRange> ranges(String text) throws ImportException {
		List<PtdumpRange> out = new ArrayList<>();
		reader.read(new StringReader(text), "pt", out::add);
		return out;
	}

	@Test
	void kernelDumpYieldsRangesMarkersAndSkippedEntries() throws ImportException {
		List<PtdumpRange> out = new ArrayList<>();
		PtdumpSummary summary = reader.read(proc("ptdump-kernel"), out::add);

		assertEquals(71, summary.ranges());
		assertEquals(131059, summary.skippedEntries());
		assertEquals(List.of("User Space", "Kernel Space", "LDT remap", "Low Kernel Mapping", "vmalloc() Area",
				"Vmemmap", "CPU entry Area", "ESPfix Area", "EFI Runtime Services", "High Kernel Mapping", "Modules",
				"End Modules", "Fixmap Area"), summary.markers());
		assertEquals("ESPfix Area", out.stream().filter(r -> r.start() == 0xffffff0000073000L).findFirst()
				.orElseThrow().marker());
	}

	@Test
	void designExampleLineIsAPresentGlobalExecutableLargePage() throws ImportException {
		assertEquals(new PtdumpRange(0xffffffff81000000L, 0xffffffff84600000L, 54L << 20, "High Kernel Mapping",
				true, false, true, false, false, true, false, true, false, "pmd"),
				ranges("---[ High Kernel Mapping ]---\n" + DESIGN_EXAMPLE + "\n").get(0));
	}

	@Test
	void notPresentRangeHasBlankAttributes() throws ImportException {
		PtdumpRange user = ranges(
				"---[ User Space ]---\n0x0000000000000000-0xffff800000000000    16777088T                               pgd\n")
				.get(0);
		assertEquals(new PtdumpRange(0, 0xffff800000000000L, 0xffff800000000000L, "User Space", false, false, false,
				false, false, false, false, false, false, "pgd"), user);
	}

	@Test
	void everyAttributeIsRead() throws ImportException {
		PtdumpRange r = ranges("0x00007f0000000000-0x00007f0000001000           4K USR RW PWT PCD     PAT GLB NX pte\n")
				.get(0);
		assertEquals(new PtdumpRange(0x7f0000000000L, 0x7f0000001000L, 4096, null, true, true, true, true, true, false,
				true, true, true, "pte"), r);
	}

	@Test
	void lastRangeEndingAtTheTopWrapsToZero() throws ImportException {
		List<PtdumpRange> out = new ArrayList<>();
		reader.read(proc("ptdump-kernel"), out::add);
		PtdumpRange last = out.get(out.size() - 1);
		assertEquals(0xffffffffff800000L, last.start());
		assertEquals(0, last.end());
		assertEquals(8L << 20, last.size());
		assertFalse(last.present());
	}

	@Test
	void pre56KernelCr3LevelIsAccepted() throws ImportException {
		assertEquals("cr3", ranges("0xffffffffff600000-0x0000000000000000           10M"
				+ "                               cr3\n").get(0).level());
	}

	@Test
	void sizeDisagreeingWithTheRangeReportsFileLineAndColumn() throws Exception {
		Path file = malformed("ptdump-size-mismatch");
		int column = Files.readAllLines(file).get(7).indexOf("8K") + 1;
		assertEquals(file + ":8:" + column + ": size 8K does not match the range length 0x1000,"
				+ " expected the length END - START", failure(() -> reader.read(file, r -> {
				})));
	}

	@Test
	void attributesOutOfOrderAreRejected() {
		assertEquals("pt:1:55: unexpected attribute 'USR', expected USR RW|ro PWT PCD PSE PAT GLB NX|x in this order,"
				+ " then the page-table level",
				failure(() -> ranges("0x00007f0000000000-0x00007f0000001000           4K RW USR x  pte\n")));
	}

	@Test
	void presentRangeWithoutNxFieldIsRejected() {
		assertEquals("pt:1:55: present range without NX or x, expected USR RW|ro PWT PCD PSE PAT GLB NX|x in this order,"
				+ " then the page-table level",
				failure(() -> ranges("0x00007f0000000000-0x00007f0000001000           4K RW pte\n")));
	}

	@Test
	void missingLevelIsATruncatedLine() {
		assertEquals("pt:1:80: truncated line, expected an attribute or the page-table level",
				failure(() -> ranges("0xffffffff81000000-0xffffffff84600000          54M     RW         PSE     GLB x\n")));
	}

	@Test
	void missingSizeUnitIsRejected() {
		assertEquals("pt:1:50: unexpected ' ', expected a size unit (BKMGTPE)",
				failure(() -> ranges("0xffffffff81000000-0xffffffff84600000          54 pmd\n")));
	}

	@Test
	void unterminatedMarkerIsRejected() {
		assertEquals("pt:1:25: unterminated marker, expected ' ]---'", failure(() -> ranges("---[ High Kernel Mapping\n")));
	}

	@Test
	void singularSkippedEntryIsCounted() throws ImportException {
		List<PtdumpRange> out = new ArrayList<>();
		PtdumpSummary summary = reader.read(new StringReader("... 1 entry skipped ... \n" + DESIGN_EXAMPLE + "\n"), "pt",
				out::add);
		assertEquals(1, summary.skippedEntries());
	}

	@Test
	void emptyFileSaysWhatWasExpected() {
		Path file = malformed("empty");
		assertEquals(file + ":1:1: empty file, expected a marker '---[ NAME ]---', a range"
				+ " '0xSTART-0xEND SIZE ATTRS LEVEL' or '... N entries skipped ...'",
				failure(() -> reader.read(file, r -> {
				})));
	}
}

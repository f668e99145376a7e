// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static dev.isolde.io.kernel.ProcResources.malformed;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class IomemReaderTest {

	private final IomemReader reader = new IomemReader();

	@Test
	void realIomemNestsRangesByIndentation() throws ImportException {
		List<IomemRange> out = new ArrayList<>();
		IomemSummary summary = reader.read(proc("iomem"), out::add);

		assertEquals(new IomemSummary(27, 2, false), summary);
		assertEquals(new IomemRange(0x0, 0xfff, "Reserved", 0, -1), out.get(0));
		assertEquals(new IomemRange(0x100000, 0xbfffffffL, "System RAM", 0, -1), out.get(5));
		assertEquals(new IomemRange(0x1000000, 0x2276f47, "Kernel code", 1, 5), out.get(6));
		assertEquals(new IomemRange(0x3b32000, 0x3c55fff, "Kernel bss", 1, 5), out.get(9));
	}

	@Test
	void namesKeepSpacesAndBracketsAndDepthTwoPointsToItsParent() throws ImportException {
		List<IomemRange> out = new ArrayList<>();
		reader.read(proc("iomem"), out::add);

		IomemRange ecam = out.get(12);
		assertEquals(new IomemRange(0xeec00000L, 0xeecfffffL, "PCI ECAM 0000 [bus 00-00]", 1, 11), ecam);
		assertEquals(new IomemRange(0xeec00000L, 0xeecfffffL, "PCI Bus 0000:00", 2, 12), out.get(13));
	}

	@Test
	void rangesAbove4GiBAreRead() throws ImportException {
		List<IomemRange> out = new ArrayList<>();
		reader.read(proc("iomem"), out::add);

		assertEquals(new IomemRange(0x100000000L, 0x63fffffffL, "System RAM", 0, -1), out.get(15));
		assertEquals(new IomemRange(0x4000000000L, 0x400007ffffL, "virtio-pci-modern", 2, 17), out.get(18));
	}

	@Test
	void nonRootZeroRangesAreFlaggedHidden() throws ImportException {
		List<IomemRange> out = new ArrayList<>();
		IomemSummary summary = reader.read(proc("iomem-nonroot"), out::add);

		assertTrue(summary.addressesHidden());
		assertEquals(27, summary.ranges());
		assertEquals(new IomemRange(0, 0, "Kernel code", 1, 5), out.get(6));
	}

	@Test
	void rootRangeStartingAtZeroIsNotHidden() throws ImportException {
		assertFalse(read("00000000-00000fff : Reserved\n").addressesHidden());
	}

	@Test
	void oddIndentationReportsFileLineAndColumn() {
		Path file = malformed("iomem-odd-indent");
		assertEquals(file + ":7:1: odd indentation of 3 spaces, expected 2 spaces per nesting level",
				failure(() -> reader.read(file, r -> {
				})));
	}

	@Test
	void indentationJumpingTwoLevelsIsRejected() {
		assertEquals("iomem:2:1: indentation jumps from depth 0 to 2, expected at most one level deeper than the line before",
				failure(() -> read("00100000-bfffffff : System RAM\n    01000000-02276f47 : Kernel code\n")));
	}

	@Test
	void childOutsideItsParentIsRejected() {
		assertEquals("iomem:2:3: range lies outside its parent on line 1, expected a child range inside its parent",
				failure(() -> read("00100000-001fffff : System RAM\n  01000000-02276f47 : Kernel code\n")));
	}

	@Test
	void missingNameSeparatorReportsItsColumn() {
		assertEquals("iomem:1:19: unexpected 'Reserved', expected ' : ' before the resource name",
				failure(() -> read("00000000-00000fff Reserved\n")));
	}

	@Test
	void badHexDigitInEndReportsItsColumn() {
		assertEquals("iomem:1:16: bad hex digit 'g' in range end",
				failure(() -> read("00000000-00000fgf : Reserved\n")));
	}

	@Test
	void emptyFileSaysWhatWasExpected() {
		Path file = malformed("empty");
		assertEquals(file + ":1:1: empty file, expected 'START-END : NAME' resource lines",
				failure(() -> reader.read(file, r -> {
				})));
	}

	private IomemSummary read(String text) throws ImportException {
		return reader.read(new StringReader(text), "iomem", r -> {
		});
	}
}

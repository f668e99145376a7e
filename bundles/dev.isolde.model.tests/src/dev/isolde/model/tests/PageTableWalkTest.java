// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.isolde.model.paging.PageTableWalk;
import dev.isolde.model.paging.PageTableWalk.Indices;
import dev.isolde.model.paging.PageTableWalk.Level;

class PageTableWalkTest {

	private final PageTableWalk four = new PageTableWalk(4);
	private final PageTableWalk five = new PageTableWalk(5);

	@Test
	void kernelTextStartIsPgd511Pud510Pmd8WithFourLevels() {
		assertEquals(new Indices(511, 0, 510, 8, 0), four.indices(0xffffffff81000000L));
	}

	@Test
	void fiveLevelPagingSplitsThePgdIndexIntoPgdAndP4d() {
		// 0xffffffff81000000: bits 48..56 are all ones (PGD 511), bits 39..47 too (P4D 511).
		assertEquals(new Indices(511, 511, 510, 8, 0), five.indices(0xffffffff81000000L));
		// mm.rst: the 5-level direct map starts at 0xff11000000000000, PGD entry 0x111 = 273.
		assertEquals(273, five.index(Level.PGD, 0xff11000000000000L));
		assertEquals(0, five.index(Level.P4D, 0xff11000000000000L));
	}

	@Test
	void fourLevelDirectMapStartsAtPgdEntry273() {
		// mm.rst: ffff888000000000 is the 4-level direct map base; 0x1111 >> 4 & 511 = 273, PUD 0 of the next table.
		assertEquals(new Indices(273, 0, 0, 0, 0), four.indices(0xffff888000000000L));
	}

	@Test
	void pteIndexComesFromBits12To20() {
		assertEquals(0x1ff, four.index(Level.PTE, 0xffffffff811ff000L));
		assertEquals(0x1ff, four.index(Level.PTE, 0x00000000001ff000L));
		assertEquals(0, four.index(Level.PTE, 0x0000000000200000L));
	}

	@Test
	void the54MiBKernelTextMappingNeeds27PmdEntriesUnderOnePud() {
		// DESIGN §6 ptdump example: 0xffffffff81000000-0xffffffff84600000 54M pmd.
		long[] counts = four.entriesPerLevel(0xffffffff81000000L, 0xffffffff84600000L);
		assertArrayEquals(new long[] { 1, 1, 1, 27, 27 * 512 }, counts);
	}

	@Test
	void aRangeCrossingAPudBoundaryNeedsTwoPudEntries() {
		assertEquals(2, four.entries(Level.PUD, 0xffffffff7ffff000L, 0xffffffff80001000L));
		assertEquals(2, four.entries(Level.PTE, 0xffffffff7ffff000L, 0xffffffff80001000L));
		assertEquals(2, four.entries(Level.PMD, 0xffffffff7ffff000L, 0xffffffff80001000L));
	}

	@Test
	void aRangeEndingAtTheTopOfTheAddressSpaceCountsToTheLastEntry() {
		// ptdump prints the final range with end 0.
		assertEquals(1, four.entries(Level.PMD, 0xffffffffffe00000L, 0));
		assertEquals(512, four.entries(Level.PTE, 0xffffffffffe00000L, 0));
	}

	@Test
	void theFoldedP4dCountsOneEntryPerPgdEntry() {
		long start = 0xffff888000000000L;
		long end = 0xffffc88000000000L; // 64 TiB of direct map = 128 PGD entries of 512 GiB
		assertEquals(128, four.entries(Level.PGD, start, end));
		assertEquals(128, four.entries(Level.P4D, start, end));
		assertEquals(1, five.entries(Level.PGD, start, end));
		assertEquals(128, five.entries(Level.P4D, start, end));
	}

	@Test
	void emptyRangesAndOtherPagingDepthsAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> four.entries(Level.PTE, 0x2000, 0x1000));
		assertThrows(IllegalArgumentException.class, () -> new PageTableWalk(3));
	}
}

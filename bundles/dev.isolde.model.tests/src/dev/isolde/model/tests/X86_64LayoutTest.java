// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.Region;
import dev.isolde.model.RegionKind;
import dev.isolde.model.layout.LayoutRow;
import dev.isolde.model.layout.X86_64Layout;

class X86_64LayoutTest {

	@Test
	void fourAndFiveLevelMapsCoverTheWholeAddressSpaceWithoutGaps() {
		for (int levels : new int[] { 4, 5 }) {
			List<LayoutRow> rows = X86_64Layout.rows(levels);
			assertEquals(0L, rows.get(0).start());
			assertEquals(-1L, rows.get(rows.size() - 1).end());
			for (int i = 1; i < rows.size(); i++) {
				assertEquals(rows.get(i - 1).end() + 1, rows.get(i).start(), "gap before " + rows.get(i).name());
			}
		}
	}

	@Test
	void sizesMatchMmRst() {
		LayoutRow direct = find(X86_64Layout.rows(4), RegionKind.DIRECT_MAP);
		assertEquals(64L << 40, direct.size(), "64 TB direct map with 4-level paging");
		assertEquals(32L << 40, find(X86_64Layout.rows(4), RegionKind.VMALLOC).size());
		assertEquals(512L << 20, find(X86_64Layout.rows(4), RegionKind.KERNEL_TEXT).size());
		assertEquals(32L << 50, find(X86_64Layout.rows(5), RegionKind.DIRECT_MAP).size(), "32 PB with 5-level");
		assertEquals(0x7fffffffffffL + 1, find(X86_64Layout.rows(4), RegionKind.USER).size());
	}

	@Test
	void randomisedBaseShiftsTheDirectMapKeepingItsSize() {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		m.setPageOffsetBase(0xffff9a0000000000L);
		X86_64Layout.populate(m);
		Region direct = m.getRegions().stream().filter(r -> r.getKind() == RegionKind.DIRECT_MAP).findFirst().orElseThrow();
		assertEquals(0xffff9a0000000000L, direct.getStart());
		assertEquals(64L << 40, direct.getEnd() - direct.getStart() + 1);
		assertTrue(new LayoutRow(direct.getStart(), direct.getEnd(), RegionKind.DIRECT_MAP, "d", "").contains(0xffff9a0000001000L));
	}

	private static LayoutRow find(List<LayoutRow> rows, RegionKind kind) {
		return rows.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
	}
}

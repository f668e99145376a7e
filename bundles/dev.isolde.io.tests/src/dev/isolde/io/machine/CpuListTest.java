// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuListTest {

	@Test
	void countsRangesAndSingleCpus() {
		assertEquals(1, CpuList.count("0"));
		assertEquals(2, CpuList.count("0-1"));
		assertEquals(2, CpuList.count("0,4"));
		assertEquals(6, CpuList.count("0-3,8,10"));
	}

	@Test
	void rejectsMalformedLists() {
		assertThrows(IllegalArgumentException.class, () -> CpuList.count(""));
		assertThrows(IllegalArgumentException.class, () -> CpuList.count("3-1"));
		assertThrows(IllegalArgumentException.class, () -> CpuList.count("a"));
	}
}

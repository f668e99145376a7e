// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static dev.isolde.io.kernel.ProcResources.malformed;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class SlabinfoReaderTest {

	private static final String HEADER = "slabinfo - version: 2.1\n";

	private final SlabinfoReader reader = new SlabinfoReader();

	@Test
	void realSlabinfoYieldsEveryCacheRow() throws ImportException {
		List<SlabCacheInfo> out = new ArrayList<>();
		SlabinfoSummary summary = reader.read(proc("slabinfo"), out::add);

		assertEquals(new SlabinfoSummary("2.1", 232), summary);
		assertEquals(new SlabCacheInfo("btrfs_delayed_node", 0, 0, 312, 13, 1, 0, 0), out.get(0));
		assertEquals(new SlabCacheInfo("bio-312", 12, 12, 320, 12, 1, 1, 1), out.get(2));
		assertEquals(new SlabCacheInfo("kmalloc-64", 1585, 1728, 64, 64, 1, 27, 27),
				out.stream().filter(c -> c.name().equals("kmalloc-64")).findFirst().orElseThrow());
	}

	@Test
	void otherVersionIsRejectedAtTheVersionColumn() {
		Path file = malformed("slabinfo-version-2.0");
		assertEquals(file + ":1:21: unsupported slabinfo version 2.0, expected version 2.1",
				failure(() -> reader.read(file, c -> {
				})));
	}

	@Test
	void missingHeaderIsRejected() {
		assertEquals("slab:1:1: unexpected 'kmalloc-64', expected header 'slabinfo - version: 2.1'",
				failure(() -> read("kmalloc-64 1585 1728 64 64 1 : tunables 0 0 0 : slabdata 27 27 0\n")));
	}

	@Test
	void truncatedRowReportsTheMissingColumn() {
		assertEquals("slab:2:24: truncated line, expected objperslab", failure(() -> read(HEADER + "kmalloc-64 1585 1728 64\n")));
	}

	@Test
	void missingSlabdataSectionIsRejected() {
		assertEquals("slab:2:49: unexpected 'slab', expected 'slabdata'",
				failure(() -> read(HEADER + "kmalloc-64 1585 1728 64 64 1 : tunables 0 0 0 : slab 27 27 0\n")));
	}

	@Test
	void slabDebugStatisticsSectionsAreSkipped() throws ImportException {
		List<SlabCacheInfo> out = new ArrayList<>();
		reader.read(new StringReader(HEADER + "kmalloc-64 1585 1728 64 64 1 : tunables 0 0 0 : slabdata 27 27 0"
				+ " : globalstat 1 2 3 : cpustat 4 5 6 7\n"), "slab", out::add);
		assertEquals(new SlabCacheInfo("kmalloc-64", 1585, 1728, 64, 64, 1, 27, 27), out.get(0));
	}

	@Test
	void emptyFileSaysWhatWasExpected() {
		Path file = malformed("empty");
		assertEquals(file + ":1:1: empty file, expected header 'slabinfo - version: 2.1'",
				failure(() -> reader.read(file, c -> {
				})));
	}

	private SlabinfoSummary read(String text) throws ImportException {
		return reader.read(new StringReader(text), "slab", c -> {
		});
	}
}

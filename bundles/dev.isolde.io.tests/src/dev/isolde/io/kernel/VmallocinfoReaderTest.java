// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static dev.isolde.io.kernel.ProcResources.malformed;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class VmallocinfoReaderTest {

	private final VmallocinfoReader reader = new VmallocinfoReader();

	private List<VmallocArea> areas(Path file) throws ImportException {
		List<VmallocArea> out = new ArrayList<>();
		reader.read(file, out::add);
		return out;
	}

	@Test
	void hashedAddressesAreFlaggedUnreliableWhileSizesAndCallersAreKept() throws ImportException {
		List<VmallocArea> out = new ArrayList<>();
		VmallocinfoSummary summary = reader.read(proc("vmallocinfo"), out::add);

		assertEquals(new VmallocinfoSummary(103, true), summary);
		assertEquals(new VmallocArea(0xb5264d6fL, 0x369c78adL, 20480, "irq_init_percpu_irqstack+0xed/0x120",
				"irq_init_percpu_irqstack", 0, -1, Set.of("vmap")), out.get(0));
	}

	@Test
	void realAddressesAreReliable() throws ImportException {
		List<VmallocArea> out = new ArrayList<>();
		VmallocinfoSummary summary = reader.read(proc("vmallocinfo-kptr-restrict-1"), out::add);

		assertEquals(new VmallocinfoSummary(120, false), summary);
		assertEquals(new VmallocArea(0xffffc90000000000L, 0xffffc90000005000L, 20480,
				"irq_init_percpu_irqstack+0xed/0x120", "irq_init_percpu_irqstack", 0, -1, Set.of("vmap")), out.get(0));
	}

	@Test
	void physAddressAndIoremapFlagAreRead() throws ImportException {
		assertEquals(new VmallocArea(0xffffc90000005000L, 0xffffc90000007000L, 8192, "acpi_os_map_iomem+0x1bc/0x1e0",
				"acpi_os_map_iomem", 0, 0xa0000, Set.of("ioremap")), areas(proc("vmallocinfo-kptr-restrict-1")).get(1));
	}

	@Test
	void pageCountsAndNumaNodeCountsAreRead() throws ImportException {
		assertEquals(new VmallocArea(0xffffc9000000c000L, 0xffffc90000011000L, 20480, "kernel_clone+0xb8/0x400",
				"kernel_clone", 4, -1, Set.of("vmalloc")), areas(proc("vmallocinfo-kptr-restrict-1")).get(3));
	}

	@Test
	void vpagesFlagIsAKind() throws ImportException {
		VmallocArea htab = areas(proc("vmallocinfo")).get(40);
		assertEquals("htab_map_alloc+0x2e4/0x5a0", htab.caller());
		assertEquals(513, htab.pages());
		assertEquals(Set.of("vmalloc", "vpages"), htab.kinds());
	}

	@Test
	void unpurgedAreaHasNoCaller() throws ImportException {
		VmallocArea unpurged = areas(proc("vmallocinfo")).get(52);
		assertEquals(new VmallocArea(0x16c31a2aL, 0xff268dc3L, 20480, null, null, 0, -1, Set.of("unpurged", "vm_area")),
				unpurged);
	}

	@Test
	void vmMapRamAreaHasNoCaller() throws ImportException {
		List<VmallocArea> out = new ArrayList<>();
		reader.read(new StringReader("0xffffc90000100000-0xffffc90000104000   16384 vm_map_ram\n"), "v", out::add);
		assertEquals(new VmallocArea(0xffffc90000100000L, 0xffffc90000104000L, 16384, null, null, 0, -1,
				Set.of("vm_map_ram")), out.get(0));
	}

	@Test
	void moduleCallerKeepsItsModuleAndSymbol() throws ImportException {
		List<VmallocArea> out = new ArrayList<>();
		reader.read(new StringReader("0xffffc90000100000-0xffffc90000102000    8192 kvm_init+0x10/0x40 [kvm]"
				+ " pages=1 vmalloc N0=1\n"), "v", out::add);
		assertEquals("kvm_init+0x10/0x40 [kvm]", out.get(0).caller());
		assertEquals("kvm_init", out.get(0).callerSymbol());
		assertEquals(1, out.get(0).pages());
	}

	@Test
	void sizeDisagreeingWithAddressesMakesThemUnreliable() throws ImportException {
		assertTrue(reader.read(new StringReader("0xffffc90000100000-0xffffc90000102000    4096 vm_map_ram\n"), "v", a -> {
		}).addressesUnreliable());
		assertFalse(reader.read(new StringReader("0xffa0000000000000-0xffa0000000002000    8192 vm_map_ram\n"), "v",
				a -> {
				}).addressesUnreliable(), "5-level paging puts vmalloc below 0xffff800000000000");
	}

	@Test
	void unknownFieldReportsFileLineAndColumn() throws Exception {
		Path file = malformed("vmallocinfo-bad-field");
		int column = Files.readAllLines(file).get(2).indexOf("IOREMAP") + 1;
		assertEquals(file + ":3:" + column + ": unexpected field 'IOREMAP', expected a caller, pages=N, phys=ADDR,"
				+ " a flag word or N<node>=<pages>", failure(() -> areas(file)));
	}

	@Test
	void badPageCountReportsItsColumn() {
		assertEquals("v:1:78: bad digit 'x' in page count", failure(() -> reader.read(new StringReader(
				"0xffffc9000000c000-0xffffc90000011000   20480 kernel_clone+0xb8/0x400 pages=4x vmalloc\n"), "v", a -> {
				})));
	}

	@Test
	void missingSizeIsATruncatedLine() {
		assertEquals("v:1:38: truncated line, expected size", failure(() -> reader.read(
				new StringReader("0xffffc9000000c000-0xffffc90000011000\n"), "v", a -> {
				})));
	}

	@Test
	void emptyFileSaysWhatWasExpected() {
		Path file = malformed("empty");
		assertEquals(file + ":1:1: empty file, expected '0xSTART-0xEND SIZE [CALLER] [pages=N] [phys=ADDR] FLAGS...' lines",
				failure(() -> areas(file)));
	}
}

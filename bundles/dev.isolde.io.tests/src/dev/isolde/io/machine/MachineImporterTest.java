// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import static dev.isolde.io.machine.MachineFixtures.everything;
import static dev.isolde.io.machine.MachineFixtures.imported;
import static dev.isolde.io.machine.MachineFixtures.input;
import static dev.isolde.io.machine.MachineFixtures.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.model.AddressSpace;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.Mapping;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.PageSize;
import dev.isolde.model.PhysicalRange;
import dev.isolde.model.SlabCache;
import dev.isolde.model.persist.ModelStore;

class MachineImporterTest {

	@TempDir
	Path dir;

	@Test
	void aMalformedSecondFileLeavesTheMachineUntouched() throws ImportException {
		Machine target = imported(false, "slabinfo", KernelFileKind.SLABINFO);
		target.setName("before");
		Machine before = EcoreUtil.copy(target);
		List<MachineImporter.InputFile> files = List.of(input("kallsyms", KernelFileKind.KALLSYMS),
				input("malformed/kallsyms-bad-hex", KernelFileKind.KALLSYMS));

		ImportException e = assertThrows(ImportException.class, () -> MachineImporter.importInto(target, files, false));

		assertTrue(e.getMessage().matches(".*kallsyms-bad-hex:\\d+:\\d+: .*"), e.getMessage());
		assertTrue(EcoreUtil.equals(before, target), "the failed import changed the machine");
	}

	@Test
	void anImporterMergesOnce() throws ImportException {
		MachineImporter importer = new MachineImporter();
		importer.read(proc("iomem"), KernelFileKind.IOMEM);
		importer.mergeInto(IsoldeFactory.eINSTANCE.createMachine());
		assertThrows(IllegalStateException.class, () -> importer.mergeInto(IsoldeFactory.eINSTANCE.createMachine()));
		assertThrows(IllegalStateException.class, () -> importer.read(proc("iomem"), KernelFileKind.IOMEM));
	}

	@Test
	void importSaveLoadRoundTripsEveryInput() throws ImportException, IOException {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		m.setName("captured");
		MachineImporter.importInto(m, everything(), false);
		Path file = dir.resolve("machine.isolde");

		ModelStore.save(m, file);
		Machine loaded = ModelStore.load(file);

		assertTrue(EcoreUtil.equals(m, loaded), "loaded model differs from the saved one");
		assertEquals(6, loaded.getSources().size());
		assertEquals(289, loaded.getSymbols().size());
	}

	@Test
	void iomemBuildsTheResourceTreeAndSumsTopLevelSystemRam() throws ImportException {
		Machine m = imported(false, "iomem", KernelFileKind.IOMEM);
		// 00001000-0009fbff, 00100000-bfffffff and 100000000-63fffffff.
		assertEquals(0x9ec00L + 0xbff00000L + 0x540000000L, m.getPhysicalMemory());
		PhysicalRange ram = m.getPhysicalRanges().stream().filter(r -> r.getStart() == 0x100000L).findFirst()
				.orElseThrow();
		assertEquals("System RAM", ram.getName());
		assertEquals("Kernel code", ram.getChildren().get(0).getName());
		assertEquals(0x02276f47L, ram.getChildren().get(0).getEnd());
		assertEquals(27, m.getSources().get(0).getLines());
	}

	@Test
	void hiddenIomemSetsNoRamSize() throws ImportException {
		Machine m = imported(false, "iomem-nonroot", KernelFileKind.IOMEM);
		assertEquals(0, m.getPhysicalMemory());
		assertFalse(m.getSources().get(0).isAddressesReliable());
	}

	@Test
	void slabinfoYieldsOneCacheAndOneSlabCacheObjectPerRow() throws ImportException {
		Machine m = imported(false, "slabinfo", KernelFileKind.SLABINFO);
		assertEquals(232, m.getSlabCaches().size());
		assertEquals(232, m.getMemoryObjects().size());
		for (int i = 0; i < m.getSlabCaches().size(); i++) {
			SlabCache c = m.getSlabCaches().get(i);
			MemoryObject o = m.getMemoryObjects().get(i);
			assertEquals(c.getName(), o.getName());
			assertEquals(MemoryKind.SLAB_CACHE, o.getKind());
			assertEquals(c.getTotalObjects() * c.getObjectSize(), o.getSize());
			assertFalse(o.isAddressReliable());
		}
		assertEquals("btrfs_delayed_node", m.getSlabCaches().get(0).getName());
		assertEquals(312, m.getSlabCaches().get(0).getObjectSize());
	}

	@Test
	void hashedVmallocAddressesAreFlaggedButRealOnesAreNot() throws ImportException {
		Machine hashed = imported(false, "vmallocinfo", KernelFileKind.VMALLOCINFO);
		Machine real = imported(false, "vmallocinfo-kptr-restrict-1", KernelFileKind.VMALLOCINFO);

		assertEquals(103, hashed.getMemoryObjects().size());
		assertTrue(hashed.getMemoryObjects().stream().noneMatch(MemoryObject::isAddressReliable));
		assertFalse(hashed.getSources().get(0).isAddressesReliable());
		assertEquals(120, real.getMemoryObjects().size());
		assertTrue(real.getMemoryObjects().stream().allMatch(MemoryObject::isAddressReliable));
		assertTrue(real.getMemoryObjects().stream().allMatch(o -> o.getKind() == MemoryKind.VMALLOC_AREA));
		assertTrue(hashed.getMemoryObjects().stream()
				.anyMatch(o -> o.getCaller() != null && o.getName().equals(o.getCaller().split("\\+")[0])));
	}

	@Test
	void aRealVmallocAddressBelowTheFourLevelKernelHalfMeansFiveLevelPaging() throws ImportException {
		assertEquals(4, imported(false, "vmallocinfo-kptr-restrict-1", KernelFileKind.VMALLOCINFO).getPagingLevels());
		assertEquals(4, imported(false, "vmallocinfo", KernelFileKind.VMALLOCINFO).getPagingLevels(),
				"hashed addresses prove nothing");
		// The first line of vmallocinfo-kptr-restrict-1, moved to the 5-level vmalloc base of mm.rst.
		String line = "0xffa0000000000000-0xffa0000000005000   20480 irq_init_percpu_irqstack+0xed/0x120 vmap\n";
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter importer = new MachineImporter();
		importer.read(new StringReader(line), "vmallocinfo", KernelFileKind.VMALLOCINFO, "vmallocinfo");
		importer.mergeInto(m);
		assertEquals(5, m.getPagingLevels());
		assertEquals("vmalloc", RegionIndex.of(m.getRegions()).regionOf(0xffa0000000000000L).getName());
	}

	@Test
	void ptdumpBecomesAFullAddressSpaceOfPresentRangesLinkedToRegions() throws ImportException {
		Machine m = imported(false, "ptdump-kernel", KernelFileKind.PTDUMP);
		AddressSpace space = m.getAddressSpaces().get(0);
		assertTrue(space.isFull());
		assertEquals("ptdump-kernel", space.getName());
		assertEquals(30, space.getMappings().size());
		// DESIGN §6: 0xffffffff81000000-0xffffffff84600000 54M RW PSE GLB x pmd
		Mapping text = space.getMappings().stream().filter(x -> x.getVirtualStart() == 0xffffffff81000000L)
				.findFirst().orElseThrow();
		assertEquals(54L << 20, text.getSize());
		assertEquals(PageSize.SIZE_2M, text.getPageSize());
		assertTrue(text.isWritable() && text.isExecutable() && text.isGlobal());
		assertFalse(text.isUser());
		assertEquals("kernel_text", text.getRegion().getName());
	}

	@Test
	void vulnerabilitiesRecordStatusAndWhetherTheCpuIsAffected() throws ImportException {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter.importInto(m, List.of(input("vulnerabilities", KernelFileKind.VULNERABILITIES)), false);
		assertEquals(19, m.getVulnerabilities().size());
		var meltdown = m.getVulnerabilities().stream().filter(v -> v.getName().equals("meltdown")).findFirst()
				.orElseThrow();
		assertEquals("Mitigation: PTI", meltdown.getStatus());
		assertTrue(meltdown.isAffected());
		assertEquals(19, m.getSources().get(0).getLines());
		assertEquals(proc("vulnerabilities").toString(), m.getSources().get(0).getPath());
	}
}

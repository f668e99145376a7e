// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import static dev.isolde.io.machine.MachineFixtures.imported;
import static dev.isolde.io.machine.MachineFixtures.objectsByName;
import static dev.isolde.io.machine.MachineFixtures.proc;
import static dev.isolde.io.machine.MachineFixtures.symbolsByName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KallsymsReader;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.kernel.KernelSymbol;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Region;
import dev.isolde.model.Severity;
import dev.isolde.model.Symbol;

class KallsymsImportTest {

	@Test
	void kallsymsYieldsExactlyOneSymbolPerLineInFileOrder() throws ImportException {
		List<KernelSymbol> lines = new ArrayList<>();
		new KallsymsReader().read(proc("kallsyms"), lines::add);
		Machine m = imported(false, "kallsyms", KernelFileKind.KALLSYMS);

		assertEquals(289, m.getSymbols().size());
		for (int i = 0; i < lines.size(); i++) {
			Symbol s = m.getSymbols().get(i);
			assertEquals(lines.get(i).name(), s.getName());
			assertEquals(lines.get(i).address(), s.getAddress());
			assertEquals(lines.get(i).type(), s.getType());
			assertEquals(lines.get(i).module(), s.getModule());
		}
		ImportSource source = m.getSources().get(0);
		assertEquals("kallsyms", source.getKind());
		assertEquals(289, source.getLines());
		assertTrue(source.isAddressesReliable());
	}

	@Test
	void systemMapPlacesDataBssRodataAndTextObjectsInTheKernelTextRegion() throws ImportException {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter importer = new MachineImporter();
		importer.read(proc("System.map"), KernelFileKind.KALLSYMS, MachineImporter.SYSTEM_MAP);
		importer.mergeInto(m);

		RegionIndex regions = RegionIndex.of(m.getRegions());
		Map<MemoryKind, Integer> kinds = new EnumMap<>(MemoryKind.class);
		for (MemoryObject o : m.getMemoryObjects()) {
			kinds.merge(o.getKind(), 1, Integer::sum);
			Region r = regions.regionOf(o.getStart());
			assertEquals("kernel_text", r.getName(), o.getName());
		}
		// The excerpt's type counts: 34 D, 39 R, 1 B, 143 T and 51 t (System.map has no module line).
		assertEquals(Map.of(MemoryKind.STATIC_DATA, 34, MemoryKind.RODATA, 39, MemoryKind.BSS, 1, MemoryKind.TEXT,
				194), kinds);
		Map<String, MemoryObject> objects = objectsByName(m);
		assertEquals(".data", objects.get("__start_ro_after_init").getSection());
		assertEquals(".rodata", objects.get("__start_runtime_ptr_USER_PTR_MAX").getSection());
		assertEquals(".text", objects.get("_stext").getSection());
		assertEquals("systemmap", m.getSources().get(0).getKind());
		assertEquals(0xffffffff81000000L, m.getTextBase());
	}

	@Test
	void sizeIsTheDistanceToTheNextAddressOfTheSameSectionClass() throws ImportException {
		Map<String, Symbol> s = symbolsByName(imported(false, "kallsyms", KernelFileKind.KALLSYMS));
		// _stext, _text and __pi__text share 0xffffffff81000000; the next text address is __entry_text_start (+0x10).
		assertEquals(0x10, s.get("_stext").getSize());
		assertEquals(0x10, s.get("_text").getSize());
		// R symbols: 0xffffffff83b24748 to the next R at 0xffffffff83b24974; the last R has no known end.
		assertEquals(0x22c, s.get("__start_runtime_ptr_USER_PTR_MAX").getSize());
		assertEquals(0, s.get("__stop_runtime_ptr_USER_PTR_MAX").getSize());
	}

	@Test
	void moduleSymbolsAreSizedOnlyAgainstTheirOwnModule() throws ImportException {
		Map<String, Symbol> s = symbolsByName(imported(false, "kallsyms", KernelFileKind.KALLSYMS));
		Symbol trampoline = s.get("ftrace_trampoline");
		assertEquals("__builtin__ftrace", trampoline.getModule());
		assertEquals(0, trampoline.getSize());
	}

	@Test
	void iomemKernelCodeGivesImageObjectsTheirPhysicalAddress() throws ImportException {
		Machine m = imported(false, "kallsyms", KernelFileKind.KALLSYMS, "iomem", KernelFileKind.IOMEM);
		Map<String, MemoryObject> o = objectsByName(m);
		// iomem: "01000000-02276f47 : Kernel code", "02400000-02e0cfff : Kernel rodata".
		assertEquals(0x01000000L, o.get("_stext").getPhysicalStart());
		assertEquals(0x02400000L, o.get("__start_rodata").getPhysicalStart());
		assertEquals(-1, o.get("ftrace_trampoline").getPhysicalStart(), "module text is not part of the image");
	}

	@Test
	void hiddenAddressesKeepNamesButFlagTheSourceAndObjectsUnreliable() throws ImportException {
		Machine m = imported(false, "kallsyms-nonroot", KernelFileKind.KALLSYMS);
		assertEquals(200, m.getSymbols().size());
		assertEquals(0, m.getTextBase());
		ImportSource source = m.getSources().get(0);
		assertFalse(source.isAddressesReliable());
		assertEquals(Severity.WARNING, source.getNotes().get(0).getSeverity());
		assertTrue(source.getNotes().get(0).getMessage().contains("hidden"), source.getNotes().get(0).getMessage());
		assertTrue(m.getMemoryObjects().stream().noneMatch(MemoryObject::isAddressReliable));
		assertTrue(m.getSymbols().stream().allMatch(s -> s.getSize() == 0));
	}

	@Test
	void symbolsBetweenPerCpuStartAndEndArePerCpuObjects() throws ImportException {
		// Constructed in the format of a CONFIG_KALLSYMS_ALL x86-64 kernel, whose per-cpu symbols start at 0
		// (arch/x86/kernel/vmlinux.lds.S: PERCPU_VADDR(..., 0, ...)); the captured kernel has no KALLSYMS_ALL.
		String text = """
				0000000000000000 D __per_cpu_start
				0000000000000000 D fixed_percpu_data
				0000000000001000 D cpu_debug_store
				0000000000002000 D irq_stack_backing_store
				000000000002a000 D __per_cpu_end
				ffffffff81000000 T _text
				ffffffff82000000 D jiffies_64
				""";
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter importer = new MachineImporter();
		importer.read(new StringReader(text), "kallsyms", KernelFileKind.KALLSYMS, "kallsyms");
		importer.mergeInto(m);
		Map<String, MemoryObject> o = objectsByName(m);
		assertEquals(MemoryKind.PERCPU, o.get("fixed_percpu_data").getKind());
		assertEquals(".data..percpu", o.get("fixed_percpu_data").getSection());
		assertEquals(0x1000, o.get("fixed_percpu_data").getSize());
		assertEquals(0x28000, o.get("irq_stack_backing_store").getSize(), "ends at the __per_cpu_end marker");
		assertEquals(-1, o.get("cpu_debug_store").getPhysicalStart());
		assertEquals(MemoryKind.STATIC_DATA, o.get("jiffies_64").getKind());
		assertEquals(MemoryKind.STATIC_DATA, o.get("__per_cpu_start").getKind(), "the markers are not per-cpu data");
		assertEquals(7, m.getSymbols().size());
	}

	@Test
	void sampleKeepsDataAndAsiRelevantTextAndSaysWhatItLeftOut() throws ImportException {
		Machine m = imported(true, "kallsyms", KernelFileKind.KALLSYMS);
		Map<String, Symbol> s = symbolsByName(m);
		assertTrue(s.containsKey("entry_SYSRETQ_end"));
		assertTrue(s.containsKey("__start_rodata"));
		assertTrue(s.containsKey("__stop_runtime_ptr_USER_PTR_MAX"));
		assertNull(s.get("__split_text_end"), "a text symbol outside the entry text with no ASI prefix");
		for (Symbol sym : m.getSymbols()) {
			boolean text = sym.getType() == 'T' || sym.getType() == 't';
			boolean entryText = Long.compareUnsigned(sym.getAddress(), 0xffffffff81000010L) >= 0
					&& Long.compareUnsigned(sym.getAddress(), 0xffffffff81001a87L) < 0;
			assertTrue(!text || entryText || TextSymbolSample.PREFIXES.stream().anyMatch(sym.getName()::startsWith),
					sym.getName());
		}
		long textKept = m.getSymbols().stream().filter(x -> x.getType() == 'T' || x.getType() == 't').count();
		String note = m.getSources().get(0).getNotes().get(0).getMessage();
		assertTrue(note.startsWith("sample: left out " + (195 - textKept) + " of 195 text symbols"), note);
		assertEquals(289 - (195 - textKept), m.getSymbols().size());
	}

	@Test
	void aKernelWithoutKallsymsAllIsNamedInANote() throws Exception {
		// the captured excerpt (34 D, 39 R, 1 B beside 195 text symbols) comes from a kernel without
		// CONFIG_KALLSYMS_ALL; its text part is repeated under new names to reach a whole kernel's count of text
		String excerpt = java.nio.file.Files.readString(proc("kallsyms"));
		StringBuilder text = new StringBuilder(excerpt);
		long address = 0xffffffff81400000L;
		for (int i = 0; i < 1_000; i++, address += 0x40) {
			text.append(Long.toHexString(address)).append(" t copied_fn_").append(i).append('\n');
		}
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter importer = new MachineImporter();
		importer.read(new StringReader(text.toString()), "kallsyms", KernelFileKind.KALLSYMS, "kallsyms");
		importer.mergeInto(m);
		List<String> notes = m.getSources().get(0).getNotes().stream().map(n -> n.getMessage()).toList();
		assertTrue(notes.stream().anyMatch(n -> n.startsWith("only 74 data symbols beside 1195 text symbols")
				&& n.contains("CONFIG_KALLSYMS_ALL")), notes.toString());
		// the excerpt alone is too small to tell
		Machine small = imported(false, "kallsyms", KernelFileKind.KALLSYMS);
		assertTrue(small.getSources().get(0).getNotes().stream().noneMatch(n -> n.getMessage().contains("KALLSYMS_ALL")));
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KallsymsReader;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.io.kernel.VmallocinfoReader;
import dev.isolde.io.machine.MachineImporter;

/** What bounds the memory of a kallsyms import: the kernel's own name limits, and a budget for all names. */
class ImportLimitsTest {

	private static ImportException importError(java.io.Reader text) {
		return assertThrows(ImportException.class, () -> new MachineImporter().read(text, "k", KernelFileKind.KALLSYMS,
				"kallsyms"));
	}

	@Test
	void nameLongerThanTheKernelAllowsIsAnErrorAtItsColumn() {
		String ok = "ffffffff81000000 T " + "a".repeat(KallsymsReader.MAX_NAME_LENGTH) + "\n";
		String tooLong = "ffffffff81000010 T " + "b".repeat(KallsymsReader.MAX_NAME_LENGTH + 1) + "\n";
		ImportException e = importError(new StringReader(ok + tooLong));
		assertEquals(2, e.line());
		assertEquals(20, e.column());
		assertTrue(e.getMessage().contains("KSYM_NAME_LEN"), e.getMessage());
	}

	@Test
	void moduleNameLongerThanTheKernelAllowsIsAnError() {
		String line = "ffffffffc0000000 t init\t[" + "m".repeat(KallsymsReader.MAX_MODULE_LENGTH + 1) + "]\n";
		ImportException e = importError(new StringReader(line));
		assertEquals(1, e.line());
		assertTrue(e.getMessage().contains("MODULE_NAME_LEN"), e.getMessage());
	}

	@Test
	void gigabyteOfLongNamesStopsAtTheNameBudget() {
		// 500-character names: far fewer than 2,000,000 symbols, but a gigabyte of names
		SyntheticText text = SyntheticText.kallsyms(1L << 30, 500);
		ImportException e = importError(text);
		assertTrue(e.getMessage().contains("Mi characters of names"), e.getMessage());
		assertEquals((64 << 20) / 500 + 1, e.line());
		assertTrue(text.produced() < 100L << 20, "read " + text.produced() + " characters");
	}

	@Test
	void endlessVmallocinfoStopsAtTheAreaLimitWithItsLine() {
		SyntheticText text = SyntheticText.vmallocinfo();
		ImportException e = assertThrows(ImportException.class, () -> new MachineImporter().read(text, "vmallocinfo",
				KernelFileKind.VMALLOCINFO, "vmallocinfo"));
		assertEquals(VmallocinfoReader.MAX_AREAS + 1, e.line());
		assertTrue(e.getMessage().contains("more than " + VmallocinfoReader.MAX_AREAS + " vmalloc areas"),
				e.getMessage());
	}
}

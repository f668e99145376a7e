// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.malformed;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.isolde.io.ImportException;

class KernelFileKindTest {

	@Test
	void everyCapturedFileIsRecognisedFromItsContent() throws ImportException {
		assertEquals(Optional.of(KernelFileKind.KALLSYMS), KernelFileKind.sniff(proc("kallsyms")));
		assertEquals(Optional.of(KernelFileKind.KALLSYMS), KernelFileKind.sniff(proc("kallsyms-nonroot")));
		assertEquals(Optional.of(KernelFileKind.KALLSYMS), KernelFileKind.sniff(proc("System.map")));
		assertEquals(Optional.of(KernelFileKind.IOMEM), KernelFileKind.sniff(proc("iomem")));
		assertEquals(Optional.of(KernelFileKind.IOMEM), KernelFileKind.sniff(proc("iomem-nonroot")));
		assertEquals(Optional.of(KernelFileKind.SLABINFO), KernelFileKind.sniff(proc("slabinfo")));
		assertEquals(Optional.of(KernelFileKind.VMALLOCINFO), KernelFileKind.sniff(proc("vmallocinfo")));
		assertEquals(Optional.of(KernelFileKind.VMALLOCINFO), KernelFileKind.sniff(proc("vmallocinfo-kptr-restrict-1")));
		assertEquals(Optional.of(KernelFileKind.PTDUMP), KernelFileKind.sniff(proc("ptdump-kernel")));
		assertEquals(Optional.of(KernelFileKind.VULNERABILITIES), KernelFileKind.sniff(proc("vulnerabilities")));
	}

	@Test
	void binaryEmptyAndProseAreNotRecognised() throws ImportException {
		assertEquals(Optional.empty(), KernelFileKind.sniff(malformed("binary-elf")));
		assertEquals(Optional.empty(), KernelFileKind.sniff(malformed("empty")));
		assertEquals(Optional.empty(), KernelFileKind.sniff(proc("README.md")));
		assertEquals(Optional.empty(), KernelFileKind.sniff(proc("malformed")));
	}

	@Test
	void ptdumpRangeWithoutMarkerIsStillAPtdump() {
		assertEquals(Optional.of(KernelFileKind.PTDUMP), KernelFileKind.sniff(
				List.of("0xffffffff81000000-0xffffffff84600000          54M     RW         PSE     GLB x  pmd")));
	}

	@Test
	void oneKallsymsLineAmongOthersIsNotEnough() {
		assertEquals(Optional.empty(), KernelFileKind.sniff(List.of("ffffffff81000000 T _stext", "hello world")));
	}
}

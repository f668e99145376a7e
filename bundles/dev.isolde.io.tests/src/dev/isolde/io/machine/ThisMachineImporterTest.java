// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import static dev.isolde.io.machine.MachineFixtures.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.io.ImportException;

class ThisMachineImporterTest {

	@TempDir
	Path root;

	/** Lays the captured files out as a machine's /proc and /sys below {@code root}. */
	private void capturedMachine(String kallsyms) throws IOException {
		Path procDir = Files.createDirectories(root.resolve("proc/sys/kernel"));
		Files.copy(proc(kallsyms), root.resolve("proc/kallsyms"));
		Files.copy(proc("iomem"), root.resolve("proc/iomem"));
		Files.copy(proc("slabinfo"), root.resolve("proc/slabinfo"));
		Files.copy(proc("vmallocinfo"), root.resolve("proc/vmallocinfo"));
		Files.writeString(procDir.resolve("osrelease"), "6.18.44-fc-v782\n");
		Files.writeString(procDir.resolve("hostname"), "guest\n");
		Path cpu = Files.createDirectories(root.resolve("sys/devices/system/cpu"));
		Files.createDirectories(cpu.resolve("cpu0/topology"));
		Files.createDirectories(cpu.resolve("cpu1/topology"));
		Files.createDirectories(cpu.resolve("cpufreq"));
		Files.writeString(cpu.resolve("cpu0/topology/thread_siblings_list"), "0-1\n");
		Path vulns = Files.createDirectories(cpu.resolve("vulnerabilities"));
		try (Stream<Path> files = Files.list(proc("vulnerabilities"))) {
			for (Path f : (Iterable<Path>) files::iterator) {
				Files.copy(f, vulns.resolve(f.getFileName()));
			}
		}
	}

	@Test
	void readsIdentityTopologyAndEveryPresentFileAndExplainsTheMissingPtdump() throws Exception {
		capturedMachine("kallsyms");
		ThisMachineImport result = new ThisMachineImporter(root).read(false);

		assertEquals("guest", result.machine().getName());
		assertEquals("6.18.44-fc-v782", result.machine().getKernelRelease());
		assertEquals(2, result.machine().getCpus());
		assertEquals(2, result.machine().getThreadsPerCore());
		assertEquals(5, result.machine().getSources().size());
		assertEquals(289, result.machine().getSymbols().size());
		assertEquals(0xffffffff81000000L, result.machine().getTextBase());
		String ptdump = result.unavailable().stream().filter(u -> u.startsWith("no ptdump:")).findFirst().orElseThrow();
		assertTrue(ptdump.contains("sys/kernel/debug/page_tables/kernel does not exist"), ptdump);
		assertTrue(ptdump.contains("CONFIG_PTDUMP_DEBUGFS"), ptdump);
		assertTrue(result.unavailable().stream().anyMatch(u -> u.startsWith("vmallocinfo addresses are hashed")),
				result.unavailable().toString());
	}

	@Test
	void reportsHiddenKallsymsAddresses() throws Exception {
		capturedMachine("kallsyms-nonroot");
		ThisMachineImport result = new ThisMachineImporter(root).read(false);
		assertTrue(result.unavailable().contains("kallsyms addresses are hidden (not root / kptr_restrict)"),
				result.unavailable().toString());
	}

	@Test
	void aFileThatExistsButDoesNotParseFailsTheWholeImport() throws Exception {
		capturedMachine("kallsyms");
		Files.copy(proc("malformed/slabinfo-version-2.0"), root.resolve("proc/slabinfo"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		ImportException e = assertThrows(ImportException.class, () -> new ThisMachineImporter(root).read(false));
		assertTrue(e.getMessage().contains("slabinfo:1:"), e.getMessage());
	}
}

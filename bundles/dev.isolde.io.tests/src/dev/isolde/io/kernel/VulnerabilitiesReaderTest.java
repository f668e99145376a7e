// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.kernel;

import static dev.isolde.io.kernel.ProcResources.failure;
import static dev.isolde.io.kernel.ProcResources.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.io.ImportException;

class VulnerabilitiesReaderTest {

	private final VulnerabilitiesReader reader = new VulnerabilitiesReader();

	@Test
	void everyFileMapsToItsStatusLineSortedByName() throws ImportException {
		Map<String, String> statuses = reader.read(proc("vulnerabilities"));

		assertEquals(19, statuses.size());
		assertEquals("gather_data_sampling", statuses.keySet().iterator().next());
		assertEquals("Mitigation: PTI", statuses.get("meltdown"));
		assertEquals("Vulnerable: No microcode", statuses.get("spec_rstack_overflow"));
		assertEquals("Mitigation: Retpolines; STIBP: disabled; RSB filling; PBRSB-eIBRS: Not affected;"
				+ " BHI: Not affected", statuses.get("spectre_v2"));
	}

	@Test
	void onlyStatusesOtherThanNotAffectedCountAsAffected() throws ImportException {
		List<String> affected = reader.read(proc("vulnerabilities")).entrySet().stream()
				.filter(e -> VulnerabilitiesReader.affected(e.getValue())).map(Map.Entry::getKey).toList();

		assertEquals(List.of("meltdown", "spec_rstack_overflow", "spec_store_bypass", "spectre_v1", "spectre_v2"),
				affected);
		assertFalse(VulnerabilitiesReader.affected("Not affected"));
		assertTrue(VulnerabilitiesReader.affected("Unknown: Dependent on hypervisor status"));
	}

	@Test
	void fileInsteadOfDirectoryIsRejected() {
		Path file = proc("iomem");
		assertEquals(file + ": not a directory, expected a directory like /sys/devices/system/cpu/vulnerabilities",
				failure(() -> reader.read(file)));
	}

	@Test
	void emptyStatusFileReportsFileAndLine(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("meltdown"), "Mitigation: PTI\n");
		Files.writeString(dir.resolve("mds"), "");
		assertEquals(dir.resolve("mds") + ":1:1: empty file, expected a status line such as 'Not affected' or"
				+ " 'Mitigation: ...'", failure(() -> reader.read(dir)));
	}

	@Test
	void directoryWithoutFilesIsRejected(@TempDir Path dir) {
		assertEquals(dir + ": no vulnerability files, expected one status file per CPU bug",
				failure(() -> reader.read(dir)));
	}
}

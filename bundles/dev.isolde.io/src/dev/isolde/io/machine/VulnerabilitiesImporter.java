// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.nio.file.Path;
import java.util.Map;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.VulnerabilitiesReader;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Vulnerability;

/** Turns /sys/devices/system/cpu/vulnerabilities into one {@link Vulnerability} per file. */
final class VulnerabilitiesImporter {

	void read(Path directory, String kind, StagedImport into) throws ImportException {
		Map<String, String> statuses = new VulnerabilitiesReader().read(directory);
		for (Map.Entry<String, String> e : statuses.entrySet()) {
			Vulnerability v = IsoldeFactory.eINSTANCE.createVulnerability();
			v.setName(e.getKey());
			v.setStatus(e.getValue());
			v.setAffected(VulnerabilitiesReader.affected(e.getValue()));
			into.vulnerabilities.add(v);
		}
		into.sources.add(Sources.source(directory.toString(), kind, statuses.size(), true));
	}
}

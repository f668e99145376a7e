// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import dev.isolde.model.ImportNote;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Severity;

/** Creates the {@link ImportSource} record of one imported file and its notes. */
final class Sources {

	private Sources() {
	}

	static ImportSource source(String path, String kind, int lines, boolean addressesReliable) {
		ImportSource s = IsoldeFactory.eINSTANCE.createImportSource();
		s.setPath(path);
		s.setKind(kind);
		s.setLines(lines);
		s.setAddressesReliable(addressesReliable);
		return s;
	}

	static void note(ImportSource source, int line, Severity severity, String message) {
		ImportNote n = IsoldeFactory.eINSTANCE.createImportNote();
		n.setLine(line);
		n.setSeverity(severity);
		n.setMessage(message);
		source.getNotes().add(n);
	}
}

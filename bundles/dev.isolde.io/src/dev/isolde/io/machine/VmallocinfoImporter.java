// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.VmallocinfoReader;
import dev.isolde.io.kernel.VmallocinfoSummary;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Severity;

/** Turns /proc/vmallocinfo into VMALLOC_AREA {@link MemoryObject}s named after their caller. */
final class VmallocinfoImporter {

	/** Reads {@code in}, naming {@code file} in errors, and stages what it holds as a source of {@code kind}. */
	void read(LineCountingReader in, String file, String kind, StagedImport into) throws ImportException {
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		List<MemoryObject> areas = new ArrayList<>();
		VmallocinfoSummary summary = new VmallocinfoReader().read(in, file, a -> {
			MemoryObject o = f.createMemoryObject();
			String flags = String.join(" ", new TreeSet<>(a.kinds()));
			o.setName(a.callerSymbol() != null ? a.callerSymbol() : a.caller() != null ? a.caller() : flags);
			o.setKind(MemoryKind.VMALLOC_AREA);
			o.setStart(a.start());
			o.setSize(a.size());
			o.setCaller(a.caller());
			o.setFlags(flags);
			if (a.phys() >= 0) {
				o.setPhysicalStart(a.phys());
			}
			o.setSource(kind);
			areas.add(o);
		});
		boolean reliable = !summary.addressesUnreliable();
		for (MemoryObject o : areas) {
			o.setAddressReliable(reliable);
			if (reliable) {
				into.sawKernelAddress(o.getStart());
			}
		}
		into.objects.addAll(areas);
		ImportSource source = Sources.source(file, kind, in.lines(), reliable);
		if (!reliable) {
			Sources.note(source, 0, Severity.WARNING, "addresses are hashed (%pK with kernel.kptr_restrict=0, or a"
					+ " reader without CAP_SYSLOG); sizes and callers kept, addresses flagged unreliable");
		}
		into.sources.add(source);
	}
}

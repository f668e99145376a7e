// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.nio.file.Path;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.PtdumpRange;
import dev.isolde.io.kernel.PtdumpReader;
import dev.isolde.io.kernel.PtdumpSummary;
import dev.isolde.model.AddressSpace;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Mapping;
import dev.isolde.model.PageSize;
import dev.isolde.model.Severity;

/** Turns an x86 ptdump into a full {@link AddressSpace} with one {@link Mapping} per present range. */
final class PtdumpImporter {

	/** A mapping's physical start when the dump does not say it: ptdump prints virtual ranges only. */
	static final long PHYSICAL_UNKNOWN = -1;

	/** Reads {@code in}, naming {@code file} in errors, and stages what it holds as a source of {@code kind}. */
	void read(LineCountingReader in, String file, String kind, StagedImport into) throws ImportException {
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		AddressSpace space = f.createAddressSpace();
		Path name = Path.of(file).getFileName();
		space.setName(name == null ? file : name.toString());
		space.setFull(true);
		PtdumpSummary summary = new PtdumpReader().read(in, file, r -> {
			if (r.present()) {
				space.getMappings().add(mapping(f, r));
				into.sawKernelAddress(r.start());
			}
		});
		into.addressSpaces.add(space);
		ImportSource source = Sources.source(file, kind, in.lines(), true);
		if (summary.skippedEntries() > 0) {
			Sources.note(source, 0, Severity.INFO, summary.skippedEntries()
					+ " entries skipped by the dump ('... N entries skipped ...', e.g. the ESPfix cap) are not modelled");
		}
		into.sources.add(source);
	}

	private static Mapping mapping(IsoldeFactory f, PtdumpRange r) {
		Mapping m = f.createMapping();
		m.setVirtualStart(r.start());
		m.setSize(r.size());
		m.setPhysicalStart(PHYSICAL_UNKNOWN);
		// ptdump prints a present range at the level of its leaf entries, so the level is the page size.
		m.setPageSize(switch (r.level()) {
		case "pud" -> PageSize.SIZE_1G;
		case "pmd" -> PageSize.SIZE_2M;
		default -> PageSize.SIZE_4K;
		});
		m.setWritable(r.rw());
		m.setExecutable(!r.nx());
		m.setUser(r.user());
		m.setGlobal(r.global());
		m.setCacheDisabled(r.pcd());
		m.setWriteThrough(r.pwt());
		return m;
	}
}

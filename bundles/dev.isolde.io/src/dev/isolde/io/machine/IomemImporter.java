// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.IomemReader;
import dev.isolde.io.kernel.IomemSummary;
import dev.isolde.model.ImportSource;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.PhysicalRange;
import dev.isolde.model.Severity;

/** Turns /proc/iomem into a tree of {@link PhysicalRange}s, the installed RAM and the kernel's load address. */
final class IomemImporter {

	/** The resource kernel/resource.c gives usable RAM. */
	static final String SYSTEM_RAM = "System RAM";
	/** The resource arch/x86/kernel/setup.c gives the kernel's text, at its physical load address. */
	static final String KERNEL_CODE = "Kernel code";

	/** Reads {@code in}, naming {@code file} in errors, and stages what it holds as a source of {@code kind}. */
	void read(LineCountingReader in, String file, String kind, StagedImport into) throws ImportException {
		List<PhysicalRange> all = new ArrayList<>();
		long[] ram = { 0 };
		long[] kernelCode = { -1 };
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		IomemSummary summary = new IomemReader().read(in, file, r -> {
			PhysicalRange p = f.createPhysicalRange();
			p.setName(r.name());
			p.setStart(r.start());
			p.setEnd(r.end());
			all.add(p);
			if (r.parentIndex() < 0) {
				into.physicalRanges.add(p);
				if (r.name().equals(SYSTEM_RAM)) {
					ram[0] += r.end() - r.start() + 1; // iomem ranges are inclusive
				}
			} else {
				all.get(r.parentIndex()).getChildren().add(p);
			}
			if (kernelCode[0] < 0 && r.name().equals(KERNEL_CODE)) {
				kernelCode[0] = r.start();
			}
		});
		boolean hidden = summary.addressesHidden();
		if (!hidden) {
			into.physicalMemory = ram[0];
			into.kernelCodePhysical = kernelCode[0];
		}
		ImportSource source = Sources.source(file, kind, in.lines(), !hidden);
		if (hidden) {
			Sources.note(source, 0, Severity.WARNING, "addresses are hidden (all 0-0): the reader lacks CAP_SYS_ADMIN"
					+ " (kernel/resource.c, r_show()); names and nesting kept, RAM size unknown");
		}
		into.sources.add(source);
	}
}

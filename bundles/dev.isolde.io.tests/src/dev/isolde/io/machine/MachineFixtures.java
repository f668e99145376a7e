// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.machine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.isolde.io.ImportException;
import dev.isolde.io.kernel.KernelFileKind;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.Symbol;

/** The captured kernel files of the tests bundle, and machines imported from them. */
final class MachineFixtures {

	private MachineFixtures() {
	}

	/** A file below {@code resources/proc}. */
	static Path proc(String name) {
		return Path.of(System.getProperty("isolde.testResources", "resources")).resolve("proc").resolve(name);
	}

	/** A fresh machine with the given files imported, each of the given kind. */
	static Machine imported(boolean sample, Object... pathsAndKinds) throws ImportException {
		Machine m = IsoldeFactory.eINSTANCE.createMachine();
		MachineImporter importer = new MachineImporter(sample);
		for (int i = 0; i < pathsAndKinds.length; i += 2) {
			importer.read(proc((String) pathsAndKinds[i]), (KernelFileKind) pathsAndKinds[i + 1]);
		}
		importer.mergeInto(m);
		return m;
	}

	/** Every captured input: kallsyms, iomem, slabinfo, vmallocinfo, ptdump and vulnerabilities. */
	static List<MachineImporter.InputFile> everything() {
		return List.of(input("kallsyms", KernelFileKind.KALLSYMS), input("iomem", KernelFileKind.IOMEM),
				input("slabinfo", KernelFileKind.SLABINFO), input("vmallocinfo", KernelFileKind.VMALLOCINFO),
				input("ptdump-kernel", KernelFileKind.PTDUMP), input("vulnerabilities", KernelFileKind.VULNERABILITIES));
	}

	static MachineImporter.InputFile input(String name, KernelFileKind kind) {
		Path p = proc(name);
		return new MachineImporter.InputFile(p, p.toString(), kind, MachineImporter.label(kind));
	}

	/** The first symbol of each name. */
	static Map<String, Symbol> symbolsByName(Machine m) {
		return m.getSymbols().stream().collect(Collectors.toMap(Symbol::getName, Function.identity(), (a, b) -> a));
	}

	/** The first memory object of each name. */
	static Map<String, MemoryObject> objectsByName(Machine m) {
		return m.getMemoryObjects().stream()
				.collect(Collectors.toMap(MemoryObject::getName, Function.identity(), (a, b) -> a));
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.List;

import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelLoadException;
import dev.isolde.model.persist.ModelStore;

/** {@code isolde info FILE.isolde}: what a kernel model holds, per layout region and kind, and its import notes. */
final class InfoCommand implements Command {

	@Override
	public String name() {
		return "info";
	}

	@Override
	public String summary() {
		return "summarise a kernel model: regions, kinds, slab caches, vulnerabilities, import notes";
	}

	@Override
	public String usage() {
		return "Usage: isolde info FILE.isolde\n"
				+ "Prints the symbols and memory objects per layout region and kind, the largest slab caches, the\n"
				+ "vulnerabilities the CPU is affected by, and every import source with its notes.\n"
				+ "Exit 0 ok, 2 when the file is not a readable kernel model.";
	}

	@Override
	public int run(List<String> args, Console console) throws Exception {
		if (args.size() != 1 || args.get(0).startsWith("-")) {
			throw new UsageException(args.isEmpty() ? "no model file given" : "expected exactly one FILE.isolde");
		}
		Machine machine;
		try {
			machine = ModelStore.load(console.resolve(args.get(0)));
		} catch (ModelLoadException e) {
			console.err().println(e.messageNaming(args.get(0)));
			return BAD_INPUT;
		}
		new MachineReport(machine).info(args.get(0), console.out());
		return OK;
	}
}

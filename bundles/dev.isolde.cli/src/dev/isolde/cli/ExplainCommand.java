// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.engine.explain.Explainer;
import dev.isolde.engine.explain.Explanation;
import dev.isolde.io.engine.Analysis;

/** {@code isolde explain POLICY WHAT}: why an address or symbol is (not) mapped, and where. */
final class ExplainCommand implements Command {

	private final PolicyInputs inputs;

	ExplainCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "explain";
	}

	@Override
	public String summary() {
		return "explain an address or symbol: its class, the rule that decided it, the instances that map it";
	}

	@Override
	public String usage() {
		return "Usage: isolde explain POLICY.asi ADDRESS|SYMBOL [--kernel FILE.isolde]\n"
				+ "ADDRESS is hexadecimal (0xffffffff81000000). Prints the memory class, the rule (file:line and\n"
				+ "rationale) or default that decided it, the ASI instances that map it, its physical page and the\n"
				+ "other objects on that page. Exit 0, 1 when nothing matches, 2 on bad input.";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernel = PolicyInputs.option(args, "--kernel");
		if (args.size() != 2) {
			throw new UsageException("expected a policy file and an address or symbol");
		}
		Analysis a;
		try {
			a = inputs.analyse(args.get(0), kernel, console);
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		Explainer explainer = new Explainer(a.classification(), a.spaces());
		String what = args.get(1);
		List<Explanation> found = new ArrayList<>();
		if (what.startsWith("0x") || what.startsWith("0X")) {
			long va;
			try {
				va = Long.parseUnsignedLong(what.substring(2), 16);
			} catch (NumberFormatException e) {
				throw new UsageException("not a hexadecimal address: " + what);
			}
			found.add(explainer.explain(va));
		} else {
			found.addAll(explainer.explain(what));
		}
		if (found.isEmpty()) {
			console.err().println("no object named " + what + " in the kernel model");
			return FAILED;
		}
		for (Explanation e : found) {
			console.out().println(e.toText());
		}
		return OK;
	}
}

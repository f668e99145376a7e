// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.engine.diff.ClassChange;
import dev.isolde.engine.diff.PolicyDiff;
import dev.isolde.engine.diff.SpaceDelta;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.io.Sizes;
import dev.isolde.io.engine.Analysis;

/** {@code isolde diff A B}: what changes between two policies on the same kernel. */
final class DiffCommand implements Command {

	/** How many changed objects to list before summarising the rest. */
	private static final int LISTED = 50;

	private final PolicyInputs inputs;

	DiffCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "diff";
	}

	@Override
	public String summary() {
		return "compare two policies on one kernel: objects that change class, bytes per instance, rules";
	}

	@Override
	public String usage() {
		return "Usage: isolde diff BEFORE.asi AFTER.asi [--kernel FILE.isolde]\n"
				+ "The kernel model is BEFORE's unless --kernel names one. Lists objects whose class changes, bytes\n"
				+ "gained and lost per ASI instance, and rules added, removed or newly shadowed.";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernel = PolicyInputs.option(args, "--kernel");
		if (args.size() != 2) {
			throw new UsageException("expected two policy files");
		}
		Analysis before;
		Analysis after;
		try {
			before = inputs.analyse(args.get(0), kernel, console);
			after = Analysis.run(before.kernel(), inputs.compile(inputs.check(args.get(1), console), console));
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		PolicyDiff diff = PolicyDiff.of(before.classification(), before.spaces(), after.classification(),
				after.spaces());
		var out = console.out();
		out.printf("%s -> %s: %d objects change class%n", before.policy().name(), after.policy().name(),
				diff.changedObjectCount());
		List<ClassChange> changes = diff.classChanges();
		changes.stream().limit(LISTED).forEach(c -> out.println("  " + c));
		if (changes.size() > LISTED) {
			out.printf("  ... and %d more%n", changes.size() - LISTED);
		}
		for (SpaceDelta d : diff.spaceDeltas()) {
			out.printf("instance %s: %s -> %s (+%s, -%s)%n", d.instance(), Sizes.bytes(d.bytesBefore()),
					Sizes.bytes(d.bytesAfter()), Sizes.bytes(d.bytesGained()), Sizes.bytes(d.bytesLost()));
		}
		rules(out, "added", diff.rulesAdded());
		rules(out, "removed", diff.rulesRemoved());
		rules(out, "newly shadowed", diff.newlyShadowed());
		return OK;
	}

	private static void rules(java.io.PrintStream out, String what, List<RuleSpec> rules) {
		for (RuleSpec r : rules) {
			out.printf("rule %s: %s %s %s%n", what, r.id(), r.kind().name().toLowerCase(java.util.Locale.ROOT),
					r.patterns());
		}
	}
}

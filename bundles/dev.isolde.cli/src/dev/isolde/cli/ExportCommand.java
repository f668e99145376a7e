// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.isolde.io.engine.Analysis;
import dev.isolde.io.export.AnnotationListExporter;
import dev.isolde.io.export.CocciExporter;
import dev.isolde.io.export.ExportException;
import dev.isolde.model.persist.AtomicFiles;

/** {@code isolde export POLICY --to cocci|json|csv}: the policy as annotations for kernel source. */
final class ExportCommand implements Command {

	private final PolicyInputs inputs;

	ExportCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "export";
	}

	@Override
	public String summary() {
		return "export the policy as a Coccinelle semantic patch or an annotation list (json, csv)";
	}

	@Override
	public String usage() {
		return "Usage: isolde export POLICY.asi --to cocci|json|csv [-o FILE] [--kernel FILE.isolde]\n"
				+ "cocci: a semantic patch adding the RFC's annotations where each non-sensitive object is defined\n"
				+ "       (apply with `spatch --sp-file FILE --dir linux/ --in-place`);\n"
				+ "json, csv: one row per non-sensitive object: name, kind, class, owner, rule, rationale, annotation.\n"
				+ "Writes FILE atomically, or standard output. Names that are not C identifiers stop the export (exit 1).";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernel = PolicyInputs.option(args, "--kernel");
		String to = PolicyInputs.option(args, "--to");
		String output = PolicyInputs.option(args, "-o");
		if (args.size() != 1 || to == null) {
			throw new UsageException("expected a policy file and --to cocci|json|csv");
		}
		if (!List.of("cocci", "json", "csv").contains(to)) {
			throw new UsageException("--to must be cocci, json or csv");
		}
		Analysis a;
		try {
			a = inputs.analyse(args.get(0), kernel, console);
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		String text;
		try {
			text = switch (to) {
			case "cocci" -> new CocciExporter().toSmpl(a.classification());
			case "json" -> new AnnotationListExporter().render(a.classification(), AnnotationListExporter.Format.JSON);
			default -> new AnnotationListExporter().render(a.classification(), AnnotationListExporter.Format.CSV);
			};
		} catch (ExportException e) {
			console.err().println(args.get(0) + ": " + e.getMessage());
			return FAILED;
		}
		if (output == null) {
			console.out().print(text);
		} else {
			AtomicFiles.write(console.resolve(output), text.getBytes(StandardCharsets.UTF_8));
			console.out().println("wrote " + output);
		}
		return OK;
	}
}

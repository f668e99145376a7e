// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.nio.file.Path;
import java.util.List;

import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;

/** {@code isolde check POLICY...}: parse and validate policies, print problems as file:line:col. */
final class CheckCommand implements Command {

	private final Languages languages;
	private final PolicyInputs inputs;

	CheckCommand(Languages languages, PolicyInputs inputs) {
		this.languages = languages;
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "check";
	}

	@Override
	public String summary() {
		return "parse and validate policy files (exit 0 ok, 1 rule errors, 2 syntax errors)";
	}

	@Override
	public String usage() {
		return "Usage: isolde check POLICY.asi... [--kernel FILE.isolde]\n"
				+ "Parses and validates each policy; prints FILE:LINE:COL: severity: message per problem.\n"
				+ "With a kernel model (--kernel, or the policy's `kernel` statement when the file exists) it also\n"
				+ "builds the restricted spaces and runs the RFC checks: subset, identical-mapping, page-separation,\n"
				+ "no-foreign-local, sensitive-never-mapped, rfc-one-instance-per-class.\n"
				+ "Exit 0 when no errors, 1 when a policy has validation errors, 2 on syntax errors or unreadable files.";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new java.util.ArrayList<>(argList);
		String kernelOption = PolicyInputs.option(args, "--kernel");
		if (args.isEmpty()) {
			throw new UsageException("no policy file given");
		}
		PolicyChecker checker = languages.injector().getInstance(PolicyChecker.class);
		int exit = OK;
		for (String arg : args) {
			if (arg.startsWith("-")) {
				throw new UsageException("unknown option " + arg);
			}
			Path file = console.resolve(arg);
			PolicyChecker.Result result;
			try {
				result = checker.check(file);
			} catch (java.io.IOException e) {
				console.err().println(arg + ": " + e.getMessage());
				exit = Math.max(exit, BAD_INPUT);
				continue;
			}
			for (Diagnostic d : result.diagnostics()) {
				String line = new Diagnostic(d.severity(), arg, d.line(), d.column(), d.message(), d.code(), d.syntax())
						.format();
				(d.severity() == Diagnostic.Severity.ERROR ? console.err() : console.out()).println(line);
			}
			if (result.hasSyntaxErrors()) {
				exit = Math.max(exit, BAD_INPUT);
			} else if (result.hasErrors()) {
				exit = Math.max(exit, FAILED);
			} else if (kernelOption != null || kernelExists(result, console)) {
				exit = Math.max(exit, engineChecks(arg, result, kernelOption, console));
			}
		}
		if (exit == OK) {
			console.out().println(args.size() == 1 ? args.get(0) + ": ok" : args.size() + " policies: ok");
		}
		return exit;
	}

	private boolean kernelExists(PolicyChecker.Result result, Console console) {
		var kernel = languages.injector().getInstance(dev.isolde.dsl.kernel.KernelModels.class).locate(result.policyFile());
		return kernel != null && java.nio.file.Files.isRegularFile(kernel);
	}

	/** Runs the engine's RFC checks; findings print as {@code file: check-id: severity: message}. */
	private int engineChecks(String arg, PolicyChecker.Result result, String kernelOption, Console console) {
		dev.isolde.io.engine.Analysis analysis;
		try {
			analysis = dev.isolde.io.engine.Analysis.run(inputs.kernel(result, kernelOption, console),
					inputs.compile(result, console));
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		var report = analysis.report();
		for (var f : report.findings()) {
			(f.severity() == dev.isolde.engine.check.Severity.ERROR ? console.err() : console.out())
					.println(arg + ": " + f.checkId() + ": " + f.severity().name().toLowerCase(java.util.Locale.ROOT)
							+ ": " + f.message());
		}
		report.suppressed().forEach((id, n) -> console.out().println(arg + ": " + id + ": " + n + " more findings"));
		for (var c : analysis.classification().conflicts()) {
			console.err().println(arg + ": conflict: " + c);
		}
		return report.hasErrors() || !analysis.classification().conflicts().isEmpty() ? FAILED : OK;
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.nio.file.Path;
import java.util.List;

import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;

/** {@code isolde check POLICY...}: parse and validate policies, print problems as file:line:col. */
final class CheckCommand implements Command {

	private final Languages languages;

	CheckCommand(Languages languages) {
		this.languages = languages;
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
		return "Usage: isolde check POLICY.asi...\n"
				+ "Parses and validates each policy; prints FILE:LINE:COL: severity: message per problem.\n"
				+ "Exit 0 when no errors, 1 when a policy has validation errors, 2 on syntax errors or unreadable files.";
	}

	@Override
	public int run(List<String> args, Console console) throws Exception {
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
			}
		}
		if (exit == OK) {
			console.out().println(args.size() == 1 ? args.get(0) + ": ok" : args.size() + " policies: ok");
		}
		return exit;
	}
}

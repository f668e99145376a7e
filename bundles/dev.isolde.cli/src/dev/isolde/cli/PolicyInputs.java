// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.compile.CompileException;
import dev.isolde.dsl.compile.PolicyCompiler;
import dev.isolde.dsl.kernel.KernelModels;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.io.engine.Analysis;
import dev.isolde.model.Machine;
import dev.isolde.model.persist.ModelStore;

/** Loads what the analysing commands share: a valid policy, its kernel model, and the engine's analysis of both. */
final class PolicyInputs {

	/** Bad input already reported to the user; the command exits with {@link Command#BAD_INPUT}. */
	static final class Reported extends Exception {
		private static final long serialVersionUID = 1L;
		final int exit;

		Reported(int exit) {
			super(null, null, false, false);
			this.exit = exit;
		}
	}

	private final Languages languages;

	PolicyInputs(Languages languages) {
		this.languages = languages;
	}

	/** A validated policy, or {@link Reported} after printing its errors as file:line:col. */
	PolicyChecker.Result check(String arg, Console console) throws Reported {
		PolicyChecker.Result result;
		try {
			result = languages.injector().getInstance(PolicyChecker.class).check(console.resolve(arg));
		} catch (IOException e) {
			console.err().println(arg + ": " + e.getMessage());
			throw new Reported(Command.BAD_INPUT);
		}
		for (Diagnostic d : result.diagnostics()) {
			if (d.severity() == Diagnostic.Severity.ERROR) {
				console.err().println(new Diagnostic(d.severity(), arg, d.line(), d.column(), d.message(), d.code(),
						d.syntax()).format());
			}
		}
		if (result.hasSyntaxErrors()) {
			throw new Reported(Command.BAD_INPUT);
		}
		if (result.hasErrors()) {
			throw new Reported(Command.FAILED);
		}
		return result;
	}

	/** The engine input of a validated policy. */
	PolicySpec compile(PolicyChecker.Result result, Console console) throws Reported {
		try {
			return new PolicyCompiler().compile(result.policyFile());
		} catch (CompileException e) {
			console.err().println(e.getMessage());
			throw new Reported(Command.FAILED);
		}
	}

	/** The kernel model named by {@code --kernel}, else by the policy's {@code kernel "..."} statement. */
	Machine kernel(PolicyChecker.Result result, String kernelOption, Console console) throws Reported {
		Path file;
		if (kernelOption != null) {
			file = console.resolve(kernelOption);
		} else {
			file = languages.injector().getInstance(KernelModels.class).locate(result.policyFile());
			if (file == null) {
				console.err().println(result.file() + ": no kernel model: add `kernel \"FILE.isolde\"` or pass --kernel FILE");
				throw new Reported(Command.BAD_INPUT);
			}
		}
		if (!Files.isRegularFile(file)) {
			console.err().println(file + ": kernel model not found (import one with `isolde import --this-machine -o FILE`)");
			throw new Reported(Command.BAD_INPUT);
		}
		try {
			return ModelStore.load(file);
		} catch (IOException e) {
			console.err().println(e.getMessage());
			throw new Reported(Command.BAD_INPUT);
		}
	}

	/** Check, compile, load the kernel and run the engine. */
	Analysis analyse(String policyArg, String kernelOption, Console console) throws Reported {
		PolicyChecker.Result result = check(policyArg, console);
		PolicySpec spec = compile(result, console);
		Machine machine = kernel(result, kernelOption, console);
		return Analysis.run(machine, spec);
	}

	/** The value of {@code --name VALUE} in {@code args} (removed from it), or null. */
	static String option(List<String> args, String name) throws UsageException {
		int i = args.indexOf(name);
		if (i < 0) {
			return null;
		}
		if (i + 1 >= args.size()) {
			throw new UsageException(name + " needs a value");
		}
		String value = args.remove(i + 1);
		args.remove(i);
		return value;
	}
}

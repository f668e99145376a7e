// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.compile.CompileException;
import dev.isolde.dsl.compile.PolicyCompiler;
import dev.isolde.dsl.kernel.KernelModels;
import dev.isolde.io.engine.Analysis;
import dev.isolde.model.persist.ModelStore;
import dev.isolde.ui.editor.PolicyLanguage;

/** Runs the engine on a saved policy file and the kernel model it names, for the views. */
public final class PolicyAnalysis {

	private PolicyAnalysis() {
	}

	/** The analysis of {@code policy}; an IOException says in one line why there is none. */
	public static Analysis of(Path policy) throws IOException {
		var injector = PolicyLanguage.injector();
		PolicyChecker.Result result = injector.getInstance(PolicyChecker.class).check(policy);
		for (Diagnostic d : result.diagnostics()) {
			if (d.severity() == Diagnostic.Severity.ERROR) {
				throw new IOException(policy.getFileName() + ":" + d.line() + ":" + d.column() + ": " + d.message());
			}
		}
		var spec = compile(result);
		Path kernel = injector.getInstance(KernelModels.class).locate(result.policyFile());
		if (kernel == null || !Files.isRegularFile(kernel)) {
			throw new IOException(policy.getFileName() + " names no readable kernel model (add `kernel \"FILE.isolde\"`)");
		}
		return Analysis.run(ModelStore.load(kernel), spec);
	}

	private static dev.isolde.engine.policy.PolicySpec compile(PolicyChecker.Result result) throws IOException {
		try {
			return new PolicyCompiler().compile(result.policyFile());
		} catch (CompileException e) {
			throw new IOException(e.getMessage(), e);
		}
	}
}

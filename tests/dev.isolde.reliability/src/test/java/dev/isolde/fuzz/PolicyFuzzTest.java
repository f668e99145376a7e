// SPDX-License-Identifier: EPL-2.0
package dev.isolde.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.inject.Injector;

import dev.isolde.dsl.compile.CompileException;
import dev.isolde.dsl.compile.PolicyCompiler;
import dev.isolde.dsl.isolde.PolicyFile;

/**
 * The policy language: parser, linker, validator and compiler. Any bytes give diagnostics with a line, and a policy
 * without errors compiles or raises a {@link CompileException}; a crash that Xtext would only log is a finding.
 * Seeds: samples/*.asi, with a kernel model slice next to them so the kernel-name checks run.
 */
class PolicyFuzzTest {

	private static Path dir;
	private static Injector injector;
	private static IResourceValidator validator;
	private static XtextErrorLog log;

	@BeforeAll
	static void setUp() throws IOException {
		dir = Files.createTempDirectory("isolde-fuzz-policy");
		try (var slice = PolicyFuzzTest.class.getResourceAsStream("ModelStoreFuzzTestInputs/load/machine-slice.isolde")) {
			Files.copy(slice, dir.resolve("machine.isolde"));
		}
		Files.writeString(dir.resolve("site.asi"), Files.readString(Samples.dir().resolve("site.asi")));
		injector = Samples.injector();
		validator = injector.getInstance(IResourceValidator.class);
		log = XtextErrorLog.install();
	}

	@AfterAll
	static void tearDown() throws IOException {
		Files.delete(dir.resolve("machine.isolde"));
		Files.delete(dir.resolve("site.asi"));
		Files.delete(dir);
	}

	@FuzzTest(maxDuration = "30s")
	void policy(byte[] data) throws IOException {
		log.clear();
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) rs.createResource(URI.createFileURI(dir.resolve("fuzz.asi").toString()));
		resource.load(new ByteArrayInputStream(data), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		log.assertNone();
		// Xtext, unlike the kernel file readers, also ends a line at a lone '\r'
		int lines = Contract.lines(new String(data, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n')
				.getBytes(StandardCharsets.ISO_8859_1));
		boolean errors = false;
		for (Issue issue : issues) {
			Integer line = issue.getLineNumber();
			// a syntax error at the end of the input may point one line past the last newline
			Contract.located(Contract.FILE, Contract.FILE, line == null ? 0 : line,
					issue.getColumn() == null ? 0 : issue.getColumn(), lines + 1, issue.getMessage());
			errors |= issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR;
		}
		if (!errors && !resource.getContents().isEmpty()) {
			try {
				new PolicyCompiler().compile((PolicyFile) resource.getContents().get(0));
			} catch (CompileException e) {
				if (e.getMessage() == null || e.getMessage().isBlank()) {
					throw new AssertionError("compile error without a message", e);
				}
			}
		}
	}
}

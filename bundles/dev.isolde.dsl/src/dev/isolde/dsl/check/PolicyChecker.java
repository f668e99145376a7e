// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.isolde.dsl.isolde.PolicyFile;

/** Parses and validates policy files outside any editor (CLI, tests, batch checks). */
public class PolicyChecker {

	/** A loaded policy file and everything wrong with it, sorted by position. */
	public record Result(Path file, XtextResource resource, List<Diagnostic> diagnostics) {

		/** The parsed root, or null when the file could not be parsed at all. */
		public PolicyFile policyFile() {
			return resource == null || resource.getContents().isEmpty() ? null
					: (PolicyFile) resource.getContents().get(0);
		}

		/** Whether any diagnostic is a syntax error. */
		public boolean hasSyntaxErrors() {
			return diagnostics.stream().anyMatch(Diagnostic::syntax);
		}

		/** Whether any diagnostic is an error. */
		public boolean hasErrors() {
			return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
		}
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	/** Loads {@code file} (and what it imports) and validates it. */
	public Result check(Path file) throws IOException {
		Path abs = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(abs)) {
			throw new IOException(file + ": no such policy file");
		}
		XtextResourceSet rs = resourceSets.get();
		XtextResource resource = (XtextResource) rs.getResource(URI.createFileURI(abs.toString()), true);
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		List<Diagnostic> result = new ArrayList<>();
		for (Issue issue : issues) {
			result.add(toDiagnostic(file.toString(), issue));
		}
		result.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
		return new Result(file, resource, List.copyOf(result));
	}

	static Diagnostic toDiagnostic(String file, Issue issue) {
		Diagnostic.Severity severity = switch (issue.getSeverity() == null ? Severity.ERROR : issue.getSeverity()) {
		case ERROR -> Diagnostic.Severity.ERROR;
		case WARNING -> Diagnostic.Severity.WARNING;
		default -> Diagnostic.Severity.INFO;
		};
		int line = issue.getLineNumber() == null ? 0 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 0 : issue.getColumn();
		return new Diagnostic(severity, file, line, column, issue.getMessage(), issue.getCode(), issue.isSyntaxError());
	}
}

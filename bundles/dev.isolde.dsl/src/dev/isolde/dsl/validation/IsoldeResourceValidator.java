// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.validation;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * Xtext 2.42 reads one character past a text that ends with a lone {@code \r} when it works out where a syntax error
 * at the end of the file ends (InternalNodeModelUtils.getLineAndColumnNoExactLineBreak), so a policy with old Mac
 * line endings lost its syntax errors to a StringIndexOutOfBoundsException (found by fuzzing). Such a diagnostic is
 * located here from the parsed text instead.
 */
public class IsoldeResourceValidator extends ResourceValidatorImpl {

	private final ThreadLocal<String> text = new ThreadLocal<>();

	@Override
	protected void collectResourceDiagnostics(Resource resource, CancelIndicator monitor, IAcceptor<Issue> acceptor) {
		text.set(resource instanceof XtextResource x && x.getParseResult() != null
				? x.getParseResult().getRootNode().getText() : null);
		try {
			super.collectResourceDiagnostics(resource, monitor, acceptor);
		} finally {
			text.remove();
		}
	}

	@Override
	protected void issueFromXtextResourceDiagnostic(Resource.Diagnostic diagnostic, Severity severity,
			IAcceptor<Issue> acceptor) {
		try {
			super.issueFromXtextResourceDiagnostic(diagnostic, severity, acceptor);
		} catch (StringIndexOutOfBoundsException e) {
			String parsed = text.get();
			if (parsed == null || !(diagnostic instanceof org.eclipse.xtext.diagnostics.AbstractDiagnostic d)) {
				throw e;
			}
			Issue.IssueImpl issue = new Issue.IssueImpl();
			issue.setSyntaxError(diagnostic instanceof org.eclipse.xtext.resource.XtextSyntaxDiagnostic);
			issue.setSeverity(severity);
			issue.setMessage(d.getMessage());
			issue.setCode(d.getCode());
			issue.setData(d.getData());
			issue.setUriToProblem(d.getUriToProblem());
			issue.setOffset(d.getOffset());
			issue.setLength(d.getLength());
			TextPosition start = TextPosition.of(parsed, d.getOffset());
			TextPosition end = TextPosition.of(parsed, d.getOffset() + d.getLength());
			issue.setLineNumber(start.line());
			issue.setColumn(start.column());
			issue.setLineNumberEnd(end.line());
			issue.setColumnEnd(end.column());
			acceptor.accept(issue);
		}
	}
}

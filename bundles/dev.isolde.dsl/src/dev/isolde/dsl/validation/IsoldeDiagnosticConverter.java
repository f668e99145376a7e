// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.validation;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.validation.DiagnosticConverterImpl;

/**
 * Locates a validator's diagnostic from the parsed text when Xtext 2.42 cannot: it reads past a text that ends with
 * a lone {@code \r} for a node that ends there (see {@link IsoldeResourceValidator}).
 */
public class IsoldeDiagnosticConverter extends DiagnosticConverterImpl {

	@Override
	protected IssueLocation getLocationForNode(INode node, int offset, int length) {
		try {
			return super.getLocationForNode(node, offset, length);
		} catch (StringIndexOutOfBoundsException e) {
			String text = node.getRootNode().getText();
			TextPosition start = TextPosition.of(text, offset);
			TextPosition end = TextPosition.of(text, offset + length);
			IssueLocation location = new IssueLocation();
			location.offset = offset;
			location.length = length;
			location.lineNumber = start.line();
			location.column = start.column();
			location.lineNumberEnd = end.line();
			location.columnEnd = end.column();
			return location;
		}
	}
}

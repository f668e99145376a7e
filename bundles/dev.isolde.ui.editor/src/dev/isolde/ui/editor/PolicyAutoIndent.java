// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DefaultIndentLineAutoEditStrategy;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Indents as the formatter does while typing: a new line after an opening brace goes one level deeper, and a closing
 * brace typed on a line of only blanks goes back to its block's level. Elsewhere a new line keeps the current indent.
 */
final class PolicyAutoIndent extends DefaultIndentLineAutoEditStrategy {

	/** The formatter's indentation unit. */
	static final String UNIT = "  ";

	@Override
	public void customizeDocumentCommand(IDocument d, DocumentCommand c) {
		try {
			if (c.length == 0 && c.text != null && TextUtilities.equals(d.getLegalLineDelimiters(), c.text) != -1) {
				newLine(d, c);
			} else if ("}".equals(c.text)) {
				closeBrace(d, c);
			}
		} catch (BadLocationException e) {
			// the command stays as typed
		}
	}

	private static void newLine(IDocument d, DocumentCommand c) throws BadLocationException {
		IRegion line = d.getLineInformationOfOffset(c.offset);
		String before = d.get(line.getOffset(), c.offset - line.getOffset());
		String indent = leadingBlanks(before);
		String code = before.strip();
		c.text += code.endsWith("{") && !code.startsWith("//") ? indent + UNIT : indent;
	}

	private static void closeBrace(IDocument d, DocumentCommand c) throws BadLocationException {
		IRegion line = d.getLineInformationOfOffset(c.offset);
		String before = d.get(line.getOffset(), c.offset - line.getOffset());
		if (!before.isBlank() || !before.endsWith(UNIT)) {
			return;
		}
		c.offset = line.getOffset();
		c.length = before.length() + c.length;
		c.text = before.substring(UNIT.length()) + "}";
	}

	private static String leadingBlanks(String s) {
		int i = 0;
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return s.substring(0, i);
	}
}

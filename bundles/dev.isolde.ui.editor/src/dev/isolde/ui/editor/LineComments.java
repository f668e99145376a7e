// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;

/** Toggles {@code //} line comments over a range of lines, as one document change. */
final class LineComments {

	private static final String PREFIX = "// ";

	private final IDocument document;

	LineComments(IDocument document) {
		this.document = document;
	}

	void toggle(int firstLine, int lastLine) throws BadLocationException {
		boolean allCommented = true;
		for (int line = firstLine; line <= lastLine; line++) {
			String text = lineText(line).strip();
			if (!text.isEmpty() && !text.startsWith("//")) {
				allCommented = false;
			}
		}
		IRegion first = document.getLineInformation(firstLine);
		IRegion last = document.getLineInformation(lastLine);
		int start = first.getOffset();
		int end = last.getOffset() + last.getLength();
		StringBuilder b = new StringBuilder();
		for (int line = firstLine; line <= lastLine; line++) {
			String text = lineText(line);
			b.append(allCommented ? uncomment(text) : PREFIX + text);
			if (line < lastLine) {
				b.append(document.getLineDelimiter(line));
			}
		}
		document.replace(start, end - start, b.toString());
	}

	private String lineText(int line) throws BadLocationException {
		IRegion r = document.getLineInformation(line);
		return document.get(r.getOffset(), r.getLength());
	}

	private static String uncomment(String text) {
		int i = text.indexOf("//");
		if (i < 0) {
			return text;
		}
		int after = i + 2;
		if (after < text.length() && text.charAt(after) == ' ') {
			after++;
		}
		return text.substring(0, i) + text.substring(after);
	}
}

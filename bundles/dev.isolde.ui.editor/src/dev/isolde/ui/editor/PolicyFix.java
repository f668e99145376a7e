// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;

/**
 * One quick fix: a label and the text edits that make it. Applied as a single document replacement, so one undo
 * takes the whole fix back.
 */
public record PolicyFix(String label, List<PolicyFix.Edit> edits) {

	/** Replace {@code length} characters at {@code offset} by {@code text}. */
	public record Edit(int offset, int length, String text) {

		int end() {
			return offset + length;
		}
	}

	/** A fix of one edit. */
	public PolicyFix(String label, Edit edit) {
		this(label, List.of(edit));
	}

	/** The document text with this fix applied. */
	public String applyTo(String text) {
		StringBuilder b = new StringBuilder(text);
		edits.stream().sorted(Comparator.comparingInt(Edit::offset).reversed())
				.forEach(e -> b.replace(e.offset(), e.end(), e.text()));
		return b.toString();
	}

	/** Applies the fix to {@code document} as one replacement spanning all edits. */
	public void apply(IDocument document) throws BadLocationException {
		String text = document.get();
		int start = edits.stream().mapToInt(Edit::offset).min().orElse(0);
		int end = edits.stream().mapToInt(Edit::end).max().orElse(0);
		String fixed = applyTo(text);
		int tail = text.length() - end;
		document.replace(start, end - start, fixed.substring(start, fixed.length() - tail));
	}

	/** Where the caret goes after the fix: the end of the first edit's new text. */
	public int caretAfter() {
		Edit first = edits.stream().min(Comparator.comparingInt(Edit::offset)).orElseThrow();
		return first.offset() + first.text().length();
	}
}

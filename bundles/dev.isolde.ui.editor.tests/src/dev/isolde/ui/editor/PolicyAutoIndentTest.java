// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.DocumentCommand;
import org.junit.jupiter.api.Test;

class PolicyAutoIndentTest {

	/** Types {@code text} at {@code offset} as the viewer would, through the strategy. */
	private static String type(String doc, int offset, String text) throws BadLocationException {
		Document d = new Document(doc);
		DocumentCommand c = new DocumentCommand() {
		};
		c.doit = true;
		c.offset = offset;
		c.length = 0;
		c.text = text;
		c.caretOffset = -1;
		c.shiftsCaret = true;
		new PolicyAutoIndent().customizeDocumentCommand(d, c);
		d.replace(c.offset, c.length, c.text);
		return d.get();
	}

	@Test
	void aNewLineAfterAnOpeningBraceGoesOneLevelDeeper() throws BadLocationException {
		String doc = "policy p for x86_64 paging 4 {\n  global nonsensitive {";
		assertEquals(doc + "\n    ", type(doc, doc.length(), "\n"));
		assertEquals("policy p for x86_64 paging 4 {\n  ", type("policy p for x86_64 paging 4 {", 30, "\n"));
	}

	@Test
	void aNewLineElsewhereKeepsTheIndent() throws BadLocationException {
		String doc = "  global nonsensitive {\n    symbol jiffies";
		assertEquals(doc + "\n    ", type(doc, doc.length(), "\n"));
		String comment = "  // a block opens with {";
		assertEquals(comment + "\n  ", type(comment, comment.length(), "\n"), "a brace in a comment opens nothing");
	}

	@Test
	void aClosingBraceOnABlankLineGoesBackOneLevel() throws BadLocationException {
		String doc = "  global nonsensitive {\n    symbol jiffies\n    ";
		assertEquals("  global nonsensitive {\n    symbol jiffies\n  }", type(doc, doc.length(), "}"));
		String code = "    symbol jiffies ";
		assertEquals(code + "}", type(code, code.length(), "}"), "after code the brace goes where it is typed");
	}
}

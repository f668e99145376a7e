// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Incremental lexing after edits gives exactly the tokens of lexing the edited text afresh. */
class PolicyHighlighterTest {

	static final String POLICY = """
			kernel "bench.isolde"
			/* a comment
			   over lines */
			policy demo for x86_64 paging 4 {
			  default sensitive
			  global nonsensitive {
			    symbol jiffies, "irq_*" because "a string
			over two lines"
			    symbol /^irq_stat/ // a line comment
			    slab "kmalloc-*" except "kmalloc-cg-*"
			  }
			}
			asi class KVM per vm { maps global on enter l1d_flush, mds_clear }
			vm guest1 uses KVM /* the end */
			""";

	/** Pieces that open and close comments, strings and regexes, so edits move token boundaries far. */
	private static final String[] PIECES = { "/", "*", "/*", "*/", "//", "\"", "\n", "\\", "x", " ", "symbol ", "12",
			"'", "{", "}", "KVM" };

	private final PolicyColors colors = new PolicyColors(Display.getDefault(), () -> { });

	@AfterEach
	void dispose() {
		colors.dispose();
	}

	@Test
	void tokensAfterRandomEditsAreThoseOfAFreshLex() throws BadLocationException {
		IDocument doc = new Document(POLICY);
		PolicyHighlighter highlighter = new PolicyHighlighter(colors);
		highlighter.setDocument(doc);
		Random random = new Random(8);
		for (int edit = 0; edit < 600; edit++) {
			int at = random.nextInt(doc.getLength() + 1);
			int removed = Math.min(random.nextInt(4), doc.getLength() - at);
			String inserted = random.nextInt(4) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];
			String before = doc.get();
			doc.replace(at, removed, inserted);
			assertArrayEquals(fresh(doc.get()), highlighter.tokens(),
					"after replacing " + removed + " chars at " + at + " by '" + inserted + "' in:\n" + before);
		}
	}

	@Test
	void openingACommentRecoloursToTheEndAndClosingItRecoloursBack() throws BadLocationException {
		IDocument doc = new Document(POLICY);
		PolicyHighlighter highlighter = new PolicyHighlighter(colors);
		highlighter.setDocument(doc);
		int at = POLICY.indexOf("policy demo");
		doc.replace(at, 0, "/*");
		int[][] commented = highlighter.tokens();
		assertArrayEquals(fresh(doc.get()), commented);
		assertTrue(commented.length < fresh(POLICY).length, "the comment swallowed the policy");
		doc.replace(at, 2, "");
		assertArrayEquals(fresh(POLICY), highlighter.tokens());
	}

	/** The tokens of a new highlighter on {@code text}. */
	int[][] fresh(String text) {
		PolicyHighlighter full = new PolicyHighlighter(colors);
		full.setDocument(new Document(text));
		return full.tokens();
	}
}

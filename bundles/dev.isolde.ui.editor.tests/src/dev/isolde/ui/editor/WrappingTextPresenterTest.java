// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WrappingTextPresenterTest {

	/** One unit per character, so widths are columns. */
	private static String wrap(String text, int columns) {
		return WrappingTextPresenter.wrap(text, columns, String::length);
	}

	@Test
	void breaksBetweenWordsSoNoLineIsWiderThanAllowed() {
		assertEquals("rfc_limits: also\ncheck the 2022\nRFC's limits", wrap("rfc_limits: also check the 2022 RFC's limits", 16));
	}

	@Test
	void keepsTheTextsOwnLineBreaksAndParagraphs() {
		assertEquals("a b\nc\n\nBecause:\nd e", wrap("a b c\n\nBecause: d e", 4));
	}

	@Test
	void aWordWiderThanTheLineStandsAloneUnbroken() {
		assertEquals("x\n.data..asi_non_sensitive\ny", wrap("x .data..asi_non_sensitive y", 5));
	}

	@Test
	void shortTextAndNothingStayAsTheyAre() {
		assertEquals("short", wrap("short", 80));
		assertEquals("", wrap("", 80));
		assertNull(wrap(null, 80));
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;

/** What hovering shows: keywords say what they mean, rules what they select and why, a rule's selector both. */
class PolicyTextHoverTest {

	private static final String TEXT = """
			policy p for x86_64 paging 4 {
			  global nonsensitive {
			    symbol jiffies because "read on every exit"
			  }
			}
			""";

	private static String hover(String word) {
		XtextResource r = PolicyLanguage.parse(TEXT, URI.createURI("memory:/hover.asi"));
		return PolicyTextHover.hoverText(r, TEXT.indexOf(word) + 1);
	}

	@Test
	void aKeywordSaysWhatItMeans() {
		assertTrue(hover("paging").startsWith("paging 4 or paging 5:"), hover("paging"));
	}

	@Test
	void aRuleSaysWhatItSelectsAndWhyAndItsSelectorKeywordAlsoWhatItMeans() {
		String name = hover("jiffies");
		assertTrue(name.startsWith("global nonsensitive: symbol jiffies"), name);
		assertTrue(name.endsWith("Because: read on every exit"), name);
		String selector = hover("symbol");
		assertTrue(selector.startsWith("symbol NAMES: kernel symbols from kallsyms"), selector);
		assertTrue(selector.endsWith("\n\n" + name), selector);
	}

	@Test
	void whitespaceShowsNothing() {
		assertNull(PolicyTextHover.hoverText(PolicyLanguage.parse(TEXT, URI.createURI("memory:/hover.asi")), TEXT.indexOf("  global")));
		assertNull(PolicyTextHover.hoverText(null, 0));
	}
}

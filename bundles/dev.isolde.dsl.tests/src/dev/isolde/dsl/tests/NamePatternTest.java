// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.api.Test;

import dev.isolde.dsl.isolde.IsoldeFactory;
import dev.isolde.dsl.isolde.Pattern;
import dev.isolde.dsl.selector.NamePattern;

class NamePatternTest {

	private static Pattern regex(String regex) {
		Pattern p = IsoldeFactory.eINSTANCE.createPattern();
		p.setRegex(regex);
		return p;
	}

	private static Pattern quoted(String text) {
		Pattern p = IsoldeFactory.eINSTANCE.createPattern();
		p.setText(text);
		return p;
	}

	@Test
	void aQuotedNameThatLooksLikeARegexStaysAnExactNameOnceTheRegexWasCompiled() {
		assertEquals(NamePattern.Form.REGEX, NamePattern.of(regex("/kmalloc-64/")).form());
		assertEquals(NamePattern.Form.EXACT, NamePattern.of(quoted("/kmalloc-64/")).form());
		assertEquals(NamePattern.Form.REGEX, NamePattern.of(regex("/kmalloc-64/")).form());
		assertTrue(NamePattern.of(regex("/kmalloc-64/")).matches("kmalloc-64"));
		assertFalse(NamePattern.of(quoted("/kmalloc-64/")).matches("kmalloc-64"));
	}

	@Test
	void literalPrefixesRejectOnlyNamesThePatternCannotMatch() {
		NamePattern anchored = NamePattern.of(regex("/^kmalloc-[0-9]+$/"));
		assertTrue(anchored.matches("kmalloc-64"));
		assertFalse(anchored.matches("xkmalloc-64"));
		assertTrue(NamePattern.of(regex("/malloc-6/")).matches("kmalloc-64"), "unanchored regexes find substrings");
		assertTrue(NamePattern.of(regex("/^km?alloc/")).matches("kalloc"), "an optional character ends the prefix");
		assertTrue(NamePattern.of(regex("/^a|kmalloc/")).matches("kmalloc-64"), "an alternation promises no prefix");
		assertTrue(NamePattern.glob("?malloc-*").matches("kmalloc-64"));
		assertTrue(NamePattern.glob("kmalloc-*-rcl").matches("kmalloc-64-rcl"));
		assertFalse(NamePattern.glob("kmalloc-*-rcl").matches("kmalloc_64-rcl"));
	}

	@Test
	void anInvalidRegexFailsEveryTime() {
		for (int i = 0; i < 2; i++) {
			assertThrows(PatternSyntaxException.class, () -> NamePattern.of(regex("/^irq_st(/")));
		}
	}
}

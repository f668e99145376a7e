// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.isolde.dsl.help.KeywordHelp;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.services.IsoldeGrammarAccess;

@ExtendWith(InjectionExtension.class)
@InjectWith(IsoldeInjectorProvider.class)
class KeywordHelpTest {

	private static final String POLICY = """
			kernel "machine.isolde"
			policy p for x86_64 paging 4 {
			  model rfc2022 // a comment naming symbol
			  local nonsensitive per process { stack kernel }
			  global nonsensitive { region fixmap because "entry" }
			}
			asi class K per vm { maps global, region cpu_entry_area on enter l1d_flush, none cost mds_clear = 450 }
			vm g uses K
			scenario s { cores 1 smt 2 compare asi, none }
			""";

	@Inject
	private IsoldeGrammarAccess grammar;

	@Inject
	private ParseHelper<PolicyFile> parser;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	/** Adding a keyword to the grammar without saying what it means fails here, and so does help for a word gone. */
	@Test
	void everyWordOfTheGrammarHasHelpExceptWhereItNamesAKernelObject() {
		List<String> missing = new ArrayList<>();
		Set<String> documented = new TreeSet<>();
		for (AbstractRule rule : grammar.getGrammar().getRules()) {
			if (rule.getName().equals("Name")) {
				continue; // keywords that may also name kernel objects, as in `stack kernel`
			}
			for (Keyword k : EcoreUtil2.getAllContentsOfType(rule, Keyword.class)) {
				if (k.getValue().matches("\\w+")) {
					String help = KeywordHelp.of(k);
					if (help == null || help.isBlank()) {
						missing.add(rule.getName() + "." + k.getValue());
					} else {
						documented.add(rule.getName() + "." + k.getValue());
					}
				}
			}
		}
		assertEquals(List.of(), missing);
		assertEquals(new TreeSet<>(KeywordHelp.keys()), documented, "help for words the grammar no longer has");
	}

	private XtextResource parsed() throws Exception {
		PolicyFile file = parser.parse(POLICY, URI.createURI("memory:/policy.asi"), resourceSets.get());
		return (XtextResource) file.eResource();
	}

	private static int at(String word, int nth) {
		int i = -1;
		for (int n = 0; n <= nth; n++) {
			i = POLICY.indexOf(word, i + 1);
		}
		return i;
	}

	@Test
	void aWordMeansWhatItsPlaceInTheGrammarSays() throws Exception {
		XtextResource r = parsed();
		String hookNone = KeywordHelp.at(r, at("none", 0) + 1).text();
		String strategyNone = KeywordHelp.at(r, at("none", 1)).text();
		assertTrue(hookNone.startsWith("none: runs nothing"), hookNone);
		assertTrue(strategyNone.startsWith("none: no mitigation"), strategyNone);
		String selector = KeywordHelp.at(r, at("region", 0)).text();
		String mapItem = KeywordHelp.at(r, at("region", 1)).text();
		assertNotEquals(selector, mapItem);
		assertTrue(selector.startsWith("region NAMES: whole layout regions"), selector);
	}

	@Test
	void theHelpCoversTheWholeWordAndNothingElse() throws Exception {
		XtextResource r = parsed();
		int l1d = at("l1d_flush", 0);
		KeywordHelp.Located help = KeywordHelp.at(r, l1d + 4);
		assertEquals(l1d, help.offset());
		assertEquals("l1d_flush".length(), help.length());
		assertNull(KeywordHelp.at(r, at("fixmap", 0)), "a region name is no keyword");
		assertNull(KeywordHelp.at(r, at("kernel }", 0)), "`stack kernel` names the task's stack, not the kernel statement");
		assertNotNull(KeywordHelp.at(r, at("kernel", 0)), "the kernel statement");
		assertNull(KeywordHelp.at(r, at("naming symbol", 0) + 7), "a word in a comment");
		assertNull(KeywordHelp.at(r, at("\"entry\"", 0) + 2), "a string");
	}

	@Test
	void hooksAndCostItemsSayTheirDefaultCostFromTheCostModel() throws Exception {
		XtextResource r = parsed();
		assertTrue(KeywordHelp.at(r, at("l1d_flush", 0)).text().endsWith("Default cost: 3,000 cycles."));
		assertTrue(KeywordHelp.at(r, at("mds_clear", 0)).text().endsWith("Default cost: 500 cycles."),
				"a policy's mds_clear is the cost model's verw");
		assertTrue(KeywordHelp.of("CostItem", "page_fault").endsWith("Default cost: 1,000 cycles."));
		assertTrue(KeywordHelp.of("Hook", "none").endsWith("the mitigation)."), "none costs nothing and says no figure");
	}
}

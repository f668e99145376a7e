// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.isolde.engine.sim.CostModel;

/**
 * What each word of the policy language means, for the editor's hover and content assist and the language server.
 * A word's meaning depends on where the grammar uses it ({@code none} is a hook and a strategy, {@code region} a
 * selector and a map item), so texts are keyed by grammar rule and word; a keyword that names a kernel object
 * ({@code stack kernel}) has none.
 */
public final class KeywordHelp {

	private static final Properties TEXTS = load();

	private KeywordHelp() {
	}

	/** A word of a parsed policy with its help: where it is, and what it means. */
	public record Located(int offset, int length, String text) {
	}

	/** The help for {@code keyword} of the grammar (a keyword or an enum literal), or null. */
	public static String of(Keyword keyword) {
		AbstractRule rule = GrammarUtil.containingRule(keyword);
		return rule == null ? null : of(rule.getName(), keyword.getValue());
	}

	/** The help for {@code word} where grammar rule {@code rule} uses it, or null; hooks and cost items with their default cost. */
	public static String of(String rule, String word) {
		String text = TEXTS.getProperty(rule + "." + word);
		if (text == null) {
			return null;
		}
		boolean priced = rule.equals("CostItem") || rule.equals("Hook") && !word.equals("none");
		return priced ? text + " Default cost: " + String.format(Locale.ROOT, "%,d", CostModel.defaults().cycles(CostModel.itemOf(word)))
				+ " cycles." : text;
	}

	/** Every {@code RULE.word} that has help. */
	public static Set<String> keys() {
		return TEXTS.stringPropertyNames();
	}

	/** The keyword at {@code offset} of {@code resource} with its help, or null when no documented keyword is there. */
	public static Located at(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		EObject element = leaf.getGrammarElement();
		Keyword keyword = element instanceof EnumLiteralDeclaration literal ? literal.getLiteral()
				: element instanceof Keyword k ? k : null;
		String text = keyword == null ? null : of(keyword);
		return text == null ? null : new Located(leaf.getOffset(), leaf.getLength(), text);
	}

	private static Properties load() {
		Properties p = new Properties();
		try (InputStream in = KeywordHelp.class.getResourceAsStream("KeywordHelp.properties")) {
			if (in == null) {
				throw new IllegalStateException("KeywordHelp.properties is missing from " + KeywordHelp.class.getName() + "'s bundle");
			}
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}
}

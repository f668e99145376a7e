// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;

import dev.isolde.dsl.parser.antlr.internal.InternalIsoldeLexer;
import dev.isolde.dsl.parser.antlr.internal.InternalIsoldeParser;

/** Colours a policy by the language's own generated lexer, so highlighting never disagrees with parsing. */
final class PolicyTokenScanner implements ITokenScanner {

	private final PolicyColors colors;
	private InternalIsoldeLexer lexer;
	private int base;
	private CommonToken current;

	PolicyTokenScanner(PolicyColors colors) {
		this.colors = colors;
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		try {
			lexer = new InternalIsoldeLexer(new ANTLRStringStream(document.get(offset, length)));
			base = offset;
		} catch (BadLocationException e) {
			lexer = null;
		}
	}

	@Override
	public org.eclipse.jface.text.rules.IToken nextToken() {
		if (lexer == null) {
			return Token.EOF;
		}
		current = (CommonToken) lexer.nextToken();
		if (current.getType() == org.antlr.runtime.Token.EOF) {
			return Token.EOF;
		}
		TextAttribute attribute = colors.attributeFor(category(current.getType()));
		return attribute == null ? Token.UNDEFINED : new Token(attribute);
	}

	/** The highlighting category of a token type of the generated lexer. */
	static PolicyColors.Category category(int type) {
		return switch (type) {
		case InternalIsoldeLexer.RULE_SL_COMMENT, InternalIsoldeLexer.RULE_ML_COMMENT -> PolicyColors.Category.COMMENT;
		case InternalIsoldeLexer.RULE_STRING -> PolicyColors.Category.STRING;
		case InternalIsoldeLexer.RULE_REGEX -> PolicyColors.Category.REGEX;
		case InternalIsoldeLexer.RULE_INT -> PolicyColors.Category.NUMBER;
		case InternalIsoldeLexer.RULE_ID, InternalIsoldeLexer.RULE_WS, InternalIsoldeLexer.RULE_ANY_OTHER -> PolicyColors.Category.DEFAULT;
		default -> keywordCategory(type);
		};
	}

	private static PolicyColors.Category keywordCategory(int type) {
		String name = type >= 0 && type < InternalIsoldeParser.tokenNames.length ? InternalIsoldeParser.tokenNames[type] : "";
		if (name.length() < 3 || !Character.isLetter(name.charAt(1))) {
			return PolicyColors.Category.DEFAULT;
		}
		String word = name.substring(1, name.length() - 1);
		return PolicyColors.HOOKS.contains(word) ? PolicyColors.Category.HOOK
				: PolicyColors.CLASSES.contains(word) ? PolicyColors.Category.MEMORY_CLASS : PolicyColors.Category.KEYWORD;
	}

	@Override
	public int getTokenOffset() {
		return base + current.getStartIndex();
	}

	@Override
	public int getTokenLength() {
		return current.getStopIndex() - current.getStartIndex() + 1;
	}
}

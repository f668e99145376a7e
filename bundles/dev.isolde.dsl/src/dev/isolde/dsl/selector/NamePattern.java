// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.selector;

import java.util.regex.PatternSyntaxException;

import dev.isolde.dsl.isolde.Pattern;

/** A compiled selector pattern: an exact kernel object name, a shell glob ({@code *}, {@code ?}) or a /regex/. */
public final class NamePattern {

	/** How a pattern matches names. */
	public enum Form {
		EXACT, GLOB, REGEX
	}

	private final Form form;
	private final String text;
	private final java.util.regex.Pattern compiled;

	private NamePattern(Form form, String text, java.util.regex.Pattern compiled) {
		this.form = form;
		this.text = text;
		this.compiled = compiled;
	}

	/** Compiles a parsed pattern; a malformed /regex/ raises the java.util.regex exception. */
	public static NamePattern of(Pattern pattern) throws PatternSyntaxException {
		if (pattern.getRegex() != null) {
			String regex = pattern.getRegex();
			String body = regex.substring(1, regex.length() - 1);
			// Unanchored like grep: /^vvar_/ anchors itself, /crypto/ finds a substring.
			return new NamePattern(Form.REGEX, regex, java.util.regex.Pattern.compile(body));
		}
		String text = pattern.getName() != null ? pattern.getName() : pattern.getText();
		return text == null ? exact("") : glob(text);
	}

	/** A pattern written as a quoted string: a glob if it contains {@code *} or {@code ?}, else an exact name. */
	public static NamePattern glob(String text) {
		if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
			return exact(text);
		}
		StringBuilder regex = new StringBuilder();
		int literalStart = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '*' || c == '?') {
				regex.append(quote(text.substring(literalStart, i))).append(c == '*' ? ".*" : ".");
				literalStart = i + 1;
			}
		}
		regex.append(quote(text.substring(literalStart)));
		return new NamePattern(Form.GLOB, text, java.util.regex.Pattern.compile(regex.toString()));
	}

	private static String quote(String literal) {
		return literal.isEmpty() ? "" : java.util.regex.Pattern.quote(literal);
	}

	/** A pattern that matches exactly one name. */
	public static NamePattern exact(String name) {
		return new NamePattern(Form.EXACT, name, null);
	}

	/** How this pattern matches. */
	public Form form() {
		return form;
	}

	/** Whether this pattern names one object rather than a family. */
	public boolean isExact() {
		return form == Form.EXACT;
	}

	/** The pattern as written (regexes keep their slashes). */
	public String text() {
		return text;
	}

	/** Whether {@code name} is selected by this pattern. */
	public boolean matches(String name) {
		return switch (form) {
		case EXACT -> text.equals(name);
		case GLOB -> compiled.matcher(name).matches();
		case REGEX -> compiled.matcher(name).find();
		};
	}

	/**
	 * Whether every name {@code other} selects is certainly selected by this pattern: decided exactly for exact
	 * names, and only by identity for two globs or regexes (their inclusion is not worth deciding here).
	 */
	public boolean covers(NamePattern other) {
		if (other.isExact()) {
			return matches(other.text);
		}
		return form == other.form && text.equals(other.text);
	}

	@Override
	public String toString() {
		return text;
	}
}

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.selector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.PatternSyntaxException;

import dev.isolde.dsl.isolde.Pattern;

/**
 * A compiled selector pattern: an exact kernel object name, a shell glob ({@code *}, {@code ?}) or a /regex/. Matching
 * is the engine's {@link dev.isolde.engine.policy.Pattern}, so what the editor says a selector matches is what the
 * classifier selects (regexes grep-like and bounded by {@link dev.isolde.engine.policy.RegexBudget}).
 */
public final class NamePattern {

	/** How a pattern matches names. */
	public enum Form {
		EXACT, GLOB, REGEX
	}

	/** Compiled patterns beyond this many are dropped: typing makes new patterns without end. */
	private static final int MAX_COMPILED = 50_000;

	/**
	 * Regexes compiled earlier, by text: validation runs on every keystroke and compiles each of a large
	 * policy's patterns several times, while most of them have not changed since the last run.
	 */
	private static final Map<String, NamePattern> COMPILED = new ConcurrentHashMap<>();
	/**
	 * Quoted and bare patterns compiled earlier, by text; apart from the regexes so that the parsed text itself is the
	 * key (its hash is computed once per parse, where a combined key was a new string per call).
	 */
	private static final Map<String, NamePattern> COMPILED_TEXTS = new ConcurrentHashMap<>();

	private final Form form;
	private final String text;
	private final dev.isolde.engine.policy.Pattern compiled;

	private NamePattern(Form form, String text, dev.isolde.engine.policy.Pattern compiled) {
		this.form = form;
		this.text = text;
		this.compiled = compiled;
	}

	/** Compiles a parsed pattern; a malformed /regex/ raises the java.util.regex exception. */
	public static NamePattern of(Pattern pattern) throws PatternSyntaxException {
		if (pattern.getRegex() != null) {
			String regex = pattern.getRegex();
			NamePattern known = COMPILED.get(regex);
			if (known != null) {
				return known;
			}
			String body = regex.substring(1, regex.length() - 1);
			// Unanchored like grep: /^vvar_/ anchors itself, /crypto/ finds a substring.
			return remember(COMPILED, regex,
					new NamePattern(Form.REGEX, regex, dev.isolde.engine.policy.Pattern.regex(body)));
		}
		String text = pattern.getName() != null ? pattern.getName() : pattern.getText();
		if (text == null) {
			return exact("");
		}
		NamePattern known = COMPILED_TEXTS.get(text);
		return known != null ? known : remember(COMPILED_TEXTS, text, glob(text));
	}

	private static NamePattern remember(Map<String, NamePattern> memo, String key, NamePattern pattern) {
		if (memo.size() >= MAX_COMPILED) {
			memo.clear();
		}
		memo.put(key, pattern);
		return pattern;
	}

	/** A pattern written as a quoted string: a glob if it contains {@code *} or {@code ?}, else an exact name. */
	public static NamePattern glob(String text) {
		if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
			return exact(text);
		}
		return new NamePattern(Form.GLOB, text, dev.isolde.engine.policy.Pattern.glob(text));
	}

	/** A pattern that matches exactly one name. */
	public static NamePattern exact(String name) {
		return new NamePattern(Form.EXACT, name, dev.isolde.engine.policy.Pattern.exact(name));
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

	/**
	 * Whether {@code name} is selected by this pattern.
	 *
	 * @throws dev.isolde.engine.policy.RegexBudget.TooCostlyException if a regex backtracks without bound on it
	 */
	public boolean matches(String name) {
		return compiled.matches(name);
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

// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import java.util.Objects;

/** A name pattern of the policy language: an exact name, a glob with {@code *} and {@code ?}, or a {@code /regex/}. */
public final class Pattern {
    /** How a pattern matches. */
    public enum Form {
        EXACT, GLOB, REGEX
    }

    private final Form form;
    private final String text;
    private final java.util.regex.Pattern regex;
    private final String globPrefix;
    /** Every match starts with it: most names are rejected without the glob or regex matcher. */
    private final String prefix;

    private Pattern(Form form, String text) {
        this.form = form;
        this.text = Objects.requireNonNull(text, "text");
        this.regex = form == Form.REGEX ? java.util.regex.Pattern.compile(text) : null;
        // "kmalloc-*" style globs are the common case; a prefix test avoids the general matcher.
        this.globPrefix = form == Form.GLOB && text.indexOf('*') == text.length() - 1 && text.indexOf('?') < 0
                ? text.substring(0, text.length() - 1) : null;
        this.prefix = literalPrefix();
    }

    /** Parses the DSL's notation: {@code /re/} is a regex, text with {@code *} or {@code ?} a glob, else exact. */
    public static Pattern of(String source) {
        if (source.length() >= 2 && source.startsWith("/") && source.endsWith("/")) {
            return regex(source.substring(1, source.length() - 1));
        }
        return name(source);
    }

    /**
     * A name as a policy writes it bare or quoted: a glob if it has {@code *} or {@code ?}, else exact; never a regex,
     * even when it starts and ends with a slash ({@code section "/x[/"} names a section, as the validator reads it).
     */
    public static Pattern name(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 ? glob(name) : exact(name);
    }

    /** An exact name. */
    public static Pattern exact(String name) {
        return new Pattern(Form.EXACT, name);
    }

    /** A glob: {@code *} matches any run of characters, {@code ?} one character. */
    public static Pattern glob(String glob) {
        return new Pattern(Form.GLOB, glob);
    }

    /**
     * A Java regular expression, found anywhere in a name like grep ({@code /^vvar_/} anchors itself), evaluated
     * within {@link RegexBudget}.
     */
    public static Pattern regex(String regex) {
        return new Pattern(Form.REGEX, regex);
    }

    /** How this pattern matches. */
    public Form form() {
        return form;
    }

    /** The name, glob or regex text (without slashes). */
    public String text() {
        return text;
    }

    /**
     * The literal text every matching name starts with: the whole name when exact, the part before the first wildcard
     * of a glob, the literal characters after the {@code ^} of an anchored regex without alternation (possibly empty;
     * an unanchored regex may match anywhere, so it promises no prefix).
     */
    public String literalPrefix() {
        return switch (form) {
            case EXACT -> text;
            case GLOB -> text.substring(0, firstWildcard(text));
            case REGEX -> regexPrefix(text);
        };
    }

    private static String regexPrefix(String regex) {
        if (regex.indexOf('|') >= 0 || !regex.startsWith("^")) {
            return "";
        }
        int from = 1;
        int end = from;
        while (end < regex.length() && "\\^$.|?*+()[]{}".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        // A quantifier after the run makes its last character optional: "ab?c" only promises "a".
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0 && end > from) {
            end--;
        }
        return regex.substring(from, end);
    }

    private static int firstWildcard(String glob) {
        int star = glob.indexOf('*');
        int question = glob.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    /** True for an exact name. */
    public boolean isExact() {
        return form == Form.EXACT;
    }

    /** True if {@code name} matches this pattern. */
    public boolean matches(String name) {
        return switch (form) {
            case EXACT -> text.equals(name);
            case GLOB -> globPrefix != null ? name.startsWith(globPrefix)
                    : name.startsWith(prefix) && globMatches(text, name);
            case REGEX -> name.startsWith(prefix) && RegexBudget.find(regex, name);
        };
    }

    private static boolean globMatches(String glob, String s) {
        int g = 0;
        int i = 0;
        int star = -1;
        int mark = 0;
        while (i < s.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == s.charAt(i))) {
                g++;
                i++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                mark = i;
            } else if (star >= 0) {
                g = star + 1;
                i = ++mark;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** The DSL notation of this pattern. */
    @Override
    public String toString() {
        return form == Form.REGEX ? "/" + text + "/" : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.form == form && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return form.hashCode() * 31 + text.hashCode();
    }
}

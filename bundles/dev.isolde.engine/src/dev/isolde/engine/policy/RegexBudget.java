// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

/**
 * Runs a policy's regular expression over one kernel name with a bound on its work. java.util.regex backtracks, so
 * a pattern such as {@code /(a+)+$/} takes exponential time on a long name; a policy from someone else must not be
 * able to hang the workbench or the CLI with one. The bound counts character reads: a sane pattern reads each
 * character of a name a few times, a catastrophic one millions of times.
 */
public final class RegexBudget {
    /** Character reads allowed for one match: kernel names are at most 511 characters (KSYM_NAME_LEN). */
    public static final int MAX_READS = 1_000_000;

    private RegexBudget() {
    }

    /** Whether {@code regex} finds a match anywhere in {@code name} (grep-like: {@code ^} and {@code $} anchor). */
    public static boolean find(java.util.regex.Pattern regex, String name) {
        return regex.matcher(new Counted(name, regex)).find();
    }

    /** Thrown when a match needs more than {@link #MAX_READS} character reads. */
    public static final class TooCostlyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String pattern;
        private final String name;

        TooCostlyException(String pattern, String name) {
            this("", pattern, name);
        }

        private TooCostlyException(String where, String pattern, String name) {
            super(where + "regular expression /" + pattern + "/ backtracks too much: more than " + MAX_READS
                    + " steps on the " + name.length() + "-character name '" + abbreviate(name)
                    + "'; rewrite it without nested repetition such as (a+)+");
            this.pattern = pattern;
            this.name = name;
        }

        /** The same failure, its message starting with the rule's {@code file:line:column}. */
        public TooCostlyException at(SourceLocation loc) {
            TooCostlyException e = new TooCostlyException(loc + ": ", pattern, name);
            e.initCause(this);
            return e;
        }

        /** The regex, without slashes. */
        public String pattern() {
            return pattern;
        }

        /** The name it was being matched against. */
        public String name() {
            return name;
        }

        private static String abbreviate(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }

    /** The name as the matcher sees it, counting every character the matcher reads. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final java.util.regex.Pattern regex;
        private int reads;

        Counted(String text, java.util.regex.Pattern regex) {
            this.text = text;
            this.regex = regex;
        }

        @Override
        public char charAt(int index) {
            if (++reads > MAX_READS) {
                throw new TooCostlyException(regex.pattern(), text);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

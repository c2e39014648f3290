package io.liaison.content.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A categorisation rule's file name pattern, matched in bounded time: an attachment's name is chosen by whoever sent
 * the mail, and Java's regular expressions backtrack exponentially on patterns such as {@code (a+)+$}. A glob is
 * matched by a wildcard matcher without backtracking (at most name length x pattern length steps) and may hold at
 * most {@value #MAX_GLOB_STARS} '*'; a {@code regex:} pattern runs on a view of the name that counts the characters
 * the engine reads and gives up after {@value #MAX_STEPS}. Both compare case-insensitively, as the rules always did.
 */
abstract sealed class FileNamePattern {
    /** Globs with more are refused: no file name rule needs them, and each adds a factor to the worst case. */
    static final int MAX_GLOB_STARS = 16;
    /** Characters a regular expression may read per name: ample for any sane pattern on a long name. */
    static final int MAX_STEPS = 2_000_000;
    private static final String REGEX = "regex:";

    /** A regular expression read more of a name than {@link #MAX_STEPS} allows. */
    static final class TooManyStepsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyStepsException(String message) {
            super(message);
        }
    }

    final String rule;

    private FileNamePattern(String rule) {
        this.rule = rule;
    }

    /**
     * Compiles a rule's pattern.
     *
     * @throws IllegalArgumentException naming the rule when the pattern is invalid or a glob has too many '*'
     */
    static FileNamePattern compile(String rule, String pattern) {
        if (pattern.startsWith(REGEX)) {
            try {
                return new Regex(rule, Pattern.compile(pattern.substring(REGEX.length()),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("rule '" + rule + "' has an invalid file name pattern: "
                        + e.getDescription(), e);
            }
        }
        long stars = pattern.chars().filter(c -> c == '*').count();
        if (stars > MAX_GLOB_STARS) {
            throw new IllegalArgumentException("rule '" + rule + "' has a file name pattern with " + stars
                    + " '*', more than the " + MAX_GLOB_STARS + " allowed");
        }
        return new Glob(rule, CategoryRule.fold(pattern));
    }

    /**
     * Whether the whole name matches.
     *
     * @throws TooManyStepsException naming the rule when a regular expression reads too much of the name
     */
    abstract boolean matches(String fileName);

    private static final class Regex extends FileNamePattern {
        private final Pattern pattern;

        Regex(String rule, Pattern pattern) {
            super(rule);
            this.pattern = pattern;
        }

        @Override
        boolean matches(String fileName) {
            return pattern.matcher(new CountedName(fileName, this)).matches();
        }
    }

    /** A name that counts the characters read from it and stops the match when there were too many. */
    private static final class CountedName implements CharSequence {
        private final String name;
        private final FileNamePattern pattern;
        private final int[] steps;

        CountedName(String name, FileNamePattern pattern) {
            this(name, pattern, new int[1]);
        }

        private CountedName(String name, FileNamePattern pattern, int[] steps) {
            this.name = name;
            this.pattern = pattern;
            this.steps = steps;
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new TooManyStepsException("the file name pattern of rule '" + pattern.rule + "' read more than "
                        + MAX_STEPS + " characters of a name of " + name.length() + " characters (a pattern with"
                        + " nested repetition such as (a+)+ backtracks without end): taken as not matching");
            }
            return name.charAt(index);
        }

        @Override
        public int length() {
            return name.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountedName(name.substring(start, end), pattern, steps);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** '*' any run of characters, '?' one character, everything else itself; compared case-folded. */
    private static final class Glob extends FileNamePattern {
        private final int[] pattern;

        Glob(String rule, String folded) {
            super(rule);
            this.pattern = folded.codePoints().toArray();
        }

        /**
         * The classic wildcard match: on a mismatch after a '*', the star takes one more character and the rest
         * of the pattern is tried from there; no earlier star is ever revisited, which is what makes it linear in
         * the number of stars.
         */
        @Override
        boolean matches(String fileName) {
            int[] name = CategoryRule.fold(fileName).codePoints().toArray();
            int n = 0;
            int p = 0;
            int star = -1;
            int starMatch = 0;
            while (n < name.length) {
                if (p < pattern.length && (pattern[p] == '?' || pattern[p] == name[n])) {
                    n++;
                    p++;
                } else if (p < pattern.length && pattern[p] == '*') {
                    star = p++;
                    starMatch = n;
                } else if (star >= 0) {
                    p = star + 1;
                    n = ++starMatch;
                } else {
                    return false;
                }
            }
            while (p < pattern.length && pattern[p] == '*') {
                p++;
            }
            return p == pattern.length;
        }
    }
}

package io.liaison.duplicates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.commons.codec.language.ColognePhonetic;

/**
 * Compares two normalised first or last names: equal, one the initial of the other, similar (Jaro-Winkler at
 * or above the threshold, one typo apart, or the same Kölner Phonetik code with a lower Jaro-Winkler), different,
 * or unknown when a side has no name.
 */
public final class NameComparer {
    private static final ColognePhonetic COLOGNE = new ColognePhonetic();

    /** How two names compare. */
    public enum Kind {
        EQUAL, INITIAL, SIMILAR, DIFFERENT, UNKNOWN;

        /** Equal, an initial or similar. */
        public boolean alike() {
            return this == EQUAL || this == INITIAL || this == SIMILAR;
        }
    }

    /** Why two names are alike or not, for the words of a reason. */
    enum Basis { NONE, EQUAL, INITIAL, SPELLING, VARIANT, JARO_WINKLER, TYPO, PHONETIC, GIVEN_NAME, NAME_PART, DIFFERENT }

    /**
     * A comparison. Its words are made only when a reason needs them.
     *
     * @param kind  how they compare
     * @param score Jaro-Winkler similarity (1 for equal, 0 for unknown)
     * @param a     the one name
     * @param b     the other name
     * @param basis why
     * @param code  the shared Kölner Phonetik code, for {@code PHONETIC}
     */
    public record Likeness(Kind kind, double score, String a, String b, Basis basis, String code) {
        /** The comparison in words, for reasons. */
        public String how() {
            // as String.format("%.2f") rounds (half up from the shortest decimal form), without a Formatter per call
            String similarity = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).toPlainString();
            return switch (basis) {
                case NONE -> "";
                case EQUAL -> a;
                case INITIAL -> a + " is an initial of " + b;
                case SPELLING -> a + " ~ " + b + " (another spelling of one name)";
                case VARIANT -> a + " ~ " + b + " (forms of one name by the given-name list)";
                case JARO_WINKLER -> a + " ~ " + b + " (Jaro-Winkler " + similarity + ")";
                case TYPO -> a + " ~ " + b + " (one typo apart, Jaro-Winkler " + similarity + ")";
                case PHONETIC -> a + " ~ " + b + " (Kölner Phonetik " + code + ", Jaro-Winkler " + similarity + ")";
                case GIVEN_NAME -> a + " ~ " + b + " (a given name in common)";
                case NAME_PART -> a + " ~ " + b + " (a part of a double name in common)";
                case DIFFERENT -> a + " ≠ " + b;
            };
        }
    }

    /** Names shorter than this are not forgiven a typo: "uwe" and "ute" are different people. */
    static final int MIN_TYPO_LENGTH = 4;

    private final MatchSettings settings;

    public NameComparer(MatchSettings settings) {
        this.settings = settings;
    }

    /** The Kölner Phonetik code of a normalised name ("" for none). */
    public static String phonetic(String name) {
        return name.isEmpty() ? "" : COLOGNE.colognePhonetic(name);
    }

    /**
     * A name prepared for comparing it with many others: its letter counts, counted once, for the cheap bound of
     * {@link #jaroWinklerBound}. Not thread-safe (it holds the scratch array of the bound); one per check.
     */
    public static final class Prepared {
        private final String name;
        private final String code;
        private final int[] counts;
        private final int[] work;
        /** {@link GivenNames#spelling} of the name, made on first use. */
        private String spelling;
        /** Scratch for {@link NameComparer#jaroWinkler}, grown on demand. */
        private int[] matchIndexes = new int[16];
        private boolean[] matchFlags = new boolean[16];

        private Prepared(String name, String code) {
            this.name = name;
            this.code = code;
            int[] c = new int[128];
            for (int i = 0; i < name.length(); i++) {
                char ch = name.charAt(i);
                if (ch >= 128) {
                    c = null;
                    break;
                }
                c[ch]++;
            }
            this.counts = c;
            this.work = c == null ? null : new int[128];
        }

        String spelling() {
            if (spelling == null) {
                spelling = GivenNames.spelling(name);
            }
            return spelling;
        }

        /** {@link NameComparer#jaroWinkler} of this name and another, on this name's scratch arrays. */
        double jaroWinkler(String b) {
            int longest = Math.max(name.length(), b.length());
            if (matchIndexes.length < longest) {
                matchIndexes = new int[longest];
                matchFlags = new boolean[longest];
            }
            return NameComparer.jaroWinkler(name, b, matchIndexes, matchFlags);
        }

        /** {@link #jaroWinklerBound}, with this name as the first one. */
        double bound(String b) {
            if (counts == null) {
                return 1;
            }
            int[] left = work;
            System.arraycopy(counts, 0, left, 0, 128);
            int common = 0;
            for (int i = 0; i < b.length(); i++) {
                char c = b.charAt(i);
                if (c >= 128) {
                    return 1;
                }
                if (left[c] > 0) {
                    left[c]--;
                    common++;
                }
            }
            return NameComparer.bound(name, b, common);
        }
    }

    /**
     * The Jaro-Winkler similarity as Apache Commons Text's {@code JaroWinklerSimilarity} computes it (the same
     * matching window, half transpositions, prefix of at most 4, boost only from 0.7, and the same arithmetic in the
     * same order, so the same double), without its per-call arrays and boxed characters: a check compares hundreds of
     * names. The scratch arrays must hold at least the longer name's length. A test compares it with the library.
     */
    static double jaroWinkler(String left, String right, int[] matchIndexes, boolean[] matchFlags) {
        if (left.equals(right)) {
            return 1d;
        }
        String max;
        String min;
        if (left.length() > right.length()) {
            max = left;
            min = right;
        } else {
            max = right;
            min = left;
        }
        int range = Math.max(max.length() / 2 - 1, 0);
        int minLength = min.length();
        int maxLength = max.length();
        Arrays.fill(matchIndexes, 0, minLength, -1);
        Arrays.fill(matchFlags, 0, maxLength, false);
        int matches = 0;
        for (int mi = 0; mi < minLength; mi++) {
            char c1 = min.charAt(mi);
            for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, maxLength); xi < xn; xi++) {
                if (!matchFlags[xi] && c1 == max.charAt(xi)) {
                    matchIndexes[mi] = xi;
                    matchFlags[xi] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0d;
        }
        // the k-th matched character of the shorter name against the k-th matched one of the longer, in order
        int halfTranspositions = 0;
        int xi = 0;
        for (int mi = 0; mi < minLength; mi++) {
            if (matchIndexes[mi] == -1) {
                continue;
            }
            while (!matchFlags[xi]) {
                xi++;
            }
            if (min.charAt(mi) != max.charAt(xi)) {
                halfTranspositions++;
            }
            xi++;
        }
        int prefix = 0;
        for (int mi = 0; mi < Math.min(4, minLength); mi++) {
            if (left.charAt(mi) != right.charAt(mi)) {
                break;
            }
            prefix++;
        }
        double m = matches;
        double j = ((m / left.length() + m / right.length() + (m - (double) halfTranspositions / 2) / m)) / 3;
        return j < 0.7d ? j : j + 0.1d * prefix * (1d - j);
    }

    /** A name (with its Kölner Phonetik code) prepared for comparing it with many others. */
    public static Prepared prepare(String name, String code) {
        return new Prepared(name, code);
    }

    /** Compares two family names, given with their Kölner Phonetik codes. */
    public Likeness lastNames(String a, String aCode, String b, String bCode) {
        return compare(a, aCode, b, bCode, false, null);
    }

    /** Compares a prepared family name with another. */
    public Likeness lastNames(Prepared a, String b, String bCode) {
        return compare(a.name, a.code, b, bCode, false, a);
    }

    /** Compares two given names; an initial ("A.") is alike to every name starting with it. */
    public Likeness firstNames(String a, String aCode, String b, String bCode) {
        return compare(a, aCode, b, bCode, true, null);
    }

    /** Compares a prepared given name with another. */
    public Likeness firstNames(Prepared a, String b, String bCode) {
        return compare(a.name, a.code, b, bCode, true, a);
    }

    private Likeness compare(String a, String aCode, String b, String bCode, boolean initials, Prepared prepared) {
        if (a.isEmpty() || b.isEmpty()) {
            return new Likeness(Kind.UNKNOWN, 0, a, b, Basis.NONE, "");
        }
        if (a.equals(b)) {
            return new Likeness(Kind.EQUAL, 1, a, b, Basis.EQUAL, "");
        }
        if (initials && (a.length() == 1 || b.length() == 1)) {
            boolean initial = a.charAt(0) == b.charAt(0);
            return new Likeness(initial ? Kind.INITIAL : Kind.DIFFERENT, initial ? 0.9 : 0, a, b,
                    initial ? Basis.INITIAL : Basis.DIFFERENT, "");
        }
        if (initials && GivenNames.differentPeople(a, b)) {
            // Paul / Paula, Maria / Mario, Christian / Christina: one typo apart, and never one person
            return new Likeness(Kind.DIFFERENT, 0, a, b, Basis.DIFFERENT, "");
        }
        if (initials) {
            Likeness given = givenNames(a, b, prepared);
            if (given != null) {
                return given;
            }
        }
        double bound = prepared != null ? prepared.bound(b) : jaroWinklerBound(a, b);
        if (bound < Math.min(settings.nameSimilarity(), settings.phoneticSimilarity())) {
            // too few letters in common for any similarity rule: only a typo could still make them alike
            boolean typo = a.length() >= MIN_TYPO_LENGTH && b.length() >= MIN_TYPO_LENGTH && oneTypoApart(a, b);
            if (!typo && !initials && sharesGivenName(a, b)) {
                // Müller-Lüdenscheidt / Müller: a double family name and one of its parts
                return new Likeness(Kind.SIMILAR, bound, a, b, Basis.NAME_PART, "");
            }
            return new Likeness(typo ? Kind.SIMILAR : Kind.DIFFERENT, bound, a, b, typo ? Basis.TYPO : Basis.DIFFERENT, "");
        }
        double score = prepared != null ? prepared.jaroWinkler(b) : jaroWinkler(a, b, new int[a.length() + b.length()],
                new boolean[a.length() + b.length()]);
        if (score >= settings.nameSimilarity() && !(initials && prefixOnly(a, b, score))) {
            return new Likeness(Kind.SIMILAR, score, a, b, Basis.JARO_WINKLER, "");
        }
        if (a.length() >= MIN_TYPO_LENGTH && b.length() >= MIN_TYPO_LENGTH && oneTypoApart(a, b)) {
            return new Likeness(Kind.SIMILAR, score, a, b, Basis.TYPO, "");
        }
        if (score >= settings.phoneticSimilarity() && !aCode.isEmpty() && aCode.equals(bCode)) {
            return new Likeness(Kind.SIMILAR, score, a, b, Basis.PHONETIC, aCode);
        }
        if (sharesGivenName(a, b)) {
            return new Likeness(Kind.SIMILAR, score, a, b, initials ? Basis.GIVEN_NAME : Basis.NAME_PART, "");
        }
        return new Likeness(Kind.DIFFERENT, score, a, b, Basis.DIFFERENT, "");
    }

    /**
     * The rules of given names that come before the similarity rules: one name in another spelling (Stefanie /
     * Stephanie, Sophie / Sofia) or, by the published lists, another form of it (Hans / Johannes, Bill / William)
     * is alike; names of different genders by the list, or two names the list knows that are none of these nor
     * two letters swapped (Leonie / Lena, Hannah / Jana, Karin / Katrin), are different, however alike they sound
     * or begin. Null when
     * a name is not in the list (a typo, a rare name): the similarity rules decide then.
     */
    private Likeness givenNames(String a, String b, Prepared prepared) {
        String spellingA = prepared != null ? prepared.spelling() : GivenNames.spelling(a);
        String spellingB = GivenNames.spelling(b);
        if (spellingA.equals(spellingB)) {
            return new Likeness(Kind.SIMILAR, score(a, b, prepared), a, b, Basis.SPELLING, "");
        }
        GivenNameLists lists = GivenNameLists.get();
        if (lists.variants(a, b)) {
            return new Likeness(Kind.SIMILAR, score(a, b, prepared), a, b, Basis.VARIANT, "");
        }
        GivenNameLists.Gender genderA = lists.gender(a);
        GivenNameLists.Gender genderB = lists.gender(b);
        boolean gendered = (genderA == GivenNameLists.Gender.MALE || genderA == GivenNameLists.Gender.FEMALE)
                && (genderB == GivenNameLists.Gender.MALE || genderB == GivenNameLists.Gender.FEMALE);
        if (gendered && genderA != genderB) {
            return new Likeness(Kind.DIFFERENT, differentScore(a, b, prepared), a, b, Basis.DIFFERENT, "");
        }
        if (lists.known(a) && lists.known(b)) {
            if (GivenNames.otherEnding(spellingA, spellingB)) {
                return new Likeness(Kind.SIMILAR, score(a, b, prepared), a, b, Basis.SPELLING, "");
            }
            if (GivenNames.neighboursSwapped(a, b) || GivenNames.neighboursSwapped(spellingA, spellingB)) {
                return new Likeness(Kind.SIMILAR, score(a, b, prepared), a, b, Basis.TYPO, "");
            }
            return new Likeness(Kind.DIFFERENT, differentScore(a, b, prepared), a, b, Basis.DIFFERENT, "");
        }
        return null;
    }

    /**
     * The score of two different given names, as the similarity rules give it (it orders matches resting on a shared
     * value): the cheap bound when it is below the thresholds, the Jaro-Winkler similarity otherwise.
     */
    private double differentScore(String a, String b, Prepared prepared) {
        double bound = prepared != null ? prepared.bound(b) : jaroWinklerBound(a, b);
        return bound < Math.min(settings.nameSimilarity(), settings.phoneticSimilarity()) ? bound : score(a, b, prepared);
    }

    private static double score(String a, String b, Prepared prepared) {
        return prepared != null ? prepared.jaroWinkler(b)
                : jaroWinkler(a, b, new int[a.length() + b.length()], new boolean[a.length() + b.length()]);
    }

    /**
     * Whether two given names reach the Jaro-Winkler threshold only by Winkler's boost for a common prefix: the
     * Jaro similarity itself is below it. Frank / Franziska (Jaro 0.85, Jaro-Winkler 0.91) and Chris / Christoph
     * share a beginning, not a name.
     */
    private boolean prefixOnly(String a, String b, double jaroWinkler) {
        int prefix = 0;
        while (prefix < 4 && prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        // Jaro-Winkler is jaro + 0.1 * prefix * (1 - jaro) from a Jaro of 0.7 on (and the threshold is above 0.7)
        double jaro = (jaroWinkler - 0.1 * prefix) / (1 - 0.1 * prefix);
        return jaro < settings.nameSimilarity();
    }

    /**
     * An upper bound of the Jaro-Winkler similarity from the letters two names have in common, whatever their
     * order, and their common prefix: cheap, and below the thresholds for most pairs of different names. 1 when
     * a name holds letters beyond ASCII (no bound then).
     */
    static double jaroWinklerBound(String a, String b) {
        int[] counts = new int[128];
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c >= 128) {
                return 1;
            }
            counts[c]++;
        }
        int common = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= 128) {
                return 1;
            }
            if (counts[c] > 0) {
                counts[c]--;
                common++;
            }
        }
        return bound(a, b, common);
    }

    private static double bound(String a, String b, int common) {
        if (common == 0) {
            return 0;
        }
        double jaro = ((double) common / a.length() + (double) common / b.length() + 1) / 3;
        int prefix = 0;
        while (prefix < 4 && prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /**
     * Whether one letter inserted, dropped, replaced, or two neighbours swapped turn one name into the other
     * (optimal string alignment distance 1). Jaro-Winkler alone rates such a typo in a short name low
     * ("bauer" / "bsuer" 0.88).
     */
    static boolean oneTypoApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i == la) {
                return true;
            }
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
    }

    /**
     * "hans peter" and "peter": people go by one of their given names; "mueller-luedenscheidt" and "mueller": a double
     * family name is often shortened to one of its parts.
     */
    private static boolean sharesGivenName(String a, String b) {
        if (a.indexOf(' ') < 0 && a.indexOf('-') < 0 && b.indexOf(' ') < 0 && b.indexOf('-') < 0) {
            return false;
        }
        String[] left = a.split("[ -]");
        String[] right = b.split("[ -]");
        if (left.length == 1 && right.length == 1) {
            return false;
        }
        for (String l : left) {
            for (String r : right) {
                if (l.length() >= 3 && l.equals(r)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.liaison.duplicates.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Given names that look alike but belong to different people: the masculine and feminine forms of one name. German
 * (and Romance) names form the feminine by an ending: {@code -a} (Paul / Paula, Jan / Jana, Daniel / Daniela,
 * Michael / Michaela, Martin / Martina), {@code -e} (Simon / Simone, Louis / Louise), {@code -ie}
 * (Stefan / Stefanie), {@code -ine} (Paul / Pauline, Josef / Josefine), or by swapping the final vowel
 * (Mario / Maria, Carlo / Carla, Antonio / Antonia). The forms a rule cannot see are listed below: the pairs
 * of issue 21 (Frank / Franziska, Andreas / Andrea) and common German pairs of the same kind; a name of either
 * gender alone (Andrea is female in German, male in Italian) is left to the published gender list
 * ({@link GivenNameLists}), which decides only between names of one gender each. Also the spelling rules of given
 * names: {@link #spelling}, {@link #otherEnding}, {@link #neighboursSwapped}.
 */
final class GivenNames {
    /** Pairs no ending rule covers, normalised (lower case, umlauts written out), each as "masculine|feminine". */
    private static final List<String> PAIRS = List.of(
            "andreas|andrea", "frank|franziska", "franz|franziska", "christian|christina", "christian|christiane",
            "alexander|alexandra", "gabriel|gabriele", "gabriel|gabriela", "bernhard|bernadette", "nikolaus|nicole",
            "claus|claudia", "klaus|claudia", "johann|johanna", "johannes|johanna", "friedrich|friederike",
            "heinrich|henriette", "julius|julia", "ulrich|ulrike", "stephan|stefanie", "stefan|stephanie",
            "hans|hanna", "patrick|patricia", "michel|michelle", "daniel|danielle", "jean|jeanne");
    /** Each name of {@link #PAIRS} with the names it is paired with, both ways: looked up without building strings. */
    private static final Map<String, Set<String>> PAIRED = paired();

    /** Feminine endings added to a masculine name. */
    private static final String[] ENDINGS = {"a", "e", "ie", "ine", "ina"};
    /** Final vowels whose swap changes the gender (Mario / Maria, Marie / Mario). */
    private static final String GENDER_VOWELS = "aeo";

    private GivenNames() {
    }

    /** Whether two different normalised given names are the masculine and feminine forms of one name. */
    static boolean differentPeople(String a, String b) {
        Set<String> paired = PAIRED.get(a);
        if (paired != null && paired.contains(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < 3 || !longer.startsWith(shorter)) {
            return sameStemOtherVowel(a, b);
        }
        for (String feminine : ENDINGS) {
            if (longer.length() == shorter.length() + feminine.length() && longer.endsWith(feminine)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A normalised given name with its spelling variants levelled: umlauts without their e (ue → u, oe → o,
     * ae → a: the normaliser writes ü as ue, and Jurgen, Soren, Omer are the same names typed without umlauts), ph → f,
     * th → t, chr → kr, ck → k, c → k (not in "ch"), y → i, a silent h after a vowel at the end dropped and doubled
     * letters single. Stephanie and Stefanie, Günther and Gunter, Christian and Kristian, Matthias and Mathias,
     * Sarah and Sara get one form.
     */
    static String spelling(String name) {
        if (!needsLevelling(name)) {
            // most names: a check compares hundreds, so no copies for them
            return name;
        }
        // one pass, no intermediate strings: a check compares hundreds of names
        StringBuilder out = new StringBuilder(name.length());
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            char previous = i > 0 ? name.charAt(i - 1) : 0;
            char next = i + 1 < length ? name.charAt(i + 1) : 0;
            if (c == 'e' && (previous == 'u' || previous == 'o' || previous == 'a')) {
                continue;
            }
            if (c == 'h' && previous == 'p' && out.length() > 0 && out.charAt(out.length() - 1) == 'p') {
                out.setCharAt(out.length() - 1, 'f');
                continue;
            }
            if (c == 'h' && previous == 't') {
                continue;
            }
            if (c == 'c') {
                if (next == 'h' && i + 2 < length && name.charAt(i + 2) == 'r') {
                    i++;
                    c = 'k';
                } else if (next == 'k') {
                    i++;
                    c = 'k';
                } else if (next != 'h') {
                    c = 'k';
                }
            } else if (c == 'y') {
                c = 'i';
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(c);
        }
        int n = out.length();
        if (n > 2 && out.charAt(n - 1) == 'h' && "aeiou".indexOf(out.charAt(n - 2)) >= 0) {
            out.setLength(n - 1);
        }
        return out.toString();
    }

    /** Whether {@link #spelling} would change a name: an e after u, o or a, a c, h or y, or a doubled letter. */
    private static boolean needsLevelling(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 'c' || c == 'h' || c == 'y' || (i > 0 && name.charAt(i - 1) == c)
                    || (c == 'e' && i > 0 && "uoa".indexOf(name.charAt(i - 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two levelled spellings differ only in their final vowels, from a stem of three letters on: Sophie /
     * Sofia, Marie / Maria, Anne / Anna, Grete / Greta, forms of one name (the other gender's forms are ruled out
     * before). Lena / Lina or Karin / Katrin differ inside the stem: different names.
     */
    static boolean otherEnding(String a, String b) {
        int stemA = stem(a);
        int stemB = stem(b);
        return stemA >= 3 && stemA == stemB && a.regionMatches(0, b, 0, stemA);
    }

    /**
     * Whether two names are one swap of neighbouring letters apart (Sebastian / Sebastain, Michael / Micheal,
     * Alexander / Alexandre): the commonest typo, and one that seldom turns a name into another.
     */
    static boolean neighboursSwapped(String a, String b) {
        int n = a.length();
        if (n != b.length() || n < 4) {
            return false;
        }
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.regionMatches(i + 2, b, i + 2, n - i - 2);
    }

    private static int stem(String name) {
        int end = name.length();
        while (end > 0 && "aeiou".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static Map<String, Set<String>> paired() {
        Map<String, Set<String>> paired = new HashMap<>();
        for (String pair : PAIRS) {
            String[] names = pair.split("\\|");
            paired.computeIfAbsent(names[0], k -> new HashSet<>()).add(names[1]);
            paired.computeIfAbsent(names[1], k -> new HashSet<>()).add(names[0]);
        }
        return Map.copyOf(paired);
    }

    private static boolean sameStemOtherVowel(String a, String b) {
        int n = a.length();
        if (n < 3 || b.length() != n || !a.regionMatches(0, b, 0, n - 1)) {
            return false;
        }
        char x = a.charAt(n - 1);
        char y = b.charAt(n - 1);
        return x != y && GENDER_VOWELS.indexOf(x) >= 0 && GENDER_VOWELS.indexOf(y) >= 0;
    }
}

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
 * (Mario / Maria, Carlo / Carla, Antonio / Antonia). No published first-name list with gender is available to
 * the build (none in the Maven repositories it reaches), so the forms a rule cannot see are listed below: the pairs
 * of issue 21 (Frank / Franziska, Andreas / Andrea) and common German pairs of the same kind.
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

package io.liaison.duplicates.internal;

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
    private static final Set<String> PAIRS = Set.of(
            "andreas|andrea", "frank|franziska", "franz|franziska", "christian|christina", "christian|christiane",
            "alexander|alexandra", "gabriel|gabriele", "gabriel|gabriela", "bernhard|bernadette", "nikolaus|nicole",
            "claus|claudia", "klaus|claudia", "johann|johanna", "johannes|johanna", "friedrich|friederike",
            "heinrich|henriette", "julius|julia", "ulrich|ulrike", "stephan|stefanie", "stefan|stephanie",
            "hans|hanna", "patrick|patricia", "michel|michelle", "daniel|danielle", "jean|jeanne");
    /** Feminine endings added to a masculine name. */
    private static final String[] ENDINGS = {"a", "e", "ie", "ine", "ina"};
    /** Final vowels whose swap changes the gender (Mario / Maria, Marie / Mario). */
    private static final String GENDER_VOWELS = "aeo";

    private GivenNames() {
    }

    /** Whether two different normalised given names are the masculine and feminine forms of one name. */
    static boolean differentPeople(String a, String b) {
        if (PAIRS.contains(a + "|" + b) || PAIRS.contains(b + "|" + a)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < 3 || !longer.startsWith(shorter)) {
            return sameStemOtherVowel(a, b);
        }
        String ending = longer.substring(shorter.length());
        for (String feminine : ENDINGS) {
            if (ending.equals(feminine)) {
                return true;
            }
        }
        return false;
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

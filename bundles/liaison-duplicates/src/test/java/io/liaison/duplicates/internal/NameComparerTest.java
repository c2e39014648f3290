package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** The comparer's own Jaro-Winkler gives exactly (to the bit) what Apache Commons Text's gives. */
class NameComparerTest {
    private static final JaroWinklerSimilarity LIBRARY = new JaroWinklerSimilarity();

    @Test
    void jaroWinklerIsTheLibrarysToTheBit() {
        Set<String> distinct = new LinkedHashSet<>(List.of("a", "ab", "ba", "martha", "marhta", "dwayne", "duane",
                "dixon", "dicksonx", "jellyfish", "smellyfish", "hans peter", "hans-peter", "mueller", "muller",
                "meier", "mayer", "maier", "bauer", "bsuer", "uwe", "ute", "aaaa", "aaab", "abcdefghij", "jihgfedcba",
                "zoë", "zoe", "małgorzata", "malgorzata"));
        ContactNormalizer normalizer = new ContactNormalizer("DE");
        // the data set's names and their misspellings (the incoming contacts')
        SyntheticContacts data = new SyntheticContacts(7L, 1500, 1500);
        List<NormalizedContact> contacts = new ArrayList<>();
        data.crmRendered.forEach(rendered -> contacts.add(normalizer.normalize(Fixtures.data(rendered))));
        data.incoming.forEach(l -> contacts.add(normalizer.normalize(Fixtures.data(l.candidate()))));
        for (NormalizedContact c : contacts) {
            for (String name : List.of(c.firstName(), c.lastName())) {
                if (!name.isEmpty() && distinct.size() < 700) {
                    distinct.add(name);
                }
            }
        }
        List<String> names = new ArrayList<>(distinct);
        assertThat(names).hasSizeGreaterThan(300);
        int compared = 0;
        for (String a : names) {
            NameComparer.Prepared prepared = NameComparer.prepare(a, NameComparer.phonetic(a));
            for (String b : names) {
                double expected = LIBRARY.apply(a, b);
                assertThat(NameComparer.jaroWinkler(a, b, new int[64], new boolean[64])).as(a + " / " + b)
                        .isEqualTo(expected);
                assertThat(prepared.jaroWinkler(b)).as(a + " / " + b).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(names.size() * names.size());
    }

    /**
     * Issue 16 point 4: given names are alike as spellings, forms (by the published lists) or typos of one name, not
     * for sounding or beginning alike; the expected kinds are those of name dictionaries, not of the code.
     */
    @Test
    void givenNamesAreAlikeAsFormsOfOneNameOnly() {
        NameComparer comparer = new NameComparer(MatchSettings.defaults());
        for (String[] pair : new String[][] {{"frank", "franziska"}, {"leonie", "lena"}, {"hannah", "jana"},
                {"karin", "katrin"}, {"lena", "lina"}, {"ralf", "rolf"}, {"heike", "heiko"}}) {
            assertThat(kind(comparer, pair[0], pair[1])).as(pair[0] + " / " + pair[1]).isEqualTo(NameComparer.Kind.DIFFERENT);
        }
        for (String[] pair : new String[][] {{"sophie", "sofia"}, {"hans", "johannes"}, {"juergen", "jurgen"},
                {"stefanie", "stephanie"}, {"william", "bill"}, {"sebastian", "sebastain"}, {"katharina", "katharian"},
                {"christian", "kristian"}, {"sarah", "sara"}}) {
            assertThat(kind(comparer, pair[0], pair[1])).as(pair[0] + " / " + pair[1]).isEqualTo(NameComparer.Kind.SIMILAR);
        }
        assertThat(comparer.firstNames("hans", NameComparer.phonetic("hans"), "johannes",
                NameComparer.phonetic("johannes")).how()).isEqualTo("hans ~ johannes (forms of one name by the given-name list)");
    }

    /** Spellings of one name level to one form; different names do not. */
    @Test
    void spellingsOfOneNameLevelToOneForm() {
        for (String[] pair : new String[][] {{"stephanie", "stefanie"}, {"guenther", "gunter"}, {"christian", "kristian"},
                {"matthias", "mathias"}, {"sarah", "sara"}, {"philipp", "filip"}, {"monica", "monika"},
                {"niklas", "nicklas"}, {"kai", "kay"}, {"yvonne", "ivonne"}, {"joerg", "jorg"}}) {
            assertThat(GivenNames.spelling(pair[0])).as(pair[0] + " / " + pair[1]).isEqualTo(GivenNames.spelling(pair[1]));
        }
        for (String[] pair : new String[][] {{"hannah", "jana"}, {"lena", "lina"}, {"karin", "katrin"}, {"ralf", "rolf"}}) {
            assertThat(GivenNames.spelling(pair[0])).as(pair[0] + " / " + pair[1]).isNotEqualTo(GivenNames.spelling(pair[1]));
        }
    }

    /** A check for Bill looks up William's keys too: they share neither initial nor sound. */
    @Test
    void aCheckLooksUpTheKeysOfTheOtherFormsOfItsGivenName() {
        ContactNormalizer normalizer = new ContactNormalizer("DE");
        NormalizedContact bill = normalizer.normalize(Fixtures.data(new io.liaison.api.duplicates.ContactCandidate("",
                "Bill", "Becker", List.of(), List.of(), List.of(), "")));
        NormalizedContact william = normalizer.normalize(Fixtures.data(new io.liaison.api.duplicates.ContactCandidate("",
                "William", "Becker", List.of(), List.of(), List.of(), "")));
        assertThat(MatchKeys.nameKeys(bill)).doesNotContainAnyElementsOf(MatchKeys.nameKeys(william));
        assertThat(MatchKeys.lookupNameKeys(bill)).containsAnyElementsOf(MatchKeys.nameKeys(william));
    }

    private static NameComparer.Kind kind(NameComparer comparer, String a, String b) {
        return comparer.firstNames(a, NameComparer.phonetic(a), b, NameComparer.phonetic(b)).kind();
    }
}

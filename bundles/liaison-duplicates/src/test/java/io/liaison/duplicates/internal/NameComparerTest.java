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
}

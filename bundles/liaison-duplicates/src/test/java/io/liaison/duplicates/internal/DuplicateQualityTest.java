package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The quality of the duplicate check on a labelled synthetic data set (fixed seed): precision and recall per
 * status against the targets of the issue.
 */
class DuplicateQualityTest {

    @Test
    void meetsTheQualityTargetsOnTheLabelledDataSet() {
        SyntheticContacts data = new SyntheticContacts(20261126L, 4000, 3000);
        ContactNormalizer normalizer = new ContactNormalizer("DE");
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        List<IndexedContact> indexed = new ArrayList<>();
        for (int i = 0; i < data.crmRendered.size(); i++) {
            indexed.add(new IndexedContact(ContactPersonId.of("c" + i), 1, normalizer.normalize(Fixtures.data(data.crmRendered.get(i)))));
        }
        index.apply(indexed, List.of(), Optional.empty());
        DuplicateFinder finder = new DuplicateFinder(index, MatchSettings.defaults());

        Map<DuplicateStatus, Map<DuplicateStatus, Integer>> confusion = new EnumMap<>(DuplicateStatus.class);
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (SyntheticContacts.Labelled l : data.incoming) {
            DuplicateStatus got = DuplicateFinder.result(finder.find(normalizer.normalize(l.candidate()))).status();
            confusion.computeIfAbsent(l.expected(), k -> new EnumMap<>(DuplicateStatus.class)).merge(got, 1, Integer::sum);
            int[] counts = byKind.computeIfAbsent(l.kind() + " → " + l.expected(), k -> new int[2]);
            counts[0]++;
            if (got != l.expected()) {
                counts[1]++;
                if (examples.size() < 15) {
                    examples.add("expected " + l.expected() + ", got " + got + " (" + l.kind() + "): " + l.candidate());
                }
            }
        }
        System.out.println("Duplicate check quality, " + data.crm.size() + " CRM contacts, " + data.incoming.size() + " incoming:");
        Map<DuplicateStatus, double[]> figures = new EnumMap<>(DuplicateStatus.class);
        for (DuplicateStatus s : DuplicateStatus.values()) {
            int tp = cell(confusion, s, s);
            int predicted = 0;
            int actual = 0;
            for (DuplicateStatus o : DuplicateStatus.values()) {
                predicted += cell(confusion, o, s);
                actual += cell(confusion, s, o);
            }
            double precision = predicted == 0 ? 1 : (double) tp / predicted;
            double recall = actual == 0 ? 1 : (double) tp / actual;
            figures.put(s, new double[] {precision, recall});
            System.out.printf(Locale.ROOT, "  %-8s expected %4d, predicted %4d, precision %.4f, recall %.4f%n",
                    s, actual, predicted, precision, recall);
        }
        System.out.println("  confusion (expected → predicted): " + confusion);
        byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-55s %4d, wrong %3d%n", k, v[0], v[1]));
        examples.forEach(e -> System.out.println("  " + e));

        assertThat(cell(confusion, DuplicateStatus.CERTAIN, DuplicateStatus.CERTAIN)).isGreaterThan(300);
        assertThat(figures.get(DuplicateStatus.CERTAIN)[0]).as("CERTAIN precision").isEqualTo(1.0);
        assertThat(figures.get(DuplicateStatus.CERTAIN)[1]).as("CERTAIN recall").isGreaterThanOrEqualTo(0.99);
        assertThat(figures.get(DuplicateStatus.POSSIBLE)[1]).as("POSSIBLE recall").isGreaterThanOrEqualTo(0.9);
        assertThat(figures.get(DuplicateStatus.NONE)[0]).as("NONE precision").isGreaterThanOrEqualTo(0.95);
    }

    private static int cell(Map<DuplicateStatus, Map<DuplicateStatus, Integer>> m, DuplicateStatus expected, DuplicateStatus got) {
        return m.getOrDefault(expected, Map.of()).getOrDefault(got, 0);
    }
}

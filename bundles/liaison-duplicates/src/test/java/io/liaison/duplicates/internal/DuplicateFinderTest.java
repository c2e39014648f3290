package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two-stage finder gives what scoring every candidate under the keys gives, and counts a look-up that the
 * candidate limit cut short.
 */
class DuplicateFinderTest {
    private final ContactNormalizer normalizer = new ContactNormalizer("DE");

    private IndexedContact contact(String id, String first, String last, String email, String mobile) {
        return new IndexedContact(ContactPersonId.of(id), 1, normalizer.normalize(Fixtures.candidate(first, last,
                email == null ? List.of() : List.of(email), List.of(), mobile == null ? List.of() : List.of(mobile))));
    }

    private final List<IndexedContact> crm = List.of(
            contact("1", "Jürgen", "Müller", "juergen@firma.de", "0171 1111111"),
            contact("2", "Jürgen", "Müller", "j.mueller@web.de", null),
            contact("3", "Julia", "Müller", "julia@firma.de", null),
            contact("4", "Jörg", "Möller", "joerg@firma.de", null),
            contact("5", "Karl", "Müller", "karl@firma.de", "0172 2222222"),
            contact("6", "Jürgen", "Mahler", "jm@firma.de", null));

    private static Map<String, DuplicateStatus> statuses(List<DuplicateFinder.Scored> scored) {
        return scored.stream().collect(Collectors.toMap(s -> s.id().value(), s -> s.verdict().status()));
    }

    @Test
    void findsWhatScoringEveryCandidateUnderTheKeysFinds() {
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        index.apply(crm, List.of(), Optional.empty());
        DuplicateFinder finder = new DuplicateFinder(index, MatchSettings.defaults());
        List<NormalizedContact> checks = List.of(
                normalizer.normalize(Fixtures.candidate("Jurgen", "Muller", List.of("x@y.de"), List.of(), List.of())),
                normalizer.normalize(Fixtures.candidate("Karl", "Müler", List.of(), List.of(), List.of("+49 172 2222222"))),
                normalizer.normalize(Fixtures.candidate("Anna", "Müller", List.of("JUERGEN@firma.de"), List.of(), List.of())),
                normalizer.normalize(Fixtures.candidate("J.", "Müller", List.of(), List.of(), List.of())));

        for (NormalizedContact check : checks) {
            List<DuplicateFinder.Scored> exhaustive = new ArrayList<>();
            List<String> keys = new ArrayList<>(MatchKeys.identityKeys(check));
            keys.addAll(MatchKeys.lookupNameKeys(check));
            for (IndexedContact candidate : index.candidates(keys, Integer.MAX_VALUE)) {
                finder.matchPair(check, candidate.contact())
                        .ifPresent(v -> exhaustive.add(new DuplicateFinder.Scored(candidate.id(), candidate.version(), v)));
            }
            assertThat(finder.find(check)).as(check.toString()).isEqualTo(DuplicateFinder.strongestFirst(exhaustive));
        }
        assertThat(statuses(finder.find(checks.get(0))))
                .containsEntry("1", DuplicateStatus.POSSIBLE).containsEntry("2", DuplicateStatus.POSSIBLE)
                .doesNotContainKeys("3", "5");
        // the same mobile with a misspelt last name: "similar", not "same" (issue 21)
        assertThat(statuses(finder.find(checks.get(1)))).containsEntry("5", DuplicateStatus.POSSIBLE);
        assertThat(statuses(finder.find(checks.get(2)))).containsEntry("1", DuplicateStatus.CERTAIN);
        assertThat(finder.cappedLookups()).isZero();
    }

    /**
     * The cheap ranking (status and score without reasons) says what the full verdict says for every pair of the
     * labelled data set's contacts, and the matches a search hands out one by one come in the order of sorting
     * every verdict, also when only the first few are taken.
     */
    @Test
    void ranksAsTheVerdictsDoAndHandsOutTheStrongestFirst() {
        SyntheticContacts data = new SyntheticContacts(20261126L, 3000, 1500);
        List<IndexedContact> indexed = new ArrayList<>();
        for (int i = 0; i < data.crmRendered.size(); i++) {
            indexed.add(new IndexedContact(ContactPersonId.of("c" + i), 1,
                    normalizer.normalize(Fixtures.data(data.crmRendered.get(i)))));
        }
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        index.apply(indexed, List.of(), Optional.empty());
        DuplicateFinder finder = new DuplicateFinder(index, MatchSettings.defaults());
        DuplicateMatcher matcher = finder.matcher();

        Map<DuplicateStatus, Integer> ranked = new java.util.EnumMap<>(DuplicateStatus.class);
        int withManyMatches = 0;
        int swappedMatches = 0;
        for (int n = 0; n < data.incoming.size(); n++) {
            NormalizedContact check = normalizer.normalize(data.incoming.get(n).candidate());
            if (n < 200) {
                DuplicateMatcher.Probe probe = matcher.probe(check);
                for (IndexedContact existing : indexed) {
                    Optional<DuplicateMatcher.Verdict> verdict = matcher.match(check, existing.contact());
                    DuplicateMatcher.Rank rank = probe.rank(existing.contact());
                    assertThat(Optional.ofNullable(rank))
                            .as(check + " against " + existing.contact())
                            .isEqualTo(verdict.map(v -> new DuplicateMatcher.Rank(v.status(), v.score())));
                    if (rank != null) {
                        ranked.merge(rank.status(), 1, Integer::sum);
                    }
                }
            }
            List<DuplicateFinder.Scored> exhaustive = new ArrayList<>();
            List<String> keys = new ArrayList<>(MatchKeys.identityKeys(check));
            keys.addAll(MatchKeys.lookupNameKeys(check));
            for (IndexedContact candidate : index.candidates(keys, Integer.MAX_VALUE)) {
                finder.matchPair(check, candidate.contact())
                        .ifPresent(v -> exhaustive.add(new DuplicateFinder.Scored(candidate.id(), candidate.version(), v)));
            }
            List<DuplicateFinder.Scored> sorted = DuplicateFinder.strongestFirst(exhaustive);
            // matches of the names in swapped order come from other keys; they are only ever POSSIBLE
            List<DuplicateFinder.Scored> found = finder.find(check);
            List<DuplicateFinder.Scored> swapped = found.stream().filter(DuplicateFinderTest::swapped).toList();
            assertThat(swapped).allSatisfy(m -> assertThat(m.verdict().status()).isEqualTo(DuplicateStatus.POSSIBLE));
            swappedMatches += swapped.size();
            assertThat(found.stream().filter(m -> !swapped(m)).toList()).as(check.toString()).isEqualTo(sorted);
            DuplicateFinder.Matches matches = finder.search(check);
            assertThat(matches.remaining()).isEqualTo(found.size());
            List<DuplicateFinder.Scored> firstThree = new ArrayList<>();
            while (firstThree.size() < 3 && matches.remaining() > 0) {
                DuplicateFinder.Scored next = matches.scored(matches.next().orElseThrow());
                if (!swapped(next)) {
                    firstThree.add(next);
                }
            }
            assertThat(firstThree).isEqualTo(sorted.subList(0, Math.min(3, sorted.size())));
            withManyMatches += sorted.size() > 3 ? 1 : 0;
        }
        // the data set exercises both statuses and searches with more matches than were taken
        assertThat(ranked.getOrDefault(DuplicateStatus.CERTAIN, 0)).isGreaterThan(20);
        assertThat(ranked.getOrDefault(DuplicateStatus.POSSIBLE, 0)).isGreaterThan(20);
        assertThat(withManyMatches).isGreaterThan(10);
        assertThat(swappedMatches).as("the data set has names that are also given names (Werner, Frank, Simon)").isPositive();
    }

    private static boolean swapped(DuplicateFinder.Scored match) {
        return match.verdict().reasons().get(0).startsWith("first and last name swapped");
    }

    @Test
    void ofACommonNameKeepsOnlyTheNamesakesAtTheSameDomain() {
        List<IndexedContact> namesakes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            namesakes.add(contact("t" + i, "Thomas", "Müller", "thomas.mueller@" + (i < 2 ? "firma.de" : "firma" + i + ".de"), null));
        }
        namesakes.add(contact("mobile", "Thomas", "Müller", "tm@elsewhere.de", "0171 7654321"));
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        index.apply(namesakes, List.of(), Optional.empty());
        DuplicateFinder finder = new DuplicateFinder(index, MatchSettings.defaults());

        Map<String, DuplicateStatus> atFirma = statuses(finder.find(normalizer.normalize(Fixtures.candidate("Thomas", "Müller",
                List.of("t.mueller@firma.de"), List.of(), List.of("0171 7654321")))));
        assertThat(atFirma).containsOnlyKeys("t0", "t1", "mobile").containsEntry("mobile", DuplicateStatus.CERTAIN);
        // without an address nothing backs a namesake: all are shown
        assertThat(finder.find(normalizer.normalize(Fixtures.candidate("Thomas", "Müller", List.of(), List.of(), List.of()))))
                .hasSize(16);
    }

    @Test
    void countsALookUpCutShortByTheCandidateLimit() {
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        index.apply(crm, List.of(), Optional.empty());
        MatchSettings one = new MatchSettings(0.90, 0.75, MatchSettings.DEFAULT_SHARED_MAILBOXES, 1);
        DuplicateFinder finder = new DuplicateFinder(index, one);

        List<DuplicateFinder.Scored> found = finder.find(
                normalizer.normalize(Fixtures.candidate("Jürgen", "Müller", List.of(), List.of(), List.of())));

        assertThat(found).hasSize(1);
        assertThat(finder.cappedLookups()).isEqualTo(1);
    }

    @Test
    void listsOnlyTheLikestOfTheMatchesRestingOnAnAddressManyContactsHold() {
        String[] firsts = {"Anton", "Berta", "Cäsar", "Dora", "Emil", "Friedrich", "Gustav", "Heinrich", "Ida",
            "Julius", "Kaufmann", "Ludwig", "Martha", "Nordpol", "Otto", "Paula", "Quelle", "Richard", "Samuel", "Theodor"};
        String[] lasts = {"Adler", "Brandt", "Conrad", "Dreher", "Eckert", "Fiedler", "Gerber", "Hauser", "Ilgner",
            "Jansen", "Kessler", "Lindner", "Möbius", "Nagel", "Oswald", "Pauli", "Quast", "Reuter", "Sauer", "Thiele"};
        List<IndexedContact> colleagues = new ArrayList<>();
        for (int i = 0; i < firsts.length; i++) {
            colleagues.add(contact("c" + i, firsts[i], lasts[i], "info@firma.de", null));
        }
        colleagues.add(contact("m", "Jonas", "Müller", "info@firma.de", null));
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        index.apply(colleagues, List.of(), Optional.empty());
        DuplicateFinder finder = new DuplicateFinder(index, MatchSettings.defaults());

        NormalizedContact anna = normalizer.normalize(Fixtures.candidate("Anna", "Müller", List.of("info@firma.de"),
                List.of(), List.of()));
        List<DuplicateFinder.Scored> found = finder.find(anna);
        assertThat(found).hasSize(FrequentValues.KEPT);
        // the colleague with the same family name is the likest: kept, first
        assertThat(found.get(0).id().value()).isEqualTo("m");
        assertThat(found).allMatch(f -> f.verdict().status() == DuplicateStatus.POSSIBLE);
        assertThat(finder.search(anna).notes()).containsExactly((21 - FrequentValues.KEPT)
                + " matches resting only on values that many CRM contacts hold (info@firma.de (21 CRM contacts)) not"
                + " listed; the " + FrequentValues.KEPT + " with the likest names are");

        // the spec's floor: the same names with the same address are CERTAIN, however many hold it
        NormalizedContact ida = normalizer.normalize(Fixtures.candidate("Ida", "Ilgner", List.of("info@firma.de"),
                List.of(), List.of()));
        List<DuplicateFinder.Scored> idas = finder.find(ida);
        assertThat(idas.get(0).id().value()).isEqualTo("c8");
        assertThat(idas.get(0).verdict().status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(idas).hasSize(1 + FrequentValues.KEPT);

        // five holders are not many: every match is listed, without a note
        InMemoryMatchKeyIndex few = new InMemoryMatchKeyIndex();
        few.apply(colleagues.subList(0, FrequentValues.FREQUENT_HOLDERS), List.of(), Optional.empty());
        DuplicateFinder fewFinder = new DuplicateFinder(few, MatchSettings.defaults());
        assertThat(fewFinder.find(anna)).hasSize(FrequentValues.FREQUENT_HOLDERS);
        assertThat(fewFinder.search(anna).notes()).isEmpty();
    }
}

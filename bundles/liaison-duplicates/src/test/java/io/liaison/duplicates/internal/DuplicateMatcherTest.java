package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateMatcherTest {
    private final ContactNormalizer normalizer = new ContactNormalizer("DE");
    private final DuplicateMatcher matcher = new DuplicateMatcher(MatchSettings.defaults());

    private NormalizedContact contact(String first, String last, String email, String phone, String mobile) {
        return normalizer.normalize(new ContactCandidate("", first, last, email == null ? List.of() : List.of(email),
                phone == null ? List.of() : List.of(phone), mobile == null ? List.of() : List.of(mobile), ""));
    }

    private Optional<DuplicateMatcher.Verdict> match(NormalizedContact a, NormalizedContact b) {
        return matcher.match(a, b);
    }

    @Test
    void theSameEmailAddressIsACertainDuplicate() {
        var v = match(contact("Hans", "Meier", " ANNA.MUELLER@firma.de", null, null),
                contact("Anna", "Müller", "anna.mueller@firma.de", null, null)).orElseThrow();
        assertThat(v.status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(v.reasons()).containsExactly("same e-mail address anna.mueller@firma.de");
    }

    @Test
    void theSameLastNameAndMobileNumberIsACertainDuplicateWhateverTheFirstName() {
        var v = match(contact("Hans", "Mueller", null, null, "+49 (0)171 1234567"),
                contact("Anna", "Müller", null, null, "0171 1234567")).orElseThrow();
        assertThat(v.status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(v.reasons()).containsExactly("same last name (mueller) and same mobile number +491711234567");
    }

    @Test
    void aFamilyMemberSharingTheLandlineIsOnlyAPossibleDuplicate() {
        NormalizedContact anna = contact("Anna", "Müller", null, "030 1234567", null);
        var family = match(contact("Hans", "Müller", null, "+49 (0)30 1234567", null), anna).orElseThrow();
        assertThat(family.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(family.reasons().get(0)).contains("same landline +49301234567, but a different first name");
        assertThat(match(contact("Anna", "Mueller", null, "0049-30-1234567", null), anna).orElseThrow().status())
                .isEqualTo(DuplicateStatus.CERTAIN);
        // a blank first name is no evidence: the one Müller at the number or another one
        var blank = match(contact("", "Müller", null, "030 1234567", null), anna).orElseThrow();
        assertThat(blank.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(blank.reasons().get(0)).contains("but no first name to compare");
        // a different family on the same (office) number: no rule applies
        assertThat(match(contact("Hans", "Schmidt", null, "030 1234567", null), anna)).isEmpty();
    }

    @Test
    void colleaguesOnASharedMailboxAreOnlyPossibleDuplicates() {
        NormalizedContact anna = contact("Anna", "Müller", "info@firma.de", null, null);
        var colleague = match(contact("Peter", "Schmidt", "Info@Firma.de", null, null), anna).orElseThrow();
        assertThat(colleague.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(colleague.reasons().get(0)).startsWith("shared mailbox info@firma.de, but a different last name");
        assertThat(match(contact("Anna", "Mueller", "info@firma.de", null, null), anna).orElseThrow().status())
                .isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(match(contact("", "", "info@firma.de", null, null), anna).orElseThrow().status())
                .isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(match(contact("", "Müller", "info@firma.de", null, null), anna).orElseThrow().status())
                .isEqualTo(DuplicateStatus.POSSIBLE);
    }

    @Test
    void certainByNumberNeedsTheSameLastNameNotASimilarOne() {
        NormalizedContact keller = contact("Anna", "Keller", null, "+49 89 1234567", null);
        assertThat(match(contact("Anna", "Müller", null, "089 1234567", null), keller)).isEmpty();
        NormalizedContact werner = contact("Thomas", "Werner", null, null, "0171 2345678");
        assertThat(match(contact("Thomas", "Wagner", null, null, "0171 2345678"), werner)).isEmpty();
        var typo = match(contact("Thomas", "Wernr", null, null, "0171 2345678"), werner).orElseThrow();
        assertThat(typo.status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(typo.reasons().get(0)).startsWith("similar last name (wernr ~ werner");
    }

    @Test
    void genderedAndPrefixOnlyFirstNamesAreDifferentPeople() {
        for (String[] pair : RealWorldCases.DIFFERENT_FIRST_NAMES) {
            var v = match(contact(pair[0], "Becker", null, "0421 123456", null),
                    contact(pair[1], "Becker", null, "0421 123456", null)).orElseThrow();
            assertThat(v.status()).as(pair[0] + " / " + pair[1]).isEqualTo(DuplicateStatus.POSSIBLE);
            assertThat(v.reasons().get(0)).contains("a different first name");
        }
        // a shared beginning alone is no likeness (Frank / Franziska above); Chris, though, is a short form of
        // Christoph by name dictionaries (issue 16 point 4), so they stay a possible duplicate
        assertThat(match(contact("Leonie", "Becker", null, null, null), contact("Lena", "Becker", null, null, null))).isEmpty();
        assertThat(match(contact("Chris", "Becker", null, null, null), contact("Christoph", "Becker", null, null, null))
                .orElseThrow().status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(match(contact("A.", "Becker", null, "0421 123456", null),
                contact("Andrea", "Becker", null, "0421 123456", null)).orElseThrow().status()).isEqualTo(DuplicateStatus.CERTAIN);
    }

    @Test
    void similarNamesArePossibleDuplicates() {
        NormalizedContact juergen = contact("Jürgen", "Schmidt", "j.schmidt@firma.de", null, null);
        for (String[] name : new String[][] {{"Juergen", "Schmitt"}, {"Jurgen", "SCHMIDT"}, {"Dr. Jürgen", "Schmdit"},
                {"J.", "Schmidt"}, {"Jürgen", "Schmid"}}) {
            var v = match(contact(name[0], name[1], null, null, null), juergen);
            assertThat(v).as(String.join(" ", name)).isPresent();
            assertThat(v.get().status()).isEqualTo(DuplicateStatus.POSSIBLE);
        }
        assertThat(match(contact("Meier", "Anna", null, null, null), contact("Mayer", "Anna", null, null, null)))
                .get().extracting(DuplicateMatcher.Verdict::reasons).asList().first().asString().contains("Kölner Phonetik");
        assertThat(match(contact("Peter", "Schmidt", null, null, null), juergen)).isEmpty();
        assertThat(match(contact("Jürgen", "Schneider", null, null, null), juergen)).isEmpty();
        assertThat(match(contact("", "Schmidt", null, null, null), juergen)).isEmpty();
    }

    @Test
    void theCheapBoundIsNeverBelowJaroWinkler() {
        var jw = new org.apache.commons.text.similarity.JaroWinklerSimilarity();
        String[] names = {"mueller", "muller", "moeller", "schmidt", "schmitt", "meier", "mayer", "bauer", "bsuer", "anna",
                "hannah", "juergen", "jurgen", "schneider", "schroeder", "a", "ab", "ba", "xyz", "hans-peter", "peter"};
        for (String a : names) {
            for (String b : names) {
                assertThat(NameComparer.jaroWinklerBound(a, b)).as(a + " / " + b).isGreaterThanOrEqualTo(jw.apply(a, b) - 1e-9);
            }
        }
    }

    @Test
    void typoDistanceIsOptimalStringAlignment() {
        assertThat(NameComparer.oneTypoApart("bauer", "bsuer")).isTrue();
        assertThat(NameComparer.oneTypoApart("bauer", "baeur")).isTrue();
        assertThat(NameComparer.oneTypoApart("bauer", "bauerr")).isTrue();
        assertThat(NameComparer.oneTypoApart("bauer", "baer")).isTrue();
        assertThat(NameComparer.oneTypoApart("bauer", "bruer")).isTrue();
        assertThat(NameComparer.oneTypoApart("bauer", "braue")).isFalse();
        assertThat(NameComparer.oneTypoApart("bauer", "baue")).isTrue();
        assertThat(NameComparer.oneTypoApart("bauer", "bauerei")).isFalse();
    }
}

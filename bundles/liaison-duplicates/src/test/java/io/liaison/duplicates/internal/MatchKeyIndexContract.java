package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link MatchKeyIndex} must do; subclasses give the index (in memory, H2, PostgreSQL). */
abstract class MatchKeyIndexContract {
    private final ContactNormalizer normalizer = new ContactNormalizer("DE");

    /** A fresh, empty index. */
    abstract MatchKeyIndex index();

    private IndexedContact contact(String id, String first, String last, String email, String mobile) {
        return new IndexedContact(ContactPersonId.of(id), 3, normalizer.normalize(Fixtures.candidate(first, last,
                email == null ? List.of() : List.of(email), List.of("030 1234567"), mobile == null ? List.of() : List.of(mobile))));
    }

    @Test
    void filesContactsUnderTheirKeysAndFindsThemByAnyKey() {
        MatchKeyIndex index = index();
        IndexedContact anna = contact("1", "Anna", "Müller", "anna@firma.de", "0171 1234567");
        IndexedContact hans = contact("2", "Hans", "Müller", "hans@firma.de", null);
        index.apply(List.of(anna, hans), List.of(), Optional.empty());

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.candidates(Set.of("email:anna@firma.de"), 10)).containsExactly(anna);
        assertThat(index.candidates(Set.of("phone:+49301234567"), 10)).containsExactlyInAnyOrder(anna, hans);
        assertThat(index.candidates(MatchKeys.nameKeys(anna.contact()), 10)).contains(anna);
        assertThat(index.candidates(Set.of("email:nobody@firma.de"), 10)).isEmpty();
        assertThat(index.candidates(Set.of("phone:+49301234567"), 1)).hasSize(1);
        assertThat(index.candidates(Set.of(), 10)).isEmpty();
    }

    @Test
    void filesEveryAddressOfAContactPersonHoweverMany() {
        MatchKeyIndex index = index();
        List<io.liaison.api.domain.Communication> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // 120 addresses of 90 characters: more than the 20 filed before, and longer joined than the old column
            many.add(io.liaison.api.domain.Communication.email("alias-" + i + "-" + "x".repeat(70) + "@firma.de", i == 0));
        }
        IndexedContact anna = new IndexedContact(ContactPersonId.of("1"), 1, normalizer.normalize(
                new io.liaison.api.domain.ContactPersonData(Optional.empty(), "", "", "Anna", "Müller", "", "", many)));
        index.apply(List.of(anna), List.of(), Optional.empty());

        assertThat(anna.contact().emails()).hasSize(120);
        assertThat(index.candidates(Set.of("email:alias-119-" + "x".repeat(70) + "@firma.de"), 10)).containsExactly(anna);
    }

    @Test
    void anUpsertReplacesWhatWasFiledAndARemovalForgetsIt() {
        MatchKeyIndex index = index();
        index.apply(List.of(contact("1", "Anna", "Müller", "anna@firma.de", null), contact("2", "Hans", "Weber", "hans@firma.de", null)),
                List.of(), Optional.empty());
        IndexedContact renamed = contact("1", "Anna", "Schmidt", "anna.schmidt@firma.de", null);
        index.apply(List.of(renamed), List.of(ContactPersonId.of("2")), Optional.empty());

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.candidates(Set.of("email:anna@firma.de", "email:hans@firma.de"), 10)).isEmpty();
        assertThat(index.candidates(Set.of("email:anna.schmidt@firma.de"), 10)).containsExactly(renamed);
        // removing what is not there is no error
        index.apply(List.of(), List.of(ContactPersonId.of("99")), Optional.empty());
    }

    /** Issue 25, point 5: an erased contact person is found by none of its keys; the others and the state stay. */
    @Test
    void anErasedContactPersonIsFoundByNoneOfItsKeys() {
        MatchKeyIndex index = index();
        IndexedContact anna = contact("1", "Anna", "Quellbrunn", "anna@firma.de", "0171 1234567");
        IndexedContact hans = contact("2", "Hans", "Weber", "hans@firma.de", null);
        IndexState state = new IndexState(new CrmToken("42"), EmployeeId.of("admin"), Instant.ofEpochMilli(1_000));
        index.apply(List.of(anna, hans), List.of(), Optional.of(state));

        assertThat(index.erase(ContactPersonId.of("1"))).isPositive();

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.candidates(Set.of("email:anna@firma.de", "phone:+491711234567"), 10)).isEmpty();
        assertThat(index.candidates(MatchKeys.nameKeys(anna.contact()), 10)).doesNotContain(anna);
        assertThat(index.candidates(Set.of("email:hans@firma.de"), 10)).containsExactly(hans);
        assertThat(index.state()).contains(state);
        assertThat(index.erase(ContactPersonId.of("1"))).as("not filed any more").isZero();
    }

    @Test
    void visitsTheContactsUnderNameKeysByNameAndHandsOverOnlyTheWantedOnes() {
        MatchKeyIndex index = index();
        IndexedContact anna = contact("1", "Anna", "Müller", "anna@firma.de", null);
        IndexedContact namesake = contact("2", "Anna", "Müller", "anna.mueller@web.de", null);
        IndexedContact andrea = contact("3", "Andrea", "Müller", "andrea@firma.de", null);
        IndexedContact moved = contact("4", "Andrea", "Müller", "andrea@alt.de", null);
        index.apply(List.of(anna, namesake, andrea, moved), List.of(ContactPersonId.of("4")), Optional.empty());
        List<PersonName> asked = new ArrayList<>();
        List<IndexedContact> handed = new ArrayList<>();

        boolean capped = index.visitByName(MatchKeys.nameKeys(anna.contact()), 100, new MatchKeyIndex.NameVisitor() {
            @Override
            public boolean wants(PersonName names) {
                asked.add(names);
                return names.first().equals("anna");
            }

            @Override
            public void accept(IndexedContact contact) {
                handed.add(contact);
            }
        });

        assertThat(capped).isFalse();
        assertThat(asked).contains(anna.contact().names(), andrea.contact().names());
        assertThat(handed).contains(anna, namesake).doesNotContain(andrea, moved);
        assertThat(index.visitByName(MatchKeys.nameKeys(anna.contact()), 1, new MatchKeyIndex.NameVisitor() {
            @Override
            public boolean wants(PersonName names) {
                return true;
            }

            @Override
            public void accept(IndexedContact contact) {
            }
        })).as("a limit of 1 cuts the look-up short").isTrue();
    }

    @Test
    void asksAboutEachDistinctFamilyAndGivenNameOnceAndAboutWholeNamesOnlyWhenBothPartsAreAlike() {
        MatchKeyIndex index = index();
        IndexedContact anna = contact("1", "Anna", "Müller", "anna@firma.de", null);
        IndexedContact namesake = contact("2", "Anna", "Müller", "anna.mueller@web.de", null);
        IndexedContact andrea = contact("3", "Andrea", "Müller", "andrea@firma.de", null);
        index.apply(List.of(anna, namesake, andrea), List.of(), Optional.empty());
        List<String> lastAsked = new ArrayList<>();
        List<String> firstAsked = new ArrayList<>();
        List<PersonName> wantsAsked = new ArrayList<>();
        List<IndexedContact> handed = new ArrayList<>();

        boolean capped = index.visitByName(MatchKeys.nameKeys(anna.contact()), 100, new MatchKeyIndex.NameVisitor() {
            @Override
            public boolean lastAlike(String last, String lastCode) {
                lastAsked.add(last + "/" + lastCode);
                return true;
            }

            @Override
            public boolean firstAlike(String first, String firstCode) {
                firstAsked.add(first + "/" + firstCode);
                return first.equals("anna");
            }

            @Override
            public boolean wants(PersonName names) {
                wantsAsked.add(names);
                return true;
            }

            @Override
            public void accept(IndexedContact contact) {
                handed.add(contact);
            }
        });

        assertThat(capped).isFalse();
        assertThat(lastAsked).containsExactly("mueller/" + anna.contact().lastCode());
        assertThat(firstAsked).containsExactlyInAnyOrder("anna/" + anna.contact().firstCode(),
                "andrea/" + andrea.contact().firstCode());
        assertThat(wantsAsked).isNotEmpty().allMatch(n -> n.equals(anna.contact().names()));
        assertThat(handed).contains(anna, namesake).doesNotContain(andrea);
    }

    @Test
    void keepsTheStateOfACompleteIndexAndForgetsItOnClear() {
        MatchKeyIndex index = index();
        assertThat(index.state()).isEmpty();
        IndexState state = new IndexState(new CrmToken("42"), EmployeeId.of("demo"), Instant.ofEpochMilli(1_700_000_000_000L));
        index.apply(List.of(contact("1", "Anna", "Müller", "anna@firma.de", null)), List.of(), Optional.of(state));
        assertThat(index.state()).contains(state);
        IndexState next = new IndexState(new CrmToken("43"), EmployeeId.of("demo"), Instant.ofEpochMilli(1_700_000_001_000L));
        index.apply(List.of(), List.of(), Optional.of(next));
        assertThat(index.state()).contains(next);

        index.clear();
        assertThat(index.state()).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void storesNormalisedValuesRoundTrip() {
        MatchKeyIndex index = index();
        IndexedContact anna = new IndexedContact(ContactPersonId.of("7"), 5, normalizer.normalize(new io.liaison.api.duplicates.ContactCandidate(
                "Dr.", "Anna-Lena", "von Müller", List.of("a@firma.de", "anna@bäckerei.de"), List.of("030 1234567", "040 7654321"),
                List.of("0171 1234567"), "")));
        index.apply(List.of(anna), List.of(), Optional.empty());
        assertThat(index.candidates(Set.of("email:a@firma.de"), 10)).containsExactly(anna);
    }
}

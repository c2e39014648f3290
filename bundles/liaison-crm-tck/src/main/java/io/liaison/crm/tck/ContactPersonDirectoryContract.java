package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Photo;
import io.liaison.api.domain.PostalAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Contact persons: content and communications round-trip, the external key makes creates idempotent, versions guard
 * updates and deletes, look-ups by e-mail ignore case, search, photos.
 */
public abstract class ContactPersonDirectoryContract extends ContractSupport {

    private ContactPersonData full(BusinessPartner bp, String email) {
        return new ContactPersonData(Optional.of(bp.id()), "Frau", "Dr.", "Erika", CrmTestData.unique("Mustermann"),
                "Head of Purchasing", "Purchasing", List.of(
                        new Communication(CommunicationType.EMAIL, email, true),
                        new Communication(CommunicationType.EMAIL, "private." + email, false),
                        new Communication(CommunicationType.PHONE, "+49 30 1234567", true),
                        new Communication(CommunicationType.MOBILE, "0171 1234567", true),
                        new Communication(CommunicationType.FAX, "+49 30 1234568", false),
                        new Communication(CommunicationType.WEB, "https://customer.example", false)));
    }

    private static String email() {
        return CrmTestData.unique("erika") + "@customer.example";
    }

    @Test
    void everyFieldSurvivesCreateAndGet() {
        ContactPersonData data = full(newPartner(), email());
        ContactPerson created = crm().contactPersons().create(me(), data, Optional.empty());
        assertThat(created.data()).isEqualTo(data);
        assertThat(created.externalKey()).isEmpty();
        assertThat(crm().contactPersons().get(me(), created.id())).contains(created);
    }

    @Test
    void theCountrySurvivesCreateGetAndUpdate() {
        // API 1.3: the country a person's numbers without a country code are read in (ISO 3166-1 alpha-2)
        ContactPersonData swiss = full(newPartner(), email()).withCountry("ch");
        assertThat(swiss.country()).isEqualTo("CH");
        ContactPerson created = crm().contactPersons().create(me(), swiss, Optional.empty());
        assertThat(created.data().country()).isEqualTo("CH");
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data()).isEqualTo(swiss);
        ContactPerson austrian = crm().contactPersons().update(me(), created.id(), created.version(), swiss.withCountry("AT"));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().country()).isEqualTo("AT");
        crm().contactPersons().update(me(), created.id(), austrian.version(), swiss.withCountry(""));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().country()).isEmpty();
        assertThatThrownBy(() -> swiss.withCountry("Schweiz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBirthdaySurvivesCreateGetAndUpdate() {
        // API 1.5: a birthday, also one known without its year (kept with the year 1604)
        ContactPersonData born = full(newPartner(), email()).withBirthday(Optional.of(LocalDate.of(1974, 4, 15)));
        ContactPerson created = crm().contactPersons().create(me(), born, Optional.empty());
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data()).isEqualTo(born);
        ContactPersonData noYear = born.withBirthday(Optional.of(LocalDate.of(ContactPersonData.NO_YEAR, 2, 29)));
        ContactPerson leap = crm().contactPersons().update(me(), created.id(), created.version(), noYear);
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().birthday())
                .contains(LocalDate.of(1604, 2, 29));
        crm().contactPersons().update(me(), created.id(), leap.version(), born.withBirthday(Optional.empty()));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().birthday()).isEmpty();
    }

    @Test
    void postalAddressesSurviveCreateGetAndUpdateInTheirOrder() {
        // API 1.5: business, home and other addresses, two of a kind allowed, the order kept
        PostalAddress office = new PostalAddress(PostalAddress.Kind.BUSINESS, "Friedrichstraße 123\n3. OG", "10117",
                "Berlin", "Berlin", "Deutschland");
        PostalAddress home = new PostalAddress(PostalAddress.Kind.HOME, "Bahnhofstrasse 1", "8001", "Zürich", "ZH",
                "Schweiz");
        PostalAddress branch = new PostalAddress(PostalAddress.Kind.BUSINESS, "1 Main St", "10001", "New York", "NY",
                "USA");
        ContactPersonData addressed = full(newPartner(), email()).withPostalAddresses(List.of(office, home, branch));
        ContactPerson created = crm().contactPersons().create(me(), addressed, Optional.empty());
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data()).isEqualTo(addressed);
        PostalAddress other = new PostalAddress(PostalAddress.Kind.OTHER, "", "", "Wien", "", "Österreich");
        ContactPerson moved = crm().contactPersons().update(me(), created.id(), created.version(),
                addressed.withPostalAddresses(List.of(other, office)));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().postalAddresses())
                .containsExactly(other, office);
        crm().contactPersons().update(me(), created.id(), moved.version(), addressed.withPostalAddresses(List.of()));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().postalAddresses()).isEmpty();
    }

    @Test
    void notesSurviveCreateGetAndUpdate() {
        // API 1.5: free-text notes, several lines and beyond the 255 characters of a name column
        String notes = "Met at the fair in Hannover.\nPrefers calls after 10:00.\n" + "x".repeat(5000);
        ContactPersonData noted = full(newPartner(), email()).withNotes(notes);
        ContactPerson created = crm().contactPersons().create(me(), noted, Optional.empty());
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data()).isEqualTo(noted);
        ContactPerson changed = crm().contactPersons().update(me(), created.id(), created.version(),
                noted.withNotes("Moved to Zürich."));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().notes())
                .isEqualTo("Moved to Zürich.");
        crm().contactPersons().update(me(), created.id(), changed.version(), noted.withNotes(""));
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data().notes()).isEmpty();
    }

    @Test
    void aContactWithoutPartnerOrCommunicationsCanBeStored() {
        ContactPersonData data = person("Solo", CrmTestData.unique("Person"));
        ContactPerson created = crm().contactPersons().create(me(), data, Optional.empty());
        assertThat(crm().contactPersons().get(me(), created.id()).orElseThrow().data()).isEqualTo(data);
    }

    @Test
    void theExternalKeyMakesCreateIdempotent() {
        String key = CrmTestData.unique("csv");
        ContactPerson first = crm().contactPersons().create(me(), full(newPartner(), email()), Optional.of(key));
        assertThat(first.externalKey()).contains(key);
        ContactPerson again = crm().contactPersons().create(me(), person("Other", "Name"), Optional.of(key));
        assertThat(again).isEqualTo(first);
        assertThat(crm().contactPersons().findByExternalKey(me(), key)).contains(first);
        assertThat(crm().contactPersons().findByExternalKey(me(), CrmTestData.unique("none"))).isEmpty();
    }

    @Test
    void unknownContactsAreAbsent() {
        assertThat(crm().contactPersons().get(me(), ContactPersonId.of(CrmTestData.unique("none")))).isEmpty();
        assertThat(crm().contactPersons().get(me(), ContactPersonId.of("999999999999"))).isEmpty();
    }

    @Test
    void aContactPersonTheActorGetsHasNoAbsence() {
        ContactPerson created = newContact(email());
        assertThat(crm().contactPersons().absence(me(), created.id())).isEmpty();
    }

    /** An id the CRM never gave out, or a deleted person, is absent for a reason, but never "merged". */
    @Test
    void unknownAndDeletedContactsAreAbsentButNotMerged() {
        ContactPerson deleted = newContact(email());
        crm().contactPersons().delete(me(), deleted.id(), deleted.version());
        for (ContactPersonId id : List.of(deleted.id(), ContactPersonId.of("999999999999"))) {
            assertThat(crm().contactPersons().absence(me(), id)).hasValueSatisfying(a -> {
                assertThat(a.reason()).isIn(ContactPersonAbsence.Reason.DELETED, ContactPersonAbsence.Reason.UNKNOWN);
                assertThat(a.survivor()).isEmpty();
            });
        }
    }

    /**
     * A merged person is gone (and reported removed by the change feed), and its absence names the survivor, so that
     * its groupware contact can follow the survivor; after a second merge, the last survivor.
     */
    @Test
    void aMergedContactPersonNamesItsSurvivor() {
        ContactPerson merged = newContact(email());
        ContactPerson survivor = newContact(email());
        ContactPerson last = newContact(email());
        var token = CrmTestData.drain(t -> crm().contactPersons().changesSince(me(), t, 500), ContactPerson::id,
                Optional.empty()).next();
        Assumptions.assumeTrue(fixture().mergeContactPerson(merged.id(), survivor.id()),
                "the fixture cannot merge contact persons");

        assertThat(crm().contactPersons().get(me(), merged.id())).isEmpty();
        assertThat(crm().contactPersons().absence(me(), merged.id()))
                .contains(ContactPersonAbsence.mergedInto(survivor.id()));
        assertThat(crm().contactPersons().absence(me(), survivor.id())).isEmpty();
        assertThat(CrmTestData.drain(t -> crm().contactPersons().changesSince(me(), t, 500), ContactPerson::id,
                Optional.of(token)).removed(merged.id())).isTrue();

        fixture().mergeContactPerson(survivor.id(), last.id());
        assertThat(crm().contactPersons().absence(me(), merged.id()))
                .contains(ContactPersonAbsence.mergedInto(last.id()));
    }

    @Test
    void anUpdateReplacesTheContentAndRaisesTheVersion() {
        ContactPerson created = crm().contactPersons().create(me(), full(newPartner(), email()), Optional.of(CrmTestData.unique("k")));
        ContactPersonData changed = new ContactPersonData(Optional.of(newPartner().id()), "Herr", "", "Max", "Neu", "CEO", "",
                List.of(Communication.email(email(), true)));
        ContactPerson updated = crm().contactPersons().update(me(), created.id(), created.version(), changed);
        assertThat(updated.version()).isGreaterThan(created.version());
        assertThat(updated.data()).isEqualTo(changed);
        assertThat(updated.externalKey()).isEqualTo(created.externalKey());
        assertThat(updated.modifiedAt()).isAfterOrEqualTo(created.modifiedAt());
        assertThat(crm().contactPersons().get(me(), created.id())).contains(updated);
    }

    @Test
    void staleVersionsAndMissingContactsAreRejected() {
        ContactPerson created = crm().contactPersons().create(me(), full(newPartner(), email()), Optional.empty());
        ContactPerson updated = crm().contactPersons().update(me(), created.id(), created.version(),
                person("New", "Name"));
        assertThatThrownBy(() -> crm().contactPersons().update(me(), created.id(), created.version(), created.data()))
                .isInstanceOf(CrmStaleVersionException.class);
        assertThatThrownBy(() -> crm().contactPersons().delete(me(), created.id(), created.version()))
                .isInstanceOf(CrmStaleVersionException.class);
        assertThat(crm().contactPersons().get(me(), created.id())).contains(updated);

        ContactPersonId missing = ContactPersonId.of(CrmTestData.unique("missing"));
        assertThatThrownBy(() -> crm().contactPersons().update(me(), missing, 1, created.data()))
                .isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm().contactPersons().delete(me(), missing, 1)).isInstanceOf(CrmNotFoundException.class);
        assertThatThrownBy(() -> crm().contactPersons().addCommunication(me(), missing, Communication.email("x@y.example", false)))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void deleteRemovesTheContact() {
        String address = email();
        String key = CrmTestData.unique("k");
        ContactPerson created = crm().contactPersons().create(me(), full(newPartner(), address), Optional.of(key));
        crm().contactPersons().delete(me(), created.id(), created.version());
        assertThat(crm().contactPersons().get(me(), created.id())).isEmpty();
        assertThat(crm().contactPersons().findByEmail(me(), address)).isEmpty();
        assertThat(crm().contactPersons().findByExternalKey(me(), key)).isEmpty();
        assertThatThrownBy(() -> crm().contactPersons().delete(me(), created.id(), created.version()))
                .isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void addCommunicationKeepsTheOthersAndRaisesTheVersion() {
        ContactPerson created = crm().contactPersons().create(me(), full(newPartner(), email()), Optional.empty());
        String added = email();
        ContactPerson after = crm().contactPersons().addCommunication(me(), created.id(), Communication.email(added, false));
        assertThat(after.version()).isGreaterThan(created.version());
        assertThat(after.data().communications()).containsExactlyElementsOf(
                created.data().withCommunication(Communication.email(added, false)).communications());
        assertThat(crm().contactPersons().get(me(), created.id())).contains(after);
        assertThat(crm().contactPersons().findByEmail(me(), added)).extracting(ContactPerson::id).containsExactly(created.id());
    }

    @Test
    void findByEmailIgnoresCaseAndFindsEveryoneWithTheAddress() {
        String address = email();
        ContactPerson a = crm().contactPersons().create(me(), person("A", "One", Communication.email(address, true)), Optional.empty());
        ContactPerson b = crm().contactPersons().create(me(), person("B", "Two",
                Communication.email(address.toUpperCase(java.util.Locale.ROOT), false)), Optional.empty());
        crm().contactPersons().create(me(), person("C", "Three", Communication.email("x" + address, true)), Optional.empty());
        assertThat(crm().contactPersons().findByEmail(me(), address)).extracting(ContactPerson::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(crm().contactPersons().findByEmail(me(), "  " + address.toUpperCase(java.util.Locale.ROOT)))
                .extracting(ContactPerson::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(crm().contactPersons().findByEmail(me(), email())).isEmpty();
    }

    @Test
    void findByEmailLooksAtEmailCommunicationsOnly() {
        String value = email();
        crm().contactPersons().create(me(), person("W", "Web", new Communication(CommunicationType.WEB, value, true)),
                Optional.empty());
        assertThat(crm().contactPersons().findByEmail(me(), value)).isEmpty();
    }

    @Test
    void searchMatchesEveryCriterionGiven() {
        String tag = CrmTestData.unique("Zq").replace("-", "");
        BusinessPartner bp = newPartner();
        String domain = tag.toLowerCase(java.util.Locale.ROOT) + ".example";
        ContactPerson anna = crm().contactPersons().create(me(), new ContactPersonData(Optional.of(bp.id()), "", "", "Anna",
                tag + "berg", "", "", List.of(Communication.email("anna@" + domain, true))), Optional.empty());
        ContactPerson bert = crm().contactPersons().create(me(), new ContactPersonData(Optional.of(bp.id()), "", "",
                tag + "bert", "Meier", "", "", List.of(Communication.email("bert@other.example", true))), Optional.empty());
        ContactPerson carl = crm().contactPersons().create(me(), new ContactPersonData(Optional.empty(), "", "", "Carl",
                tag + "mann", "", "", List.of(Communication.email("carl@" + domain, true))), Optional.empty());

        assertThat(search(tag.toUpperCase(java.util.Locale.ROOT), Optional.empty(), "", 100))
                .containsExactlyInAnyOrder(anna.id(), bert.id(), carl.id());
        assertThat(search(tag + "BERG", Optional.empty(), "", 100)).containsExactly(anna.id());
        assertThat(search("", Optional.of(bp), "", 100)).containsExactlyInAnyOrder(anna.id(), bert.id());
        assertThat(search("", Optional.empty(), "@" + domain.toUpperCase(java.util.Locale.ROOT), 100))
                .containsExactlyInAnyOrder(anna.id(), carl.id());
        assertThat(search(tag, Optional.of(bp), domain, 100)).containsExactly(anna.id());
        assertThat(search(tag, Optional.empty(), "", 2)).hasSize(2);
        assertThat(crm().contactPersons().search(me(), ContactSearch.all(1))).hasSize(1);
    }

    private List<ContactPersonId> search(String name, Optional<BusinessPartner> bp, String email, int limit) {
        return crm().contactPersons().search(me(), new ContactSearch(name, bp.map(BusinessPartner::id), email, limit))
                .stream().map(ContactPerson::id).toList();
    }

    @Test
    void aPhotoCanBeSetReplacedAndRemoved() {
        ContactPerson created = crm().contactPersons().create(me(), full(newPartner(), email()), Optional.empty());
        assertThat(crm().contactPersons().photo(me(), created.id())).isEmpty();

        Photo jpeg = new Photo("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
        ContactPerson withPhoto = crm().contactPersons().setPhoto(me(), created.id(), Optional.of(jpeg));
        assertThat(withPhoto.version()).isGreaterThan(created.version());
        assertThat(withPhoto.data()).isEqualTo(created.data());
        assertThat(crm().contactPersons().photo(me(), created.id())).contains(jpeg);

        byte[] big = new byte[Photo.MAX_BYTES];
        new java.util.Random(7).nextBytes(big);
        Photo png = new Photo("image/png", big);
        ContactPerson replaced = crm().contactPersons().setPhoto(me(), created.id(), Optional.of(png));
        assertThat(replaced.version()).isGreaterThan(withPhoto.version());
        assertThat(crm().contactPersons().photo(me(), created.id())).contains(png);

        ContactPerson removed = crm().contactPersons().setPhoto(me(), created.id(), Optional.empty());
        assertThat(removed.version()).isGreaterThan(replaced.version());
        assertThat(crm().contactPersons().photo(me(), created.id())).isEmpty();
    }

    @Test
    void photosOfMissingContactsAreNotFound() {
        ContactPersonId missing = ContactPersonId.of(CrmTestData.unique("missing"));
        Photo photo = new Photo("image/png", new byte[] {1});
        assertThatThrownBy(() -> crm().contactPersons().setPhoto(me(), missing, Optional.of(photo)))
                .isInstanceOf(CrmNotFoundException.class);
        try {
            assertThat(crm().contactPersons().photo(me(), missing)).isEmpty();
        } catch (CrmNotFoundException expected) {
            // either answer is fine: there is no photo
        }
    }
}

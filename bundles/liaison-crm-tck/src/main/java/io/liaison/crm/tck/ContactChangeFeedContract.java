package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Photo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contact person change feed: creates, updates (also of communications and photo) and deletes since a token, in
 * pages, resumable. Other tests change contacts at the same time, so assertions look at this test's contacts only.
 */
public abstract class ContactChangeFeedContract extends ContractSupport {

    private CrmTestData.Feed<ContactPerson, ContactPersonId> drain(Optional<CrmToken> since, int max) {
        return CrmTestData.drain(t -> crm().contactPersons().changesSince(me(), t, max), ContactPerson::id, since);
    }

    private CrmToken head() {
        return drain(Optional.empty(), 500).next();
    }

    private ContactPerson contact(String last) {
        return crm().contactPersons().create(me(), person("Feed", CrmTestData.unique(last),
                Communication.email(CrmTestData.unique("feed") + "@customer.example", true)), Optional.empty());
    }

    /**
     * A business partner's new name is the company of its contact persons' groupware contacts: the rename counts as a
     * change of each of them (new version, in the feed), and of no other contact person.
     */
    @Test
    void renamingABusinessPartnerChangesItsContactPersons() {
        io.liaison.api.domain.BusinessPartner partner = newPartner();
        ContactPerson member = crm().contactPersons().create(me(), new io.liaison.api.domain.ContactPersonData(
                Optional.of(partner.id()), "", "", "Rita", CrmTestData.unique("Rename"), "", "", List.of()),
                Optional.empty());
        ContactPerson outsider = contact("outsider");
        CrmToken token = head();

        String newName = CrmTestData.unique("Renamed");
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture().renameBusinessPartner(partner.id(), newName),
                "the fixture cannot rename a business partner");

        var feed = drain(Optional.of(token), 500);
        assertThat(feed.changed(member.id())).hasValueSatisfying(p -> assertThat(p.version()).isNotEqualTo(member.version()));
        assertThat(feed.changed(outsider.id())).isEmpty();
        assertThat(crm().businessPartners().get(me(), partner.id())).hasValueSatisfying(
                p -> assertThat(p.name()).isEqualTo(newName));
    }

    @Test
    void createsUpdatesAndDeletesSinceATokenAreReported() {
        ContactPerson deletedLater = contact("deleted");
        ContactPerson updatedLater = contact("updated");
        ContactPerson photographed = contact("photo");
        ContactPerson reachable = contact("reachable");
        CrmToken token = head();

        ContactPerson created = contact("created");
        ContactPerson updated = crm().contactPersons().update(me(), updatedLater.id(), updatedLater.version(),
                person("Changed", "Name"));
        ContactPerson withPhoto = crm().contactPersons().setPhoto(me(), photographed.id(),
                Optional.of(new Photo("image/png", new byte[] {1, 2})));
        ContactPerson withNumber = crm().contactPersons().addCommunication(me(), reachable.id(),
                new Communication(io.liaison.api.domain.CommunicationType.MOBILE, "+49 171 000", false));
        crm().contactPersons().delete(me(), deletedLater.id(), deletedLater.version());

        var feed = drain(Optional.of(token), 500);
        assertThat(feed.changed(created.id())).contains(created);
        assertThat(feed.changed(updated.id())).contains(updated);
        assertThat(feed.changed(photographed.id())).contains(withPhoto);
        assertThat(feed.changed(reachable.id())).contains(withNumber);
        assertThat(feed.removed(deletedLater.id())).isTrue();
    }

    /** Issue 25: a CRM that can tell a token ahead of its feed never says so of a token it gave out. */
    @Test
    void noTokenTheFeedGaveOutIsAheadOfIt() {
        CrmToken before = head();
        contact("ahead?");
        CrmToken after = head();

        assertThat(crm().contactPersons().aheadOfFeed(me(), before)).isFalse();
        assertThat(crm().contactPersons().aheadOfFeed(me(), after)).isFalse();
    }

    @Test
    void anEmptyTokenStartsAtTheBeginning() {
        ContactPerson created = contact("first");
        assertThat(drain(Optional.empty(), 500).changed(created.id())).contains(created);
    }

    @Test
    void pagesHoldAtMostMaxItemsAndTogetherHoldEveryChange() {
        CrmToken token = head();
        List<ContactPerson> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(contact("paged"));
        }
        var feed = drain(Optional.of(token), 2);
        assertThat(feed.pages()).hasSizeGreaterThanOrEqualTo(3);
        for (CrmChangePage<ContactPerson, ContactPersonId> page : feed.pages()) {
            assertThat(page.changed().size() + page.removed().size()).isLessThanOrEqualTo(2);
        }
        for (ContactPerson c : created) {
            assertThat(feed.changed(c.id())).contains(c);
        }
    }

    @Test
    void aFeedResumesFromTheLastToken() {
        ContactPerson c = contact("resume");
        CrmToken token = head();
        ContactPerson changed = crm().contactPersons().update(me(), c.id(), c.version(), person("Re", "Sumed"));
        var feed = drain(Optional.of(token), 500);
        assertThat(feed.changed(c.id())).contains(changed);
        // the same token again gives the same answer; the new token gives nothing of this contact
        assertThat(drain(Optional.of(token), 500).changed(c.id())).contains(changed);
        assertThat(drain(Optional.of(feed.next()), 500).last()).doesNotContainKey(c.id());
    }

    @Test
    void settingAPartnersCountryIsAChangeOfItsContactPersons() {
        // CRM SPI 1.4: their numbers without a country code are read in it, so the duplicate check reads them anew
        io.liaison.api.domain.BusinessPartner partner = newPartner();
        ContactPerson member = crm().contactPersons().create(me(), new io.liaison.api.domain.ContactPersonData(
                Optional.of(partner.id()), "", "", "Hans", CrmTestData.unique("Country"), "", "", List.of()),
                Optional.empty());
        ContactPerson outsider = contact("outsider");
        CrmToken token = head();
        io.liaison.api.domain.BusinessPartner swiss;
        try {
            swiss = crm().businessPartners().setCountry(me(), partner.id(), "ch");
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("the CRM keeps no country for its business partners");
            return;
        }
        assertThat(swiss.country()).isEqualTo("CH");
        assertThat(crm().businessPartners().get(me(), partner.id())).contains(swiss);
        var feed = drain(Optional.of(token), 500);
        assertThat(feed.changed(member.id())).hasValueSatisfying(p -> assertThat(p.version()).isNotEqualTo(member.version()));
        assertThat(feed.changed(outsider.id())).isEmpty();
        assertThat(crm().businessPartners().setCountry(me(), partner.id(), "").country()).isEmpty();
    }
}

package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.PostalAddress;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuous replication of linked contacts both ways: changes, echoes, conflicts, deletions and the guard. */
abstract class ReplicationCases {

    /** The groupware of the flows. */
    abstract ContactFlow.Backend backend();
    @TempDir
    Path dir;
    ContactFlow flow;
    BusinessPartner firma;

    ContactPerson exported(String first, String last) {
        ContactPerson p = flow.person(firma, first, last, first.toLowerCase() + "@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(p.id()), true);
        return p;
    }

    void setUp(ConflictPolicy policy) {
        flow = new ContactFlow(dir, policy, backend());
        firma = flow.partner("Firma GmbH", "firma.de");
    }

    ContactPerson crm(ContactPerson p) {
        return flow.crm.contactPersons().get(ContactFlow.DEMO, p.id()).orElseThrow();
    }

    void changeInCrm(ContactPerson p, String position) {
        ContactPerson now = crm(p);
        ContactPersonData d = now.data();
        flow.crm.contactPersons().update(ContactFlow.DEMO, p.id(), now.version(), new ContactPersonData(
                d.businessPartner(), d.salutation(), d.title(), d.firstName(), d.lastName(), position, d.department(),
                d.communications()));
    }

    GroupwareItem<ContactData> gw(ContactPerson p) {
        return flow.groupware(store -> store.findByCrmId(p.id().value()).orElseThrow());
    }

    void changeInGroupware(ContactPerson p, String mobile, String notes) {
        GroupwareItem<ContactData> item = gw(p);
        ContactData d = item.data();
        ContactData changed = new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(),
                d.department(), d.jobTitle(), d.emails(), d.businessPhones(), mobile, d.homePhones(), notes, d.photo());
        flow.groupware(store -> store.update(item.id(), item.version(), changed, item.crmId()));
    }

    static List<Outcome> outcomes(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::outcome).toList();
    }

    @Test
    void changesOnEitherSideArePropagatedOnceWithoutEchoes() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContain(Outcome.UPDATED, Outcome.FAILED);

        changeInCrm(anna, "Geschäftsführung");
        changeInGroupware(bob, "0171 5555555", "");
        SyncRun run = flow.run();

        assertThat(outcomes(flow.entries(run))).containsExactlyInAnyOrder(Outcome.UPDATED, Outcome.UPDATED);
        assertThat(gw(anna).data().jobTitle()).isEqualTo("Geschäftsführung");
        assertThat(crm(bob).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 5555555");
        assertThat(crm(bob).data().salutation()).isEqualTo("Frau");

        assertThat(flow.entries(flow.run())).isEmpty();
        assertThat(flow.contactCount()).isEqualTo(2);
    }

    @Test
    void aGroupwareChangeToFieldsTheCrmDoesNotHoldWritesNothing() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        flow.run();
        long version = crm(anna).version();

        // a home number: the groupware's own (notes were the example before they were mapped)
        GroupwareItem<ContactData> item = gw(anna);
        flow.groupware(store -> store.update(item.id(), item.version(), item.data().withLists(item.data().emails(),
                item.data().businessPhones(), List.of("+49 30 5550199")), item.crmId()));
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(outcomes(entries)).containsExactly(Outcome.UNCHANGED);
        assertThat(crm(anna).version()).isEqualTo(version);
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    @Test
    void aConflictFollowsTheCrmWinsPolicy() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        flow.run();

        changeInCrm(anna, "Vorstand");
        changeInGroupware(anna, "0171 1111111", "");
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.CONFLICT);
            assertThat(e.message()).contains("CRM_WINS");
        });
        assertThat(gw(anna).data().jobTitle()).isEqualTo("Vorstand");
        assertThat(gw(anna).data().mobilePhone()).isEmpty();
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    @Test
    void aConflictUnderKeepBothKeepsTheGroupwareVersionAsAnImportableCopy() {
        setUp(ConflictPolicy.KEEP_BOTH);
        ContactPerson anna = exported("Anna", "Alt");
        flow.run();

        changeInCrm(anna, "Vorstand");
        changeInGroupware(anna, "0171 1111111", "");
        assertThat(outcomes(flow.entries(flow.run()))).containsExactly(Outcome.CONFLICT);

        assertThat(flow.contactCount()).isEqualTo(2);
        assertThat(gw(anna).data().jobTitle()).isEqualTo("Vorstand");
        List<ImportableContact> offered = flow.replication.importPreview(flow.account.id());
        assertThat(offered).singleElement().satisfies(c -> assertThat(c.contact().mobilePhone()).isEqualTo("0171 1111111"));
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContain(Outcome.CONFLICT, Outcome.FAILED);
    }

    /**
     * Web pages go both ways (vCard URL, Graph's one businessHomePage); a groupware contact without any says nothing
     * about the CRM's (one written before web pages were mapped has none), so a groupware edit keeps them.
     */
    @Test
    void webPagesGoBothWaysAndAContactWithoutAnyKeepsTheCrms() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        flow.run();
        setWebPages(anna, List.of("https://firma.de/anna", "https://anna.example"));
        setWebPages(bob, List.of("https://firma.de/bob"));
        flow.run();
        List<String> held = gw(anna).data().webPages();
        assertThat(held).as("all of them, or the first where a contact holds one (Graph's businessHomePage)")
                .isIn(List.of("https://firma.de/anna", "https://anna.example"), List.of("https://firma.de/anna"));
        boolean onePage = held.size() == 1;

        GroupwareItem<ContactData> a = gw(anna);
        flow.groupware(store -> store.update(a.id(), a.version(),
                a.data().withWebPages(List.of("https://firma.de/team/anna")), a.crmId()));
        GroupwareItem<ContactData> b = gw(bob);
        flow.groupware(store -> store.update(b.id(), b.version(), b.data().withWebPages(List.of()), b.crmId()));
        changeInGroupware(bob, "0171 3333333", "");
        flow.run();

        assertThat(crm(anna).data().valuesOf(CommunicationType.WEB)).as("the groupware's edit, and what it cannot hold")
                .isEqualTo(onePage ? List.of("https://firma.de/team/anna", "https://anna.example")
                        : List.of("https://firma.de/team/anna"));
        assertThat(crm(bob).data().valuesOf(CommunicationType.WEB)).containsExactly("https://firma.de/bob");
        assertThat(crm(bob).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 3333333");
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContain(Outcome.FAILED, Outcome.CONFLICT);
    }

    /**
     * A birthday goes both ways (vCard BDAY, Graph's birthday), one without a year as well; a side without one says
     * nothing about the other's (contacts and persons written before birthdays were mapped have none), so an edit
     * of another field there keeps it.
     */
    @Test
    void birthdaysGoBothWaysAndASideWithoutOneKeepsTheOthers() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        flow.run();
        ContactPerson a = crm(anna);
        flow.crm.contactPersons().update(ContactFlow.DEMO, a.id(), a.version(),
                a.data().withBirthday(Optional.of(LocalDate.of(1974, 4, 15))));
        flow.run();
        assertThat(gw(anna).data().birthday()).contains(LocalDate.of(1974, 4, 15));

        GroupwareItem<ContactData> b = gw(bob);
        LocalDate noYear = LocalDate.of(ContactPersonData.NO_YEAR, 2, 29);
        flow.groupware(store -> store.update(b.id(), b.version(), b.data().withBirthday(Optional.of(noYear)),
                b.crmId()));
        flow.run();
        assertThat(crm(bob).data().birthday()).contains(noYear);

        // the other side without one: a groupware edit that carries no birthday, a CRM edit that carries none
        changeInGroupware(anna, "0171 2222222", "");
        changeInCrm(bob, "Einkauf");
        flow.run();
        assertThat(crm(anna).data().birthday()).contains(LocalDate.of(1974, 4, 15));
        assertThat(crm(anna).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 2222222");
        assertThat(gw(bob).data().birthday()).contains(noYear);
        assertThat(gw(bob).data().jobTitle()).isEqualTo("Einkauf");
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContain(Outcome.FAILED, Outcome.CONFLICT);
    }

    /**
     * Notes go both ways (vCard NOTE, Graph personalNotes); a CRM person without notes leaves the groupware's as
     * they are (today's contacts hold notes written in Outlook that the CRM never had), and a groupware contact
     * without notes leaves the CRM's.
     */
    @Test
    void notesGoBothWaysAndASideWithoutAnyKeepsTheOthers() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        ContactPerson cleo = exported("Cleo", "Cord");
        flow.run();
        ContactPerson a = crm(anna);
        flow.crm.contactPersons().update(ContactFlow.DEMO, a.id(), a.version(),
                a.data().withNotes("Prefers calls after 10:00.\nMet at the fair."));
        changeInGroupware(bob, "", "Wrote in Outlook: likes tea.");
        flow.run();
        assertThat(gw(anna).data().notes()).isEqualTo("Prefers calls after 10:00.\nMet at the fair.");
        assertThat(crm(bob).data().notes()).isEqualTo("Wrote in Outlook: likes tea.");

        // notes only in the groupware (a conflict the CRM won: its content, which has none, was written), then a
        // CRM edit of another field; and a groupware edit of another field that carries no notes
        changeInGroupware(cleo, "", "Outlook only");
        changeInCrm(cleo, "Vertrieb");
        flow.run();
        assertThat(crm(cleo).data().notes()).isEmpty();
        changeInCrm(cleo, "Einkauf");
        changeInGroupware(anna, "0171 2222222", "");
        flow.run();
        assertThat(gw(cleo).data().jobTitle()).isEqualTo("Einkauf");
        assertThat(gw(cleo).data().notes()).isEqualTo("Outlook only");
        assertThat(crm(anna).data().notes()).isEqualTo("Prefers calls after 10:00.\nMet at the fair.");
        assertThat(crm(anna).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 2222222");
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContain(Outcome.FAILED, Outcome.CONFLICT);
    }

    /**
     * Postal addresses go both ways (vCard ADR typed work/home, Graph's businessAddress, homeAddress and
     * otherAddress); what the groupware cannot hold (Graph: a second business address) stays in the CRM, and a
     * groupware contact without any says nothing about the CRM's.
     */
    @Test
    void postalAddressesGoBothWaysAndWhatTheGroupwareCannotHoldStays() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        flow.run();
        PostalAddress office = new PostalAddress(PostalAddress.Kind.BUSINESS, "Friedrichstraße 123", "10117", "Berlin",
                "", "Deutschland");
        PostalAddress branch = new PostalAddress(PostalAddress.Kind.BUSINESS, "Hafenstraße 1", "20459", "Hamburg", "",
                "Deutschland");
        PostalAddress home = new PostalAddress(PostalAddress.Kind.HOME, "Gartenweg 2", "14467", "Potsdam",
                "Brandenburg", "Deutschland");
        for (ContactPerson p : List.of(anna, bob)) {
            ContactPerson now = crm(p);
            flow.crm.contactPersons().update(ContactFlow.DEMO, now.id(), now.version(),
                    now.data().withPostalAddresses(List.of(office, branch, home)));
        }
        flow.run();
        List<PostalAddress> held = gw(anna).data().postalAddresses();
        assertThat(held).as("all of them, or one of each kind (Graph)")
                .isIn(List.of(office, branch, home), List.of(office, home));

        PostalAddress moved = new PostalAddress(PostalAddress.Kind.BUSINESS, "Unter den Linden 1", "10117", "Berlin",
                "", "Deutschland");
        GroupwareItem<ContactData> a = gw(anna);
        List<PostalAddress> edited = new ArrayList<>(a.data().postalAddresses());
        edited.set(0, moved);
        flow.groupware(store -> store.update(a.id(), a.version(), a.data().withPostalAddresses(edited), a.crmId()));
        GroupwareItem<ContactData> b = gw(bob);
        flow.groupware(store -> store.update(b.id(), b.version(), b.data().withPostalAddresses(List.of()), b.crmId()));
        changeInGroupware(bob, "0171 3333333", "");
        flow.run();

        assertThat(crm(anna).data().postalAddresses()).containsExactlyInAnyOrder(moved, branch, home);
        assertThat(crm(bob).data().postalAddresses()).containsExactly(office, branch, home);
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContain(Outcome.FAILED, Outcome.CONFLICT);
    }

    void setWebPages(ContactPerson p, List<String> pages) {
        ContactPerson now = crm(p);
        ContactPersonData d = now.data();
        List<io.liaison.api.domain.Communication> comms = new java.util.ArrayList<>(d.communications().stream()
                .filter(c -> c.type() != CommunicationType.WEB).toList());
        for (int i = 0; i < pages.size(); i++) {
            comms.add(new io.liaison.api.domain.Communication(CommunicationType.WEB, pages.get(i), i == 0));
        }
        flow.crm.contactPersons().update(ContactFlow.DEMO, p.id(), now.version(), new ContactPersonData(
                d.businessPartner(), d.salutation(), d.title(), d.firstName(), d.lastName(), d.position(),
                d.department(), comms));
    }

    /** "Newest wins" keeps the later edit, in either order, by the CRM's time against the groupware's. */
    @Test
    void newestWinsKeepsTheLaterEditInEitherOrder() throws InterruptedException {
        setUp(ConflictPolicy.NEWEST_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        flow.run();

        changeInCrm(anna, "Vorstand");
        changeInGroupware(bob, "0171 2222222", "");
        waitPastFileTimes();
        changeInGroupware(anna, "0171 1111111", "");
        changeInCrm(bob, "Aufsichtsrat");
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(outcomes(entries)).containsExactly(Outcome.CONFLICT, Outcome.CONFLICT);
        assertThat(entries).allSatisfy(e -> assertThat(e.message()).contains("NEWEST_WINS").contains("in the groupware at"));
        assertThat(crm(anna).data().valuesOf(CommunicationType.MOBILE)).as("the groupware edit came last")
                .containsExactly("0171 1111111");
        assertThat(crm(anna).data().position()).isEqualTo("Einkauf");
        assertThat(gw(bob).data().jobTitle()).as("the CRM edit came last").isEqualTo("Aufsichtsrat");
        assertThat(gw(bob).data().mobilePhone()).isEmpty();
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    /**
     * Linux stamps files with the kernel's coarse clock (one timer tick, 1-10 ms, behind the system clock); edits by
     * people are seconds apart, the test's at least this far.
     */
    private static void waitPastFileTimes() throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusMillis(30);
        while (java.time.Instant.now().isBefore(until)) {
            Thread.sleep(Math.max(1, java.time.Duration.between(java.time.Instant.now(), until).toMillis()));
        }
    }

    @Test
    void aGroupwareWinsConflictUpdatesTheCrm() {
        setUp(ConflictPolicy.GROUPWARE_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        flow.run();

        changeInCrm(anna, "Vorstand");
        changeInGroupware(anna, "0171 1111111", "");
        flow.run();

        assertThat(crm(anna).data().position()).isEqualTo("Einkauf");
        assertThat(crm(anna).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 1111111");
    }

    @Test
    void deletionsInTheCrmDeleteTheGroupwareContactAndDeletionsInTheGroupwareOnlyUnlink() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        flow.run();

        flow.crm.contactPersons().delete(ContactFlow.DEMO, anna.id(), crm(anna).version());
        GroupwareItem<ContactData> bobs = gw(bob);
        flow.groupware(store -> {
            store.delete(bobs.id(), bobs.version());
            return null;
        });
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(outcomes(entries)).containsExactlyInAnyOrder(Outcome.DELETED, Outcome.DELETED);
        assertThat(flow.contactCount()).isZero();
        assertThat(flow.link(anna)).isEmpty();
        assertThat(flow.link(bob)).isEmpty();
        assertThat(flow.crm.contactPersons().get(ContactFlow.DEMO, bob.id())).isPresent();
    }

    @Test
    void theMassDeleteGuardStopsAnOutageFromUnlinkingEverything() {
        setUp(ConflictPolicy.CRM_WINS);
        List<ContactPerson> people = new ArrayList<>();
        for (String name : List.of("Anna", "Bob", "Carl", "Dora", "Emil", "Frida")) {
            people.add(exported(name, "Test"));
        }
        flow.run();
        flow.removeAllOutside();

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("mass-delete guard").contains("6 of 6");
        });
        assertThat(people).allSatisfy(p -> assertThat(flow.link(p)).isPresent());
    }
}

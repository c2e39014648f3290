package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.Photo;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contacts as people keep them (issue 26): more e-mail addresses than Outlook holds, contacts copied in the
 * groupware, photos the connector cannot use, contacts moved to another business partner.
 */
abstract class RealWorldCases {

    /** A real 1x1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** The groupware of the flows. */
    abstract ContactFlow.Backend backend();

    @TempDir
    Path dir;
    ContactFlow flow;
    BusinessPartner firma;

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS, backend());
        firma = flow.partner("Firma GmbH", "firma.de");
    }

    /**
     * How many e-mail addresses and business numbers the groupware holds: an Outlook contact 3 and 2 (Graph answers
     * 400 to more: microsoftgraph/microsoft-graph-docs issue 15276), a vCard any number.
     */
    int emailsHeld() {
        return backend() == ContactFlow.Backend.GRAPH ? 3 : Integer.MAX_VALUE;
    }

    int businessPhonesHeld() {
        return backend() == ContactFlow.Backend.GRAPH ? 2 : Integer.MAX_VALUE;
    }

    ContactPerson crm(ContactPerson p) {
        return flow.crm.contactPersons().get(ContactFlow.DEMO, p.id()).orElseThrow();
    }

    GroupwareItem<ContactData> linkedGw(ContactPerson p) {
        String id = flow.link(p).orElseThrow().groupwareId();
        return flow.groupware(store -> store.get(id).orElseThrow());
    }

    ContactPerson withPosition(ContactPerson p, String position) {
        ContactPerson now = crm(p);
        ContactPersonData d = now.data();
        return flow.crm.contactPersons().update(ContactFlow.DEMO, p.id(), now.version(), new ContactPersonData(
                d.businessPartner(), d.salutation(), d.title(), d.firstName(), d.lastName(), position, d.department(),
                d.communications()));
    }

    void changeMobileInGroupware(GroupwareItem<ContactData> item, String mobile) {
        ContactData d = item.data();
        ContactData changed = new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(),
                d.department(), d.jobTitle(), d.emails(), d.businessPhones(), mobile, d.homePhones(), d.notes(),
                d.photo(), d.photoProblem());
        flow.groupware(store -> store.update(item.id(), item.version(), changed, item.crmId()));
    }

    static List<Outcome> outcomes(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::outcome).toList();
    }

    // ---- point 1: what the groupware holds

    @Test
    void moreAddressesThanTheGroupwareHoldsAreSentCutWithAWarningAndStayInTheCrm() {
        List<String> emails = List.of("v1@firma.de", "v2@firma.de", "v3@firma.de", "v4@firma.de", "v5@firma.de");
        List<String> phones = List.of("030 1", "030 2", "030 3");
        List<Communication> comms = new java.util.ArrayList<>();
        emails.forEach(e -> comms.add(Communication.email(e, comms.isEmpty())));
        phones.forEach(p -> comms.add(new Communication(CommunicationType.PHONE, p, p.equals("030 1"))));
        ContactPerson vera = flow.crm.contactPersons().create(ContactFlow.DEMO, new ContactPersonData(
                Optional.of(firma.id()), "Frau", "", "Vera", "Viel", "Einkauf", "", comms), Optional.empty());

        ExportReport report = flow.replication.export(flow.account.id(), List.of(vera.id()),
                ExportOptions.defaultFolder(true));

        assertThat(report.exported()).containsExactly(vera.id());
        ContactData written = linkedGw(vera).data();
        assertThat(written.emails()).containsExactlyElementsOf(emails.subList(0, Math.min(5, emailsHeld())));
        assertThat(written.businessPhones()).containsExactlyElementsOf(phones.subList(0, Math.min(3, businessPhonesHeld())));
        if (backend() == ContactFlow.Backend.GRAPH) {
            assertThat(report.warnings()).extracting(w -> w.reason()).containsExactly(
                    "the groupware holds at most 3 e-mail addresses: v4@firma.de, v5@firma.de not written there; "
                            + "kept in the CRM",
                    "the groupware holds at most 2 business phone numbers: 030 3 not written there; kept in the CRM");
        } else {
            assertThat(report.warnings()).isEmpty();
        }
        assertThat(flow.entries(flow.run())).isEmpty();

        // a change in the groupware keeps what it never held; a change in the CRM is written, not failed
        changeMobileInGroupware(linkedGw(vera), "0171 2345");
        assertThat(outcomes(flow.entries(flow.run()))).containsExactly(Outcome.UPDATED);
        assertThat(crm(vera).data().valuesOf(CommunicationType.EMAIL)).containsExactlyElementsOf(emails);
        assertThat(crm(vera).data().valuesOf(CommunicationType.PHONE)).containsExactlyElementsOf(phones);
        assertThat(crm(vera).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 2345");
        withPosition(vera, "Vorstand");
        List<JournalEntry> entries = flow.entries(flow.run());
        assertThat(outcomes(entries)).contains(Outcome.UPDATED).doesNotContain(Outcome.FAILED);
        assertThat(outcomes(entries).contains(Outcome.WARNING)).isEqualTo(backend() == ContactFlow.Backend.GRAPH);
        assertThat(linkedGw(vera).data().jobTitle()).isEqualTo("Vorstand");
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    // ---- point 3: a photo that is there but cannot be used

    @Test
    void aGroupwarePhotoLiaisonCannotUseNeverDeletesTheCrmPhoto() {
        ContactPerson anna = flow.person(firma, "Anna", "Bild", "anna@firma.de", null);
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, anna.id(), Optional.of(new Photo("image/png", PNG)));
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();

        flow.setUnusablePhotoOutside(linkedGw(anna).id());
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(flow.crm.contactPersons().photo(ContactFlow.DEMO, anna.id())).hasValueSatisfying(
                p -> assertThat(p.bytes()).isEqualTo(PNG));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).startsWith("photo not replicated: ").contains("the CRM photo is kept");
        });
        // a later change of the CRM leaves the groupware's photo as the person set it
        withPosition(anna, "Vorstand");
        assertThat(outcomes(flow.entries(flow.run()))).contains(Outcome.UPDATED).doesNotContain(Outcome.FAILED);
        assertThat(linkedGw(anna).data().jobTitle()).isEqualTo("Vorstand");
        assertThat(linkedGw(anna).data().photoProblem()).isPresent();
        assertThat(flow.crm.contactPersons().photo(ContactFlow.DEMO, anna.id())).isPresent();
    }

    // ---- point 2: contacts copied in the groupware

    @Test
    void aCopyOfAReplicatedContactIsOfferedAsACopyAndStaysWhenTheContactIsWithdrawn() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        String original = linkedGw(anna).id();
        String copy = flow.copyOutside(original);

        List<ImportableContact> offered = flow.replication.importPreview(flow.account.id());
        assertThat(offered).singleElement().satisfies(c -> {
            assertThat(c.groupwareId()).isEqualTo(copy);
            assertThat(c.copyOf()).contains(anna.id());
        });
        withPosition(anna, "Vorstand");
        assertThat(outcomes(flow.entries(flow.run()))).containsExactly(Outcome.UPDATED);
        assertThat(linkedGw(anna).id()).isEqualTo(original);

        flow.replication.setReplicated(flow.account.id(), anna.id(), false);

        assertThat(flow.groupwareContacts()).extracting(GroupwareItem::id).containsExactly(copy);
        assertThat(flow.link(anna)).isEmpty();
    }

    @Test
    void twoContactsCarryingTheIdOfAnUnlinkedContactPersonAreNeitherAdoptedNorOverwritten() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        String original = linkedGw(anna).id();
        flow.copyOutside(original);
        flow.links.delete(flow.account.id(), ReplicationKeys.SCOPE, anna.id().value()); // an export stopped before its link

        List<JournalEntry> entries = flow.entries(flow.run());
        ExportReport again = flow.replication.export(flow.account.id(), List.of(anna.id()),
                ExportOptions.defaultFolder(true));

        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("2 groupware contacts carry CRM id " + anna.id().value())
                    .contains("none is adopted");
        });
        assertThat(again.exported()).isEmpty();
        assertThat(again.failed()).singleElement().satisfies(f -> assertThat(f.reason()).contains("none is adopted"));
        assertThat(flow.link(anna)).isEmpty();
        assertThat(flow.contactCount()).isEqualTo(2);
    }

    // ---- point 4: the business partner's name is the groupware's company

    @Test
    void aContactMovedToAnotherBusinessPartnerGetsItsCompanyInTheGroupware() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        assertThat(linkedGw(anna).data().company()).isEqualTo("Firma GmbH");
        BusinessPartner other = flow.partner("Andere AG", "andere.de");

        ContactPerson now = crm(anna);
        ContactPersonData d = now.data();
        flow.crm.contactPersons().update(ContactFlow.DEMO, anna.id(), now.version(), new ContactPersonData(
                Optional.of(other.id()), d.salutation(), d.title(), d.firstName(), d.lastName(), d.position(),
                d.department(), d.communications()));
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(outcomes(entries)).containsExactly(Outcome.UPDATED);
        assertThat(linkedGw(anna).data().company()).isEqualTo("Andere AG");
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    @Test
    void renamingTheBusinessPartnerUpdatesTheCompanyOfItsLinkedContacts() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson bob = flow.person(firma, "Bob", "Bau", "bob@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id(), bob.id()), true);
        flow.run();

        flow.crm.renameBusinessPartner(ContactFlow.DEMO, firma.id(), "Firma Neu GmbH");
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(outcomes(entries)).containsExactly(Outcome.UPDATED, Outcome.UPDATED);
        assertThat(linkedGw(anna).data().company()).isEqualTo("Firma Neu GmbH");
        assertThat(linkedGw(bob).data().company()).isEqualTo("Firma Neu GmbH");
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    // ---- point 5: merges in the CRM

    /**
     * A contact person merged into a duplicate nobody exported: the groupware contact is not deleted but follows the
     * survivor (same groupware contact, the survivor's CRM id and content, one contact in the groupware).
     */
    @Test
    void aContactMergedIntoAnUnexportedDuplicateFollowsTheSurvivor() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson twin = flow.person(firma, "Anna", "Alt", "a.alt@firma.de", "+49 171 5550101");
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        String contact = linkedGw(anna).id();

        flow.crm.mergeContactPerson(ContactFlow.DEMO, anna.id(), twin.id());
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.LINKED);
            assertThat(e.message()).contains("merged into", twin.id().value(), "follows it");
        });
        assertThat(flow.link(anna)).isEmpty();
        assertThat(flow.link(twin)).hasValueSatisfying(l -> assertThat(l.groupwareId()).isEqualTo(contact));
        GroupwareItem<ContactData> followed = linkedGw(twin);
        assertThat(followed.crmId()).contains(twin.id().value());
        assertThat(followed.data().mobilePhone()).isEqualTo("+49 171 5550101");
        assertThat(followed.data().emails()).contains("anna@firma.de", "a.alt@firma.de");
        assertThat(flow.contactCount()).isEqualTo(1);
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    /**
     * Merged into a contact person that has a groupware contact of its own: that one stays linked, and the merged
     * person's groupware contact is kept (the person may hold notes there), without CRM id, with a journal entry
     * saying why; nothing is deleted.
     */
    @Test
    void aContactMergedIntoOneWithItsOwnGroupwareContactIsKeptUnlinked() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson twin = flow.person(firma, "Anna", "Alt", "a.alt@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id(), twin.id()), true);
        flow.run();
        String annas = linkedGw(anna).id();
        String twins = linkedGw(twin).id();

        flow.crm.mergeContactPerson(ContactFlow.DEMO, anna.id(), twin.id());
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(e.message()).contains("merged into", twin.id().value(), "groupware item of its own", "kept");
        });
        assertThat(outcomes(entries)).doesNotContain(Outcome.DELETED);
        assertThat(flow.groupwareContacts()).extracting(GroupwareItem::id).containsExactlyInAnyOrder(annas, twins);
        assertThat(flow.groupware(store -> store.get(annas).orElseThrow()).crmId()).isEmpty();
        assertThat(flow.link(twin)).hasValueSatisfying(l -> assertThat(l.groupwareId()).isEqualTo(twins));
        assertThat(flow.link(anna)).isEmpty();
    }

    /**
     * A CRM that does not say why a contact person is gone (no record of merges): the groupware contact is detached,
     * not deleted, since the person may well live on as a merge survivor.
     */
    @Test
    void aContactGoneForAReasonTheCrmDoesNotTellIsDetachedNotDeleted() throws Exception {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        String contact = linkedGw(anna).id();

        flow.crm.contactPersons().delete(ContactFlow.DEMO, anna.id(), crm(anna).version());
        flow.forgetRemovals();
        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(e.message()).contains("does not tell whether it was deleted or merged");
        });
        assertThat(flow.groupwareContacts()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(contact);
            assertThat(g.crmId()).isEmpty();
        });
        assertThat(flow.link(anna)).isEmpty();
    }

    /** Makes the next groupware update of a run fail once, as a groupware refusing a write would. */
    java.util.concurrent.atomic.AtomicBoolean failNextGroupwareUpdate() {
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        flow.writes.hook = (where, args) -> {
            if (where.equals("ItemStore.update") && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the groupware refused the write (injected fault)");
            }
        };
        return failed;
    }

    /**
     * The groupware write that makes a contact follow its merge survivor fails: the next run, whose CRM feed no
     * longer mentions the merged contact person, still knows it was merged and does not delete the unchanged
     * groupware contact; it follows the survivor.
     */
    @Test
    void aFollowTheSurvivorWriteThatFailsOnceIsDoneByTheNextRunNotADeletion() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson twin = flow.person(firma, "Anna", "Alt", "a.alt@firma.de", "+49 171 5550101");
        // a second pair, so that one deletion does not trip the mass-delete guard (which stops any that empties a side)
        ContactPerson bob = flow.person(firma, "Bob", "Bauer", "bob@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id(), bob.id()), true);
        flow.run();
        String contact = linkedGw(anna).id();
        flow.crm.mergeContactPerson(ContactFlow.DEMO, anna.id(), twin.id());

        var failed = failNextGroupwareUpdate();
        List<JournalEntry> failing = flow.entries(flow.run());
        flow.writes.reset();
        assertThat(failed).isTrue();
        assertThat(outcomes(failing)).containsExactly(Outcome.FAILED);

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.LINKED);
            assertThat(e.message()).contains("merged into", twin.id().value(), "follows it");
        });
        assertThat(flow.link(anna)).isEmpty();
        assertThat(flow.link(twin)).hasValueSatisfying(l -> assertThat(l.groupwareId()).isEqualTo(contact));
        assertThat(linkedGw(twin).crmId()).contains(twin.id().value());
        assertThat(linkedGw(twin).data().mobilePhone()).isEqualTo("+49 171 5550101");
        assertThat(flow.contactCount()).isEqualTo(2);
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    /**
     * Detaching the groupware contact of a contact person gone for a reason the CRM does not tell fails: the next
     * run detaches it, and deletes nothing.
     */
    @Test
    void aDetachThatFailsOnceIsDoneByTheNextRunNotADeletion() throws Exception {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson bob = flow.person(firma, "Bob", "Bauer", "bob@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id(), bob.id()), true);
        flow.run();
        String contact = linkedGw(anna).id();
        flow.crm.contactPersons().delete(ContactFlow.DEMO, anna.id(), crm(anna).version());
        flow.forgetRemovals();

        var failed = failNextGroupwareUpdate();
        List<JournalEntry> failing = flow.entries(flow.run());
        flow.writes.reset();
        assertThat(failed).isTrue();
        assertThat(outcomes(failing)).containsExactly(Outcome.FAILED);

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(e.message()).contains("does not tell whether it was deleted or merged");
        });
        assertThat(flow.groupwareContacts()).filteredOn(g -> g.id().equals(contact)).singleElement()
                .satisfies(g -> assertThat(g.crmId()).isEmpty());
        assertThat(flow.contactCount()).isEqualTo(2);
        assertThat(flow.link(anna)).isEmpty();
        assertThat(flow.entries(flow.run())).isEmpty();
    }

    /**
     * The run's warning for an unlinked contact carrying a CRM id the employee gets no contact person for gives the
     * CRM's reason.
     */
    @Test
    void theRunsWarningForAContactCarryingAnUnknownCrmIdGivesTheCrmsReason() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson twin = flow.person(firma, "Anna", "Alt", "a.alt@firma.de", null);
        String contact = exportedAndUnlinked(anna);
        flow.crm.mergeContactPerson(ContactFlow.DEMO, anna.id(), twin.id());
        // changed in the groupware, so that the groupware's feed reports it
        changeMobileInGroupware(flow.groupware(store -> store.get(contact).orElseThrow()), "+49 171 5550199");

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains(anna.id().value(), "merged into contact person " + twin.id().value());
        });
        assertThat(flow.contactCount()).isEqualTo(1);
    }

    // ---- point 5: CRM ids the employee gets no contact person for

    /** Exports Anna, then her link is lost: her groupware contact carries her CRM id and nothing replicates it. */
    String exportedAndUnlinked(ContactPerson anna) {
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        String contact = linkedGw(anna).id();
        flow.links.delete(flow.account.id(), ReplicationKeys.SCOPE, anna.id().value());
        return contact;
    }

    /**
     * A contact carrying the id of a deleted contact person is offered by the import with the reason, and importing
     * it replaces the stale id with its new contact person's.
     */
    @Test
    void aContactCarryingTheIdOfADeletedContactPersonIsOfferedAndImportedUnderANewId() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        String contact = exportedAndUnlinked(anna);
        flow.crm.contactPersons().delete(ContactFlow.DEMO, anna.id(), crm(anna).version());

        var preview = flow.replication.previewImport(flow.account.id());
        assertThat(preview.contacts()).singleElement().satisfies(c -> {
            assertThat(c.groupwareId()).isEqualTo(contact);
            assertThat(c.stale()).hasValueSatisfying(s -> {
                assertThat(s.crmId()).isEqualTo(anna.id());
                assertThat(s.absence().reason()).isEqualTo(ContactPersonAbsence.Reason.DELETED);
                assertThat(s.describe()).contains("deleted in the CRM");
            });
        });
        assertThat(preview.message()).contains("1 of them carries the CRM id");

        var report = flow.replication.importChosen(flow.account.id(), java.util.Map.of(contact, firma.id()));

        assertThat(report.imported()).singleElement().isNotEqualTo(anna.id());
        ContactPerson imported = flow.crm.contactPersons().get(ContactFlow.DEMO, report.imported().get(0)).orElseThrow();
        assertThat(flow.link(imported)).hasValueSatisfying(l -> assertThat(l.groupwareId()).isEqualTo(contact));
        assertThat(flow.groupware(store -> store.get(contact).orElseThrow()).crmId()).contains(imported.id().value());
    }

    /**
     * A contact carrying the id of a contact person the employee may not see is told apart from a deleted one, and
     * can be imported too (here after its e-mail address was changed, so that it is no certain duplicate).
     */
    @Test
    void aContactCarryingTheIdOfAnInvisibleContactPersonIsOfferedAsSuchAndCanBeImported() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        String contact = exportedAndUnlinked(anna);
        GroupwareItem<ContactData> before = flow.groupware(store -> store.get(contact).orElseThrow());
        ContactData d = before.data();
        flow.groupware(store -> store.update(contact, before.version(), new ContactData(d.title(), d.givenName(),
                d.surname(), d.displayName(), d.company(), d.department(), d.jobTitle(), List.of("anna.alt@privat.de"),
                d.businessPhones(), d.mobilePhone(), d.homePhones(), d.notes(), d.photo(), d.photoProblem()),
                before.crmId()));
        flow.hide(anna);

        var preview = flow.replication.previewImport(flow.account.id());
        assertThat(preview.contacts()).singleElement().satisfies(c -> assertThat(c.stale()).hasValueSatisfying(s -> {
            assertThat(s.absence().reason()).isEqualTo(ContactPersonAbsence.Reason.NOT_VISIBLE);
            assertThat(s.describe()).contains("may not see").doesNotContain("deleted");
        }));

        var report = flow.replication.importChosen(flow.account.id(), java.util.Map.of(contact, firma.id()));

        assertThat(report.refused()).isEmpty();
        assertThat(report.imported()).singleElement().isNotEqualTo(anna.id());
        assertThat(flow.groupware(store -> store.get(contact).orElseThrow()).crmId())
                .contains(report.imported().get(0).value());
    }

    // ---- point 7: the per-contact switch off and on again

    /** Exported without photos, switched off and on again: still without photos, though the CRM has one. */
    @Test
    void switchingOnAgainKeepsThePhotoChoiceOfTheExport() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, anna.id(), Optional.of(new Photo("image/png", PNG)));
        flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(false));
        assertThat(linkedGw(anna).data().photo()).isEmpty();

        flow.replication.setReplicated(flow.account.id(), anna.id(), false);
        flow.replication.setReplicated(flow.account.id(), anna.id(), true);

        assertThat(linkedGw(anna).data().photo()).isEmpty();
        assertThat(ReplicationKeys.withPhotos(flow.link(anna).orElseThrow())).isFalse();
        assertThat(flow.entries(flow.run())).isEmpty();
        // an export with its own choice is the choice from then on
        flow.replication.setReplicated(flow.account.id(), anna.id(), false);
        flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));
        flow.replication.setReplicated(flow.account.id(), anna.id(), false);
        flow.replication.setReplicated(flow.account.id(), anna.id(), true);
        assertThat(linkedGw(anna).data().photo()).isPresent();
    }

    /**
     * Turning the switch off deletes the groupware contact, and says which of its groupware-only fields go with it
     * (here the notes and a home number a person added in Outlook); a contact holding none says nothing.
     */
    @Test
    void switchingOffSaysWhatGroupwareOnlyFieldsItRemoves() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        ContactPerson bob = flow.person(firma, "Bob", "Bau", "bob@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id(), bob.id()), true);
        GroupwareItem<ContactData> annas = linkedGw(anna);
        ContactData d = annas.data();
        flow.groupware(store -> store.update(annas.id(), annas.version(), new ContactData(d.title(), d.givenName(),
                d.surname(), d.displayName(), d.company(), d.department(), d.jobTitle(), d.emails(),
                d.businessPhones(), d.mobilePhone(), List.of("+49 30 5550199"), "met at the fair", d.photo(),
                d.photoProblem(), d.middleName(), d.suffix(), d.homeEmails()), annas.crmId()));

        List<String> gone = flow.replication.switchOff(flow.account.id(), anna.id());

        assertThat(gone).containsExactly("notes", "1 home phone number");
        assertThat(flow.replication.switchOff(flow.account.id(), bob.id())).isEmpty();
        assertThat(flow.contactCount()).isZero();
    }

    /** Notes a run has brought into the CRM are not lost with the groupware contact, so the switch does not name them. */
    @Test
    void switchingOffDoesNotNameNotesTheCrmHolds() {
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        GroupwareItem<ContactData> annas = linkedGw(anna);
        ContactData d = annas.data();
        flow.groupware(store -> store.update(annas.id(), annas.version(), new ContactData(d.title(), d.givenName(),
                d.surname(), d.displayName(), d.company(), d.department(), d.jobTitle(), d.emails(),
                d.businessPhones(), d.mobilePhone(), d.homePhones(), "met at the fair", d.photo(),
                d.photoProblem(), d.middleName(), d.suffix(), d.homeEmails()), annas.crmId()));
        flow.run();
        assertThat(flow.crm.contactPersons().get(ContactFlow.DEMO, anna.id()).orElseThrow().data().notes())
                .isEqualTo("met at the fair");

        assertThat(flow.replication.switchOff(flow.account.id(), anna.id())).isEmpty();
    }
}

package io.liaison.shell.internal.contacts;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ContactIssue;
import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.contactreplication.ImportPreview;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactCommandsTest {
    static final String ACCOUNT = "acc-1";

    final FakeReplication service = new FakeReplication();

    @Test
    void exportWithoutChoiceIsTheSearchStepWithExportedContactsMarked() throws Exception {
        service.replicated.add("2");
        ContactsExportCommand c = export();
        c.name = "Mül";

        String text = output(c);

        assertThat(service.criteria.name()).isEqualTo("Mül");
        assertThat(text).contains("2 contact person(s) found, 1 exported already").contains("Anna Müller")
                .contains("anna@firma.de").contains("--ids ID,ID");
        assertThat(service.exported).isEmpty();
        JsonNode j = json(export());
        assertThat(j.get("contacts").get(1).get("exported").asBoolean()).isTrue();
        assertThat(j.get("contacts").get(0).get("businessPartner").asText()).isEqualTo("bp-1");
    }

    @Test
    void exportOfChosenIdsPassesTheOptionsAndReportsFailures() throws Exception {
        ContactsExportCommand c = export();
        c.ids = "1, 2,";
        c.photos = true;

        String text = output(c);

        assertThat(service.exported).containsExactly("1", "2");
        assertThat(service.options).isEqualTo(new ExportOptions(Optional.empty(), true));
        assertThat(text).contains("1 of 2 contact(s) exported").contains("Not exported:")
                .contains("2 (Bernd Bauer): photo too large");
    }

    @Test
    void exportAllTakesWhatTheSearchFinds() throws Exception {
        ContactsExportCommand c = export();
        c.all = true;
        JsonNode j = json(c);
        assertThat(service.exported).containsExactly("1", "2");
        assertThat(j.get("failed").get(0).get("reason").asText()).isEqualTo("photo too large");
        ContactsExportCommand both = export();
        both.all = true;
        both.ids = "1";
        assertThat(error(both)).contains("either --ids or --all");
    }

    @Test
    void importPreviewShowsCountSuggestionAndDuplicateStatus() throws Exception {
        String text = output(preview());
        assertThat(text).contains("2 groupware contacts can be imported").contains("g-1").contains("bp-7")
                .contains("CERTAIN").contains("1 (same e-mail address)").contains("Could not be read")
                .contains("broken.vcf");

        JsonNode j = json(preview());
        assertThat(j.get("count").asInt()).isEqualTo(2);
        assertThat(j.get("contacts").get(0).get("importable").asBoolean()).isFalse();
        assertThat(j.get("contacts").get(1).get("suggestedPartner").isNull()).isTrue();
    }

    @Test
    void importTakesGivenPartnersAndTheSuggestedOneForABareId() throws Exception {
        ContactsImportCommand c = new ContactsImportCommand();
        c.replication = service;
        c.account = ACCOUNT;
        c.contacts = List.of("g-1", "g-2=bp-9", "g-3");

        String text = output(c);

        assertThat(service.chosen).containsEntry("g-1", BusinessPartnerId.of("bp-7"))
                .containsEntry("g-2", BusinessPartnerId.of("bp-9")).containsEntry("g-3", null);
        assertThat(text).contains("1 of 3 contacts imported; 2 refused").contains("g-1 (Anna Müller): certain duplicate");

        c.contacts = List.of("g-2=");
        assertThat(error(c)).contains("no business partner after '='");
    }

    @Test
    void theSwitchShowsSetsAndRefusesBadStates() throws Exception {
        ContactReplicationSwitchCommand c = new ContactReplicationSwitchCommand();
        c.replication = service;
        c.account = ACCOUNT;
        c.contact = "5";
        assertThat(output(c)).contains("is not replicated");
        c.state = "ON";
        assertThat(output(c)).contains("Contact person 5 is replicated");
        c.state = "maybe";
        assertThat(error(c)).contains("bad state 'maybe'");

        ContactDeleteInGroupwareCommand d = new ContactDeleteInGroupwareCommand();
        d.replication = service;
        d.account = ACCOUNT;
        d.contact = "5";
        var deleted = json(d);
        assertThat(deleted.get("replicated").asBoolean()).isFalse();
        assertThat(deleted.get("removedWithTheGroupwareContact").toString()).contains("notes", "2 home phone numbers");
        assertThat(service.switches).containsExactly("5=true", "5=false");
        c.state = "off";
        assertThat(output(c)).contains("is not replicated", "held what the CRM does not, now gone: notes, 2 home phone numbers");
    }

    @Test
    void withoutTheServiceTheFeatureIsNamed() {
        ContactsImportPreviewCommand c = preview();
        c.replication = null;
        assertThat(error(c)).contains("liaison-contact-replication");
    }

    ContactsExportCommand export() {
        ContactsExportCommand c = new ContactsExportCommand();
        c.replication = service;
        c.account = ACCOUNT;
        return c;
    }

    ContactsImportPreviewCommand preview() {
        ContactsImportPreviewCommand c = new ContactsImportPreviewCommand();
        c.replication = service;
        c.account = ACCOUNT;
        return c;
    }

    static ContactPerson person(String id, String first, String last, String email) {
        return new ContactPerson(ContactPersonId.of(id), 1, Instant.parse("2026-11-01T00:00:00Z"), Optional.empty(),
                new ContactPersonData(Optional.of(BusinessPartnerId.of("bp-1")), "", "", first, last, "", "",
                        List.of(new Communication(CommunicationType.EMAIL, email, true))));
    }

    /** Records what the commands asked for and answers like the real service would. */
    static final class FakeReplication implements ContactReplicationService {
        final Set<String> replicated = new HashSet<>();
        final List<String> exported = new ArrayList<>();
        final List<String> switches = new ArrayList<>();
        final Map<String, BusinessPartnerId> chosen = new LinkedHashMap<>();
        ContactSearch criteria;
        ExportOptions options;

        @Override
        public List<ContactPerson> exportSearch(AccountId account, ContactSearch criteria) {
            this.criteria = criteria;
            return List.of(person("1", "Anna", "Müller", "anna@firma.de"), person("2", "Bernd", "Bauer", "b@firma.de"));
        }

        @Override
        public ExportReport export(AccountId account, List<ContactPersonId> contacts, ExportOptions options) {
            contacts.forEach(c -> exported.add(c.value()));
            this.options = options;
            return new ExportReport(List.of(contacts.get(0)),
                    List.of(new ContactIssue("2", "Bernd Bauer", "photo too large")), List.of());
        }

        @Override
        public ImportPreview previewImport(AccountId account) {
            ImportableContact certain = new ImportableContact("g-1", ContactData.simple("Anna", "Müller", "anna@firma.de"),
                    Optional.of(BusinessPartnerId.of("bp-7")), new DuplicateResult(DuplicateStatus.CERTAIN,
                    List.of(new DuplicateMatch(ContactPersonId.of("1"), DuplicateStatus.CERTAIN,
                            List.of("same e-mail address")))));
            ImportableContact fresh = new ImportableContact("g-3", ContactData.simple("Neu", "Kunde", "neu@gmail.com"),
                    Optional.empty(), new DuplicateResult(DuplicateStatus.NONE, List.of()));
            return new ImportPreview(List.of(certain, fresh),
                    List.of(new ContactIssue("broken.vcf", "", "not a vCard")), true, "2 groupware contacts can be imported");
        }

        @Override
        public ImportReport importChosen(AccountId account, Map<String, BusinessPartnerId> chosen) {
            this.chosen.putAll(chosen);
            return new ImportReport(List.of(ContactPersonId.of("44")),
                    List.of(new ContactIssue("g-1", "Anna Müller", "certain duplicate of 1"),
                            new ContactIssue("g-3", "Neu Kunde", "a business partner is mandatory")), List.of());
        }

        @Override
        public boolean isReplicated(AccountId account, ContactPersonId contact) {
            return replicated.contains(contact.value());
        }

        @Override
        public void setReplicated(AccountId account, ContactPersonId contact, boolean on) {
            switches.add(contact.value() + "=" + on);
            if (on) {
                replicated.add(contact.value());
            } else {
                replicated.remove(contact.value());
            }
        }

        @Override
        public List<String> switchOff(AccountId account, ContactPersonId contact) {
            setReplicated(account, contact, false);
            return List.of("notes", "2 home phone numbers");
        }
    }
}

package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ContactIssue;
import io.liaison.api.contactreplication.ImportPreview;
import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.contactreplication.ImportableContact;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.duplicates.DuplicateStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import wizard with every duplicate status, over the real duplicate check and address resolution. */
abstract class ImportCases {

    /** The groupware of the flows. */
    abstract ContactFlow.Backend backend();
    @TempDir
    Path dir;
    ContactFlow flow;
    BusinessPartner firma;
    ContactPerson anna;

    /** A vCard 3.0 with that UID (for contact files written by hand). */
    static String vcard(String uid, String given, String surname, String email, String org, String... extra) {
        return "BEGIN:VCARD\nVERSION:3.0\nUID:" + uid + "\nN:" + surname + ";" + given + ";;;\nFN:" + given + " "
                + surname + "\n" + (email == null ? "" : "EMAIL;TYPE=INTERNET:" + email + "\n")
                + (org == null ? "" : "ORG:" + org + "\n") + String.join("", extra) + "END:VCARD\n";
    }

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS, backend());
        firma = flow.partner("Firma GmbH", "firma.de");
        flow.partner("Schmidt Bau", "schmidt-bau.de");
        anna = flow.person(firma, "Anna", "Müller", "anna.mueller@firma.de", "0171 1234567");
        flow.addContact("certain", ContactData.simple("Anna", "Mueller", "Anna.Mueller@firma.de"));
        flow.addContact("possible", ContactData.simple("Ana", "Muller", "anna@privat.de"));
        flow.addContact("none", new ContactData("", "Bernd", "Neu", "", "", "", "Vertrieb", List.of("bernd.neu@firma.de"),
                List.of(), "0172 9999999", List.of(), "", Optional.empty()));
        flow.addContact("company", new ContactData("", "Carla", "Ohne", "", "Schmidt Bau", "", "", List.of("carla@gmail.com"),
                List.of(), "", List.of(), "", Optional.empty()));
    }

    /** The preview's contacts by the key they were added under. */
    Map<String, ImportableContact> byKey(ImportPreview preview) {
        return preview.contacts().stream().collect(Collectors.toMap(c -> flow.key(c.groupwareId()), c -> c));
    }

    @Test
    void thePreviewListsEachContactWithItsDuplicateStatusAndSuggestedPartner() {
        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.count()).isEqualTo(4);
        assertThat(preview.message()).isEqualTo("4 groupware contacts can be imported");
        assertThat(preview.duplicateCheckAvailable()).isTrue();
        assertThat(preview.problems()).isEmpty();
        Map<String, ImportableContact> contacts = byKey(preview);
        assertThat(contacts.get("certain").duplicates().status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(contacts.get("certain").duplicates().matches()).singleElement()
                .satisfies(m -> assertThat(m.contactPerson()).isEqualTo(anna.id()));
        assertThat(contacts.get("possible").duplicates().status()).isEqualTo(DuplicateStatus.POSSIBLE);
        assertThat(contacts.get("none").duplicates().status()).isEqualTo(DuplicateStatus.NONE);
        assertThat(contacts.get("none").suggestedPartner()).contains(firma.id());
        BusinessPartnerId schmidt = flow.crm.businessPartners().findByName(ContactFlow.DEMO, "Schmidt Bau").get(0).id();
        assertThat(contacts.get("company").suggestedPartner()).contains(schmidt);
        assertThat(flow.replication.importPreview(flow.account.id())).hasSize(4);
    }

    @Test
    void certainDuplicatesAndContactsWithoutPartnerAreRefusedWithTheReason() {
        Map<String, BusinessPartnerId> chosen = new HashMap<>();
        chosen.put(flow.gid("certain"), firma.id());
        chosen.put(flow.gid("possible"), firma.id());
        chosen.put(flow.gid("none"), firma.id());
        chosen.put(flow.gid("company"), null);
        chosen.put(flow.goneId(), firma.id());

        ImportReport report = flow.replication.importChosen(flow.account.id(), chosen);

        assertThat(report.imported()).hasSize(2);
        assertThat(report.summary()).isEqualTo("2 of 5 contacts imported; 3 refused");
        Map<String, String> reasons = report.refused().stream()
                .collect(Collectors.toMap(i -> flow.key(i.id()), ContactIssue::reason));
        assertThat(reasons.get("certain")).contains("certain duplicate of CRM contact person " + anna.id())
                .contains("same e-mail address");
        assertThat(reasons.get("company")).contains("business partner is mandatory");
        assertThat(reasons.get("gone")).contains("not in the groupware");

        ContactPerson bernd = report.imported().stream().map(id -> flow.crm.contactPersons().get(ContactFlow.DEMO, id).orElseThrow())
                .filter(p -> p.data().lastName().equals("Neu")).findFirst().orElseThrow();
        assertThat(bernd.data().businessPartner()).contains(firma.id());
        assertThat(bernd.data().position()).isEqualTo("Vertrieb");
        assertThat(bernd.data().valuesOf(CommunicationType.EMAIL)).containsExactly("bernd.neu@firma.de");
        assertThat(bernd.data().valuesOf(CommunicationType.MOBILE)).containsExactly("0172 9999999");
        assertThat(flow.link(bernd)).isPresent();
        assertThat(flow.groupwareContacts()).filteredOn(i -> i.id().equals(flow.gid("none"))).singleElement()
                .satisfies(i -> assertThat(i.crmId()).contains(bernd.id().value()));
    }

    @Test
    void importedAndExportedContactsAreNotOfferedAgain() {
        flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("none"), firma.id(), flow.gid("possible"), firma.id()));
        ContactPerson other = flow.person(firma, "Olga", "Export", "olga@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(other.id()), true);

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(byKey(preview)).containsOnlyKeys("certain", "company");
        ImportReport again = flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("none"), firma.id()));
        assertThat(again.imported()).isEmpty();
        assertThat(again.refused()).singleElement().satisfies(i -> assertThat(i.reason()).contains("already linked"));
    }

    @Test
    void whenNothingIsLeftThePreviewSaysSo() {
        flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("none"), firma.id(), flow.gid("possible"),
                firma.id(), flow.gid("company"), firma.id()));
        flow.replication.setReplicated(flow.account.id(), anna.id(), true);
        flow.replication.setReplicated(flow.account.id(), anna.id(), false);
        flow.groupware(store -> {
            store.delete(flow.gid("certain"), store.get(flow.gid("certain")).orElseThrow().version());
            return null;
        });

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.count()).isZero();
        assertThat(preview.message()).startsWith("No groupware contacts to import: all 3 groupware contacts are linked");
    }

    @Test
    void anUnreadableNumberDoesNotSkipTheDuplicateCheck() {
        flow.addContact("bad-number", new ContactData("", "Anna", "Müller", "", "", "", "", List.of("anna.mueller@firma.de"),
                List.of("n/a"), "", List.of(), "", Optional.empty()));
        flow.addContact("new-bad-number", new ContactData("", "Dora", "Neu", "", "", "", "", List.of("dora.neu@firma.de"),
                List.of("089 1234567 (Zentrale)", "n/a"), "", List.of(), "", Optional.empty()));

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(byKey(preview).get("bad-number").duplicates().status()).isEqualTo(DuplicateStatus.CERTAIN);
        assertThat(byKey(preview).get("bad-number").duplicates().notes())
                .containsExactly("phone number 'n/a' is not a phone number (not_a_number): not compared");
        ImportReport report = flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("bad-number"), firma.id(),
                flow.gid("new-bad-number"), firma.id()));
        assertThat(report.refused()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("certain duplicate of"));
        assertThat(report.imported()).hasSize(1);
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w.reason())
                .isEqualTo("duplicate check: phone number 'n/a' is not a phone number (not_a_number): not compared"));
    }

    @Test
    void numbersAreCheckedInTheBusinessPartnersCountry() {
        // a Swiss partner: the groupware contact's "079 123 45 67" is the Swiss mobile +41 79 123 45 67, not a
        // number in Baden-Württemberg (+49 79 …)
        BusinessPartner zurich = flow.partner("Zürich AG", "zuerich-ag.ch");
        flow.crm.businessPartners().setCountry(ContactFlow.DEMO, zurich.id(), "CH");
        ContactPerson ursula = flow.person(zurich, "Ursula", "Keller", null, "+41 79 123 45 67");
        flow.addContact("swiss", new ContactData("", "Ursula", "Keller", "", "", "", "", List.of("ursula@zuerich-ag.ch"),
                List.of(), "079 123 45 67", List.of(), "", Optional.empty()));

        ImportableContact swiss = byKey(flow.replication.previewImport(flow.account.id())).get("swiss");
        assertThat(swiss.suggestedPartner()).contains(zurich.id());
        assertThat(swiss.duplicates().status()).isEqualTo(DuplicateStatus.CERTAIN);
        ImportReport report = flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("swiss"), zurich.id()));
        assertThat(report.refused()).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("certain duplicate of CRM contact person " + ursula.id()).contains("+41791234567"));
    }

    @Test
    void withoutTheDuplicateCheckTheStatusIsUnknownAndSaidSo() {
        flow.replication.duplicateCheck = null;

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.duplicateCheckAvailable()).isFalse();
        assertThat(preview.message()).contains("no duplicate check is installed");
        assertThat(preview.contacts()).allSatisfy(c -> assertThat(c.duplicates().status()).isEqualTo(DuplicateStatus.NONE));
        ImportReport report = flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("possible"), firma.id()));
        assertThat(report.imported()).hasSize(1);
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("not checked"));
    }

    @Test
    void withoutTheAddressResolutionThePartnerIsFoundByDomainAndCompany() {
        flow.replication.addressResolver = null;

        Map<String, ImportableContact> contacts = byKey(flow.replication.previewImport(flow.account.id()));

        assertThat(contacts.get("none").suggestedPartner()).contains(firma.id());
        assertThat(contacts.get("company").suggestedPartner()).isPresent();
        assertThat(contacts.get("possible").suggestedPartner()).isEqualTo(Optional.empty());
    }
}

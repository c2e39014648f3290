package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
class ImportTest {
    @TempDir
    Path dir;
    private ContactFlow flow;
    private BusinessPartner firma;
    private ContactPerson anna;

    static String vcard(String uid, String given, String surname, String email, String org, String... extra) {
        return "BEGIN:VCARD\nVERSION:3.0\nUID:" + uid + "\nN:" + surname + ";" + given + ";;;\nFN:" + given + " "
                + surname + "\n" + (email == null ? "" : "EMAIL;TYPE=INTERNET:" + email + "\n")
                + (org == null ? "" : "ORG:" + org + "\n") + String.join("", extra) + "END:VCARD\n";
    }

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS);
        firma = flow.partner("Firma GmbH", "firma.de");
        flow.partner("Schmidt Bau", "schmidt-bau.de");
        anna = flow.person(firma, "Anna", "Müller", "anna.mueller@firma.de", "0171 1234567");
        flow.writeVcard("certain.vcf", vcard("certain", "Anna", "Mueller", "Anna.Mueller@firma.de", null));
        flow.writeVcard("possible.vcf", vcard("possible", "Ana", "Muller", "anna@privat.de", null));
        flow.writeVcard("none.vcf", vcard("none", "Bernd", "Neu", "bernd.neu@firma.de", null,
                "TEL;TYPE=CELL:0172 9999999\n", "TITLE:Vertrieb\n"));
        flow.writeVcard("company.vcf", vcard("company", "Carla", "Ohne", "carla@gmail.com", "Schmidt Bau"));
    }

    private Map<String, ImportableContact> byId(ImportPreview preview) {
        return preview.contacts().stream().collect(Collectors.toMap(ImportableContact::groupwareId, c -> c));
    }

    @Test
    void thePreviewListsEachContactWithItsDuplicateStatusAndSuggestedPartner() {
        flow.writeVcard("broken.vcf", "this is no vCard at all\n");

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.count()).isEqualTo(4);
        assertThat(preview.message()).contains("4 groupware contacts can be imported").contains("1 could not be read");
        assertThat(preview.duplicateCheckAvailable()).isTrue();
        assertThat(preview.problems()).singleElement().satisfies(p -> assertThat(p.id()).endsWith("broken.vcf"));
        Map<String, ImportableContact> contacts = byId(preview);
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
        chosen.put("certain", firma.id());
        chosen.put("possible", firma.id());
        chosen.put("none", firma.id());
        chosen.put("company", null);
        chosen.put("gone", firma.id());

        ImportReport report = flow.replication.importChosen(flow.account.id(), chosen);

        assertThat(report.imported()).hasSize(2);
        assertThat(report.summary()).isEqualTo("2 of 5 contacts imported; 3 refused");
        Map<String, String> reasons = report.refused().stream().collect(Collectors.toMap(ContactIssue::id, ContactIssue::reason));
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
        assertThat(flow.groupwareContacts()).filteredOn(i -> i.id().equals("none")).singleElement()
                .satisfies(i -> assertThat(i.crmId()).contains(bernd.id().value()));
    }

    @Test
    void importedAndExportedContactsAreNotOfferedAgain() {
        flow.replication.importChosen(flow.account.id(), Map.of("none", firma.id(), "possible", firma.id()));
        ContactPerson other = flow.person(firma, "Olga", "Export", "olga@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(other.id()), true);

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.contacts()).extracting(ImportableContact::groupwareId).containsExactlyInAnyOrder("certain", "company");
        ImportReport again = flow.replication.importChosen(flow.account.id(), Map.of("none", firma.id()));
        assertThat(again.imported()).isEmpty();
        assertThat(again.refused()).singleElement().satisfies(i -> assertThat(i.reason()).contains("already linked"));
    }

    @Test
    void whenNothingIsLeftThePreviewSaysSo() {
        flow.replication.importChosen(flow.account.id(), Map.of("none", firma.id(), "possible", firma.id(),
                "company", firma.id()));
        flow.replication.setReplicated(flow.account.id(), anna.id(), true);
        flow.replication.setReplicated(flow.account.id(), anna.id(), false);
        flow.groupware(store -> {
            store.delete("certain", store.get("certain").orElseThrow().version());
            return null;
        });

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.count()).isZero();
        assertThat(preview.message()).startsWith("No groupware contacts to import: all 3 groupware contacts are linked");
    }

    @Test
    void withoutTheDuplicateCheckTheStatusIsUnknownAndSaidSo() {
        flow.replication.duplicateCheck = null;

        ImportPreview preview = flow.replication.previewImport(flow.account.id());

        assertThat(preview.duplicateCheckAvailable()).isFalse();
        assertThat(preview.message()).contains("no duplicate check is installed");
        assertThat(preview.contacts()).allSatisfy(c -> assertThat(c.duplicates().status()).isEqualTo(DuplicateStatus.NONE));
        ImportReport report = flow.replication.importChosen(flow.account.id(), Map.of("possible", firma.id()));
        assertThat(report.imported()).hasSize(1);
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("not checked"));
    }

    @Test
    void withoutTheAddressResolutionThePartnerIsFoundByDomainAndCompany() {
        flow.replication.addressResolver = null;

        Map<String, ImportableContact> contacts = byId(flow.replication.previewImport(flow.account.id()));

        assertThat(contacts.get("none").suggestedPartner()).contains(firma.id());
        assertThat(contacts.get("company").suggestedPartner()).isPresent();
        assertThat(contacts.get("possible").suggestedPartner()).isEqualTo(Optional.empty());
    }
}

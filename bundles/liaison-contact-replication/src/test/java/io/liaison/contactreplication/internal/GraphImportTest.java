package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.contactreplication.ImportReport;
import io.liaison.api.domain.ContactPerson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The import wizard over the Graph connector: the contacts are created in Outlook (through the emulator), without
 * Liaison's extended properties. Graph has no unreadable contact (a broken .vcf file for the local connector), so
 * the preview's problems stay empty here; a contact the CRM cannot take is refused with its reason.
 */
class GraphImportTest extends ImportCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }

    @Test
    void theImportWritesTheCrmIdIntoTheOutlookContactsExtendedProperty() {
        ImportReport report = flow.replication.importChosen(flow.account.id(), Map.of(flow.gid("none"), firma.id()));

        ContactPerson bernd = flow.crm.contactPersons().get(ContactFlow.DEMO, report.imported().get(0)).orElseThrow();
        Map<String, Object> stored = flow.mailbox().item(flow.gid("none"));
        assertThat((List<?>) stored.get("singleValueExtendedProperties")).anySatisfy(p -> {
            Map<?, ?> property = (Map<?, ?>) p;
            assertThat(property.get("id").toString()).endsWith("Name LiaisonCrmId");
            assertThat(property.get("value")).isEqualTo(bernd.id().value());
        });
        assertThat(stored.get("jobTitle")).isEqualTo("Vertrieb");
        assertThat(flow.groupware(s -> s.findByCrmId(bernd.id().value())).orElseThrow().id()).isEqualTo(flow.gid("none"));
    }

    @Test
    void aContactTheCrmCannotTakeIsRefusedWithItsReasonAndTheOthersAreImported() {
        String tooLong = flow.addContact("long", new io.liaison.api.connector.item.ContactData("Prof. ".repeat(30),
                "Lang", "Titel", "", "", "", "", List.of("lang@firma.de"), List.of(), "", List.of(), "",
                java.util.Optional.empty()));

        ImportReport report = flow.replication.importChosen(flow.account.id(),
                Map.of(tooLong, firma.id(), flow.gid("none"), firma.id()));

        assertThat(report.imported()).hasSize(1);
        assertThat(report.refused()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(tooLong);
            assertThat(i.reason()).startsWith("not imported: ");
        });
        assertThat(flow.replication.previewImport(flow.account.id()).contacts())
                .anySatisfy(c -> assertThat(c.groupwareId()).isEqualTo(tooLong));
    }
}

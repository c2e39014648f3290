package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Continuous replication over the Graph connector and the Graph emulator. Graph has no unreadable contact (what a
 * broken .vcf file is for the local connector): every contact Graph returns maps to contact data. The nearest case
 * is a contact edited in Outlook into content the CRM refuses (a title over the CRM's 100 characters): it fails
 * alone and the other contacts replicate.
 */
class GraphReplicationTest extends ReplicationCases {

    @Override
    ContactFlow.Backend backend() {
        return ContactFlow.Backend.GRAPH;
    }

    @Test
    void aContactTheCrmRefusesFailsAloneAndTheOthersReplicate() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");
        ContactPerson bob = exported("Bob", "Bau");
        flow.run();
        GroupwareItem<ContactData> bobs = gw(bob);
        ContactData d = bobs.data();
        String longTitle = "Prof. ".repeat(30);
        flow.groupware(store -> store.update(bobs.id(), bobs.version(), new ContactData(longTitle, d.givenName(),
                d.surname(), d.displayName(), d.company(), d.department(), d.jobTitle(), d.emails(), d.businessPhones(),
                d.mobilePhone(), d.homePhones(), d.notes(), d.photo()), bobs.crmId()));
        changeInCrm(anna, "Vorstand");

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(entries).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(e.item()).isEqualTo("contact Bob Bau");
            assertThat(e.message()).contains("update contact person " + bob.id().value() + " failed");
        });
        assertThat(outcomes(entries)).contains(Outcome.UPDATED);
        assertThat(gw(anna).data().jobTitle()).isEqualTo("Vorstand");
        assertThat(crm(bob).data().title()).isEqualTo("Dr.");
        assertThat(flow.contactCount()).isEqualTo(2);
    }

    @Test
    void theCrmIdTravelsInTheExtendedPropertyOfTheGraphContact() {
        setUp(ConflictPolicy.CRM_WINS);
        ContactPerson anna = exported("Anna", "Alt");

        Map<String, Object> stored = flow.mailbox().item(gw(anna).id());

        assertThat((List<?>) stored.get("singleValueExtendedProperties")).anySatisfy(p -> {
            Map<?, ?> property = (Map<?, ?>) p;
            assertThat(property.get("id").toString()).endsWith("Name LiaisonCrmId");
            assertThat(property.get("value")).isEqualTo(anna.id().value());
        });
        assertThat(stored.get("givenName")).isEqualTo("Anna");
    }
}

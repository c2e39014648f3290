package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export wizard and the per-contact switch, over the embedded CRM and a connector. */
abstract class ExportCases {

    /** The groupware of the flows. */
    abstract ContactFlow.Backend backend();
    @TempDir
    Path dir;
    private ContactFlow flow;
    private BusinessPartner firma;
    private ContactPerson anna;
    private ContactPerson aaron;

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS, backend());
        firma = flow.partner("Firma GmbH", "firma.de");
        anna = flow.person(firma, "Anna", "Müller", "anna.mueller@firma.de", "0171 1234567");
        aaron = flow.person(firma, "Aaron", "Abel", "aaron@firma.de", null);
    }

    @Test
    void exportWritesTheMappedContactWithItsCrmIdAndALink() {
        ExportReport report = flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));

        assertThat(report.exported()).containsExactly(anna.id());
        assertThat(report.failed()).isEmpty();
        List<GroupwareItem<ContactData>> items = flow.groupwareContacts();
        assertThat(items).hasSize(1);
        GroupwareItem<ContactData> item = items.get(0);
        assertThat(item.crmId()).contains(anna.id().value());
        ContactData data = item.data();
        assertThat(List.of(data.title(), data.givenName(), data.surname(), data.company(), data.jobTitle(),
                data.department(), data.mobilePhone()))
                .containsExactly("Dr.", "Anna", "Müller", "Firma GmbH", "Einkauf", "Leitung", "0171 1234567");
        assertThat(data.emails()).containsExactly("anna.mueller@firma.de");
        Link link = flow.link(anna).orElseThrow();
        assertThat(link.groupwareId()).isEqualTo(item.id());
        assertThat(link.groupwareVersion()).isEqualTo(item.version());
        assertThat(link.crmVersion()).isEqualTo(Long.toString(anna.version()));
        assertThat(link.contentHash()).startsWith("p1:");
    }

    @Test
    void theSearchListsExportedContactsFirstAndMarksThem() {
        assertThat(flow.replication.exportSearch(flow.account.id(), ContactSearch.all(10)))
                .extracting(ContactPerson::id).containsExactly(aaron.id(), anna.id());

        flow.replication.export(flow.account.id(), List.of(anna.id()), true);

        assertThat(flow.replication.exportSearch(flow.account.id(), ContactSearch.all(10)))
                .extracting(ContactPerson::id).containsExactly(anna.id(), aaron.id());
        assertThat(flow.replication.isReplicated(flow.account.id(), anna.id())).isTrue();
        assertThat(flow.replication.isReplicated(flow.account.id(), aaron.id())).isFalse();
    }

    @Test
    void exportingAgainMakesNoSecondCopy() {
        assertThat(flow.replication.export(flow.account.id(), List.of(anna.id()), true)).isEqualTo(1);
        assertThat(flow.replication.export(flow.account.id(), List.of(anna.id(), anna.id(), aaron.id()), true)).isEqualTo(2);

        assertThat(flow.contactCount()).isEqualTo(2);
        assertThat(flow.groupwareContacts()).extracting(i -> i.crmId().orElseThrow())
                .containsExactlyInAnyOrder(anna.id().value(), aaron.id().value());
    }

    @Test
    void aCrashBetweenTheGroupwareCreateAndTheLinkSaveMakesNoSecondCopy() {
        flow.failingLinkSaves.set(1);

        ExportReport crashed = flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));

        assertThat(crashed.exported()).isEmpty();
        assertThat(crashed.failed()).singleElement().satisfies(i -> assertThat(i.reason()).contains("injected fault"));
        assertThat(flow.contactCount()).isEqualTo(1);
        assertThat(flow.link(anna)).isEmpty();

        ExportReport retried = flow.replication.export(flow.account.id(), List.of(anna.id()), ExportOptions.defaultFolder(true));

        assertThat(retried.exported()).containsExactly(anna.id());
        assertThat(flow.contactCount()).isEqualTo(1);
        assertThat(flow.link(anna).orElseThrow().groupwareId()).isEqualTo(flow.groupwareContacts().get(0).id());
    }

    @Test
    void aReplicationRunLinksAContactWhoseExportCrashedBeforeTheLink() {
        flow.failingLinkSaves.set(1);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);

        SyncRun run = flow.run();

        assertThat(flow.entries(run)).extracting(JournalEntry::outcome).contains(Outcome.LINKED);
        assertThat(flow.link(anna)).isPresent();
        assertThat(flow.contactCount()).isEqualTo(1);
    }

    @Test
    void aNamedFolderIsRefusedBecauseTheConnectorHasOnlyTheDefaultOne() {
        assertThatThrownBy(() -> flow.replication.export(flow.account.id(), List.of(anna.id()),
                new ExportOptions(Optional.of("Kunden"), true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Kunden'").hasMessageContaining("default contacts folder");
        assertThat(flow.contactCount()).isZero();
    }

    @Test
    void anUnknownContactPersonIsReportedAndTheOthersAreExported() {
        ExportReport report = flow.replication.export(flow.account.id(), List.of(ContactPersonId.of("999999"), anna.id()),
                ExportOptions.defaultFolder(false));

        assertThat(report.exported()).containsExactly(anna.id());
        assertThat(report.failed()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("999999");
            assertThat(i.reason()).contains("no such contact person");
        });
        assertThat(flow.link(anna).orElseThrow().contentHash()).startsWith("p0:");
    }

    @Test
    void theSwitchCreatesAndDeletesTheGroupwareContactAndKeepsTheCrmContact() {
        flow.replication.setReplicated(flow.account.id(), anna.id(), true);
        assertThat(flow.contactCount()).isEqualTo(1);
        assertThat(flow.replication.isReplicated(flow.account.id(), anna.id())).isTrue();

        flow.replication.setReplicated(flow.account.id(), anna.id(), false);

        assertThat(flow.contactCount()).isZero();
        assertThat(flow.link(anna)).isEmpty();
        assertThat(flow.replication.isReplicated(flow.account.id(), anna.id())).isFalse();
        assertThat(flow.crm.contactPersons().get(ContactFlow.DEMO, anna.id())).isPresent();

        flow.replication.setReplicated(flow.account.id(), anna.id(), true);
        assertThat(flow.contactCount()).isEqualTo(1);
        assertThat(flow.groupwareContacts().get(0).crmId()).contains(anna.id().value());
    }

    @Test
    void switchingOnAnUnknownContactPersonSaysWhy() {
        assertThatThrownBy(() -> flow.replication.setReplicated(flow.account.id(), ContactPersonId.of("424242"), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("424242")
                .hasMessageContaining("no such contact person");
    }
}

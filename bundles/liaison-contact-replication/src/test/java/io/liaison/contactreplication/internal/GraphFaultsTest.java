package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.contactreplication.ExportOptions;
import io.liaison.api.contactreplication.ExportReport;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.Photo;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contact replication under Graph's own faults: throttling (429 with {@code Retry-After}) during an export and a
 * replication run, and a delta token Graph no longer knows (410 {@code SyncStateNotFound}).
 */
class GraphFaultsTest {

    @TempDir
    Path dir;
    private ContactFlow flow;
    private BusinessPartner firma;

    @BeforeEach
    void setUp() {
        flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS, ContactFlow.Backend.GRAPH);
        firma = flow.partner("Firma GmbH", "firma.de");
    }

    @AfterEach
    void clearFaults() {
        flow.emulator().faults().clear();
    }

    private List<ContactPerson> people(int n) {
        List<ContactPerson> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ContactPerson p = flow.person(firma, "Vorname" + i, "Nachname" + i, "person" + i + "@firma.de", null);
            if (i % 4 == 0) {
                flow.crm.contactPersons().setPhoto(ContactFlow.DEMO, p.id(), Optional.of(new Photo("image/png", PhotoCases.PNG)));
            }
            people.add(p);
        }
        return people;
    }

    private ContactPerson crm(ContactPerson p) {
        return flow.crm.contactPersons().get(ContactFlow.DEMO, p.id()).orElseThrow();
    }

    private void changeInCrm(ContactPerson p, String position) {
        ContactPerson now = crm(p);
        ContactPersonData d = now.data();
        flow.crm.contactPersons().update(ContactFlow.DEMO, p.id(), now.version(), new ContactPersonData(
                d.businessPartner(), d.salutation(), d.title(), d.firstName(), d.lastName(), position, d.department(),
                d.communications()));
    }

    private void changeInGroupware(ContactPerson p, String mobile) {
        flow.groupware(store -> {
            GroupwareItem<ContactData> g = store.findByCrmId(p.id().value()).orElseThrow();
            ContactData d = g.data();
            return store.update(g.id(), g.version(), new ContactData(d.title(), d.givenName(), d.surname(),
                    d.displayName(), d.company(), d.department(), d.jobTitle(), d.emails(), d.businessPhones(), mobile,
                    d.homePhones(), d.notes(), d.photo()), g.crmId());
        });
    }

    /** Every contact person has exactly one groupware contact, linked to it; nothing else is in the folder. */
    private void assertOneLinkedCopyEach(List<ContactPerson> people) {
        List<GroupwareItem<ContactData>> contacts = flow.groupwareContacts();
        Map<String, Long> copies = contacts.stream().collect(Collectors.groupingBy(
                g -> g.crmId().orElse("(none)"), Collectors.counting()));
        assertThat(copies).containsOnlyKeys(people.stream().map(p -> p.id().value()).toList())
                .allSatisfy((id, n) -> assertThat(n).as("copies of " + id).isEqualTo(1L));
        List<Link> links = flow.links.list(flow.account.id(), ReplicationKeys.SCOPE);
        assertThat(links).hasSize(people.size()).allSatisfy(l -> assertThat(contacts)
                .anySatisfy(g -> assertThat(g.id()).isEqualTo(l.groupwareId())));
    }

    private static Map<Outcome, Long> outcomes(List<JournalEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(JournalEntry::outcome, Collectors.counting()));
    }

    @Test
    void tenPercentThrottledRequestsDuringAnExportAndARunDeliverEveryContactOnce() {
        List<ContactPerson> people = people(30);
        flow.emulator().stats().reset();
        flow.emulator().faults().throttle(0.1, 0, 20261126L);

        ExportReport report = flow.replication.export(flow.account.id(), people.stream().map(ContactPerson::id).toList(),
                ExportOptions.defaultFolder(true));

        assertThat(report.failed()).isEmpty();
        assertThat(report.exported()).hasSize(30);
        assertThat(outcomes(flow.entries(flow.run()))).doesNotContainKey(Outcome.FAILED);
        for (int i = 0; i < 5; i++) {
            changeInCrm(people.get(i), "Position " + i);
            changeInGroupware(people.get(10 + i), "0171 000" + i);
        }

        List<JournalEntry> entries = flow.entries(flow.run());
        int throttled = flow.emulator().stats().throttled(flow.upn);
        flow.emulator().faults().clear();

        assertThat(throttled).as("429s answered").isGreaterThan(5);
        assertThat(outcomes(entries)).containsEntry(Outcome.UPDATED, 10L).doesNotContainKey(Outcome.FAILED);
        assertOneLinkedCopyEach(people);
        Map<String, GroupwareItem<ContactData>> byCrmId = flow.groupwareContacts().stream()
                .collect(Collectors.toMap(g -> g.crmId().orElseThrow(), Function.identity()));
        for (int i = 0; i < 5; i++) {
            assertThat(byCrmId.get(people.get(i).id().value()).data().jobTitle()).isEqualTo("Position " + i);
            assertThat(crm(people.get(10 + i)).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 000" + i);
        }
        for (int i = 0; i < 30; i += 4) {
            assertThat(byCrmId.get(people.get(i).id().value()).data().photo())
                    .hasValueSatisfying(PhotoCases::isAJpegOfThePng);
        }
        assertThat(flow.entries(flow.run())).as("a run after the throttled ones").isEmpty();
    }

    @Test
    void anExpiredDeltaTokenMeansAFullReReadWithoutDuplicates() {
        List<ContactPerson> people = people(6);
        flow.replication.export(flow.account.id(), people.stream().map(ContactPerson::id).toList(), true);
        flow.run();
        assertThat(flow.entries(flow.run())).isEmpty();
        changeInCrm(people.get(0), "Vorstand");
        changeInGroupware(people.get(1), "0171 4104100");
        flow.emulator().faults().expireDeltaTokens();
        flow.emulator().stats().reset();

        List<JournalEntry> entries = flow.entries(flow.run());

        assertThat(flow.emulator().stats().requestsByKind(flow.upn).get("contacts.delta"))
                .as("the expired round and the full one").isGreaterThanOrEqualTo(2);
        assertThat(outcomes(entries)).containsOnly(Map.entry(Outcome.UPDATED, 2L));
        assertOneLinkedCopyEach(people);
        assertThat(flow.groupware(s -> s.findByCrmId(people.get(0).id().value())).orElseThrow().data().jobTitle())
                .isEqualTo("Vorstand");
        assertThat(crm(people.get(1)).data().valuesOf(CommunicationType.MOBILE)).containsExactly("0171 4104100");
        assertThat(flow.entries(flow.run())).as("the run after the full read uses its new token").isEmpty();
    }
}

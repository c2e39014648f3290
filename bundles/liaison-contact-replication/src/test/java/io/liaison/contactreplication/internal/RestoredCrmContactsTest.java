package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: the CRM's database restored from a backup older than the stored contact token. The next run
 * journals a warning, reads the CRM again and pairs by ids: a change made after the restore arrives (before, reading
 * on from the token skipped it), and the groupware copies of the contact persons the restore lost are kept.
 */
class RestoredCrmContactsTest {
    @TempDir
    Path dir;

    private static void execute(ContactFlow flow, String sql) throws Exception {
        try (Connection c = flow.crmDb.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aRestoredOlderCrmIsReadAgainAndNoContactIsDeleted() throws Exception {
        ContactFlow flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS);
        BusinessPartner firma = flow.partner("Firma GmbH", "firma.de");
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        Path backup = dir.resolve("crm-backup.sql");
        execute(flow, "SCRIPT TO '" + backup + "'");
        ContactPerson bob = flow.person(firma, "Bob", "Bau", "bob@firma.de", null);
        ContactPerson carl = flow.person(firma, "Carl", "Casp", "carl@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(bob.id(), carl.id()), true);
        flow.run();
        assertThat(flow.contactCount()).isEqualTo(3);

        execute(flow, "DROP ALL OBJECTS");
        execute(flow, "RUNSCRIPT FROM '" + backup + "'");
        ContactPerson now = flow.crm.contactPersons().get(ContactFlow.DEMO, anna.id()).orElseThrow();
        ContactPersonData d = now.data();
        flow.crm.contactPersons().update(ContactFlow.DEMO, anna.id(), now.version(), new ContactPersonData(
                d.businessPartner(), d.salutation(), d.title(), d.firstName(), d.lastName(), "Vorstand",
                d.department(), d.communications()));
        SyncRun run = flow.run();

        assertThat(flow.contactCount()).as("nothing deleted on the strength of the restore").isEqualTo(3);
        assertThat(flow.groupware(store -> store.findByCrmId(anna.id().value()).orElseThrow()).data().jobTitle())
                .as("the change made after the restore arrives").isEqualTo("Vorstand");
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.WARNING)
                .extracting(JournalEntry::message).anySatisfy(m -> assertThat(m).contains("ahead of the CRM"));
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED);
    }
}

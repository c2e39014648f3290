package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: the local tree put back, with its {@code .liaison} state, from a copy older than the tokens. The
 * run says so (a warning), reads the contacts again and deletes no contact person; the contacts in the copy stay
 * linked.
 */
class RestoredGroupwareContactsTest {
    @TempDir
    Path dir;

    @Test
    void aTreeRestoredFromAnOlderCopyIsJournaledAndNoContactPersonIsDeleted() throws Exception {
        ContactFlow flow = new ContactFlow(dir, ConflictPolicy.CRM_WINS);
        BusinessPartner firma = flow.partner("Firma GmbH", "firma.de");
        ContactPerson anna = flow.person(firma, "Anna", "Alt", "anna@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(anna.id()), true);
        flow.run();
        copy(flow.root, dir.resolve("copy"));
        ContactPerson bob = flow.person(firma, "Bob", "Bau", "bob@firma.de", null);
        flow.replication.export(flow.account.id(), List.of(bob.id()), true);
        flow.run();
        assertThat(flow.contactCount()).isEqualTo(2);

        delete(flow.root);
        copy(dir.resolve("copy"), flow.root);
        SyncRun run = flow.run();

        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.WARNING)
                .extracting(JournalEntry::message)
                .anySatisfy(m -> assertThat(m).contains("ahead of the groupware's own state"));
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED);
        assertThat(flow.crm.contactPersons().get(ContactFlow.DEMO, bob.id())).as("kept in the CRM").isPresent();
        assertThat(flow.crm.contactPersons().get(ContactFlow.DEMO, anna.id())).isPresent();
        Optional<GroupwareItem<ContactData>> annasContact = flow.groupware(store -> store.findByCrmId(anna.id().value()));
        assertThat(annasContact).as("still in the copy").isPresent();

        SyncRun next = flow.run();
        assertThat(flow.entries(next)).noneMatch(e -> e.outcome() == Outcome.WARNING);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-mailbox request gate gives every permit back, whatever the answer (204 No Content included). */
class MailboxGateTest {

    static GraphTestAccounts accounts;

    @BeforeAll
    static void start() {
        accounts = new GraphTestAccounts();
    }

    @AfterAll
    static void stop() {
        accounts.close();
    }

    @Test
    void deletesAnsweredWithNoContentGiveTheirPermitBack() {
        String upn = accounts.newMailbox();
        try (ConnectorSession session = accounts.open(upn)) {
            ItemStore<EventData> events = session.events().orElseThrow();
            ItemStore<TaskData> tasks = session.tasks().orElseThrow();
            List<GroupwareItem<EventData>> created = new ArrayList<>();
            List<GroupwareItem<TaskData>> createdTasks = new ArrayList<>();
            Instant start = Instant.parse("2026-12-01T09:00:00Z");
            for (int i = 0; i < MailboxGate.MAX_IN_FLIGHT / 2; i++) {
                created.add(events.create(EventData.simple("Visit " + i, start, start.plusSeconds(3600), "Europe/Berlin"),
                        Optional.empty(), new IdempotencyKey("e" + i)));
                createdTasks.add(tasks.create(TaskData.simple("Call " + i, start), Optional.empty(),
                        new IdempotencyKey("t" + i)));
            }

            // as many DELETEs (204 each) as the gate has permits: a permit kept per 204 would leave none, and the
            // mailbox's next request would wait forever
            created.forEach(e -> events.delete(e.id(), e.version()));
            createdTasks.forEach(t -> tasks.delete(t.id(), t.version()));

            MailboxGate gate = MailboxGate.of(GraphSettings.of(accounts.account(upn)).graphEndpoint(), upn);
            assertThat(gate.availablePermits()).isEqualTo(MailboxGate.MAX_IN_FLIGHT);
            assertThat(events.changes(Optional.empty()).changed()).isEmpty();
            assertThat(tasks.changes(Optional.empty()).changed()).isEmpty();
        }
    }
}

package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-mailbox request gate: every permit comes back, whatever the answer (204 No Content included), and a
 * {@code $batch} holds as many permits as Graph runs its steps at once, so that Outlook's limit of four concurrent
 * requests per app and mailbox is kept with batches too ("Microsoft Graph service-specific throttling limits", Outlook
 * service limits for JSON batching).
 */
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

    /**
     * Four sessions read the same calendar at once, each in batches of twenty: Graph runs four steps of each batch at
     * once, so a batch counted as one request would put up to sixteen requests on the mailbox, and Outlook answers
     * the fifth with 429 ApplicationThrottled (MailboxConcurrency).
     */
    @Test
    void parallelBatchesOnOneMailboxStayWithinItsFourConcurrentRequests() throws Exception {
        String upn = accounts.newMailbox();
        for (int i = 0; i < 45; i++) {
            accounts.mailbox(upn).addEvent(Map.of("subject", "Visit " + i,
                    "start", Map.of("dateTime", "2026-12-0" + (1 + i % 9) + "T09:00:00", "timeZone", "Europe/Berlin"),
                    "end", Map.of("dateTime", "2026-12-0" + (1 + i % 9) + "T10:00:00", "timeZone", "Europe/Berlin")));
        }
        accounts.emulator.stats().reset();
        accounts.emulator.faults().latency(Duration.ofMillis(60));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reads.add(pool.submit(() -> {
                    try (ConnectorSession session = accounts.open(upn)) {
                        return session.events().orElseThrow().changes(Optional.empty()).changed().size();
                    }
                }));
            }
            for (Future<Integer> read : reads) {
                assertThat(read.get()).isEqualTo(45);
            }
        } finally {
            accounts.emulator.faults().clear();
            pool.shutdown();
        }

        assertThat(accounts.emulator.stats().requestsByKind(upn).getOrDefault("batch", 0)).isEqualTo(12);
        assertThat(accounts.emulator.stats().throttled(upn)).isZero();
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

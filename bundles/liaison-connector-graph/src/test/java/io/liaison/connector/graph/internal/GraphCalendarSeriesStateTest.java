package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ConnectorState;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.EventData;
import io.liaison.graph.emulator.Mailbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, point 2: the calendar token stays a position however many series the calendar holds; the series masters
 * live in the connector state and are pruned with the series. Before, the token listed every master id and passed the
 * token store's 65,536 characters at a few hundred series.
 */
class GraphCalendarSeriesStateTest {
    private static final int SERIES = 2_000;
    private static GraphTestAccounts accounts;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
    private String upn;
    private Mailbox mailbox;
    private ConnectorSession session;
    private ItemStore<EventData> store;

    @BeforeAll
    static void startEmulator() {
        accounts = new GraphTestAccounts();
    }

    @AfterAll
    static void stopEmulator() {
        accounts.close();
    }

    @BeforeEach
    void open() {
        upn = accounts.newMailbox();
        mailbox = accounts.mailbox(upn);
        Map<String, String> settings = accounts.settings(upn);
        settings.put(GraphSettings.CALENDAR_PAST_DAYS, "3");
        settings.put(GraphSettings.CALENDAR_FUTURE_DAYS, "10");
        session = accounts.open(settings, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        store = session.events().orElseThrow();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private String weekly(int n) {
        return mailbox.addEvent(Map.of("subject", "Weekly " + n,
                "start", Map.of("dateTime", "2026-03-02T09:00:00", "timeZone", "UTC"),
                "end", Map.of("dateTime", "2026-03-02T09:30:00", "timeZone", "UTC"),
                "recurrence", Map.of("pattern", Map.of("type", "weekly", "interval", 1, "daysOfWeek", List.of("monday")),
                        "range", Map.of("type", "noEnd", "startDate", "2026-03-02"))));
    }

    private ConnectorState state() {
        return GraphTestAccounts.state(upn);
    }

    private ChangeSet<GroupwareItem<EventData>> changes(SyncToken since) {
        now.set(now.get().plus(1, ChronoUnit.MINUTES));
        return store.changes(Optional.of(since));
    }

    @Test
    void thousandsOfSeriesKeepTheTokenSmallAndARemovedSeriesIsFoundAndPruned() {
        List<String> series = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            series.add(weekly(i));
        }

        ChangeSet<GroupwareItem<EventData>> first = store.changes(Optional.empty());

        assertThat(first.changed()).hasSize(SERIES);
        // a delta link, the window and the time of the read: a few hundred characters, not one id per series
        assertThat(first.next().value().length()).isLessThan(2_000);
        assertThat(state().entries(SeriesMasters.SCOPE)).hasSize(SERIES);

        String gone = series.get(1234);
        mailbox.remove(gone);
        ChangeSet<GroupwareItem<EventData>> removal = changes(first.next());

        // Graph names the removed occurrences only (reported as candidates nobody linked); the masters kept in the state
        // are confirmed and the gone one found
        assertThat(removal.removedIds()).contains(gone).doesNotContainAnyElementsOf(series.subList(0, 1234));
        assertThat(removal.next().value().length()).isLessThan(2_000);
        assertThat(state().entries(SeriesMasters.SCOPE)).hasSize(SERIES)
                .hasEntrySatisfying(gone, value -> assertThat(value).startsWith("dropped@"));

        // a run that ended before saving its token reads from the older token again: the removal is not lost
        ChangeSet<GroupwareItem<EventData>> again = changes(first.next());
        assertThat(again.removedIds()).contains(gone);

        // the token that reported the removal was saved and read from: the gone series is pruned
        ChangeSet<GroupwareItem<EventData>> after = changes(again.next());
        assertThat(after.removedIds()).doesNotContain(gone);
        assertThat(state().entries(SeriesMasters.SCOPE)).hasSize(SERIES - 1).doesNotContainKey(gone);
    }

    @Test
    void aTokenThatStillListsItsMastersHandsThemToTheState() {
        String kept = weekly(1);
        String removed = weekly(2);
        ChangeSet<GroupwareItem<EventData>> first = store.changes(Optional.empty());
        // as a token written before the masters moved out of it, with a state that knows nothing yet
        state().remove(SeriesMasters.SCOPE, List.of(kept, removed));
        SyncToken legacy = new SyncToken(first.next().value() + "\n" + kept + "\n" + removed);

        mailbox.remove(removed);
        ChangeSet<GroupwareItem<EventData>> next = changes(legacy);

        assertThat(next.removedIds()).contains(removed).doesNotContain(kept);
        assertThat(next.next().value()).doesNotContain(kept);
        assertThat(state().entries(SeriesMasters.SCOPE)).containsEntry(kept, "live");
    }
}

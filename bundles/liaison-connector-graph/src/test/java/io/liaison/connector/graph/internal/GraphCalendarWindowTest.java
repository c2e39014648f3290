package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.item.EventData;
import io.liaison.graph.emulator.Mailbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * The calendar window against the emulator, with a clock the test moves: Graph's calendar view delta reports changes
 * outside the token's window as {@code @removed} ("event: delta", https://learn.microsoft.com/en-us/graph/api/event-delta),
 * so such removals are only candidates that a look-up answers; and an aged window is replaced by today's.
 */
class GraphCalendarWindowTest {

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
        settings.put(GraphSettings.CALENDAR_PAST_DAYS, "10");
        settings.put(GraphSettings.CALENDAR_FUTURE_DAYS, "30");
        session = accounts.open(settings, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
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

    private String event(String subject, String day) {
        return mailbox.addEvent(Map.of("subject", subject,
                "start", Map.of("dateTime", day + "T10:00:00", "timeZone", "UTC"),
                "end", Map.of("dateTime", day + "T11:00:00", "timeZone", "UTC")));
    }

    private void daysPass(long days) {
        now.set(now.get().plus(Duration.ofDays(days)));
    }

    private static List<String> ids(ChangeSet<GroupwareItem<EventData>> changes) {
        return changes.changed().stream().map(GroupwareItem::id).toList();
    }

    @Test
    void aTokenWhoseWindowAgedGivesWayToACompleteListingOfTodaysWindow() {
        // the first window is 2026-02-19 to 2026-03-31
        String agesOut = event("Visit", "2026-03-05");
        String comesIn = event("Fair", "2026-04-10");
        ChangeSet<GroupwareItem<EventData>> first = store.changes(Optional.empty());
        assertThat(ids(first)).containsExactly(agesOut);

        daysPass(GraphEventStore.WINDOW_SLACK.toDays());
        ChangeSet<GroupwareItem<EventData>> within = store.changes(Optional.of(first.next()));
        assertThat(within.complete()).isFalse();
        assertThat(within.changed()).isEmpty();

        daysPass(20 - GraphEventStore.WINDOW_SLACK.toDays());
        // today's window is 2026-03-11 to 2026-04-20: the visit has left it, the fair has come in
        ChangeSet<GroupwareItem<EventData>> moved = store.changes(Optional.of(within.next()));
        assertThat(moved.complete()).isTrue();
        assertThat(ids(moved)).containsExactly(comesIn);
        assertThat(store.lookUp(List.of(agesOut)).get(agesOut)).isInstanceOf(Lookup.Found.class);

        ChangeSet<GroupwareItem<EventData>> after = store.changes(Optional.of(moved.next()));
        assertThat(after.complete()).isFalse();
        assertThat(after.changed()).isEmpty();
        assertThat(after.removedIds()).isEmpty();
    }

    @Test
    void aChangeOutsideTheWindowIsAReportedRemovalThatTheLookUpFindsAndSeriesAreConfirmedInOneBatch() {
        List<String> series = List.of(1, 2, 3).stream().map(n -> mailbox.addEvent(Map.of("subject", "Weekly " + n,
                "start", Map.of("dateTime", "2026-03-0" + n + "T09:00:00", "timeZone", "UTC"),
                "end", Map.of("dateTime", "2026-03-0" + n + "T09:30:00", "timeZone", "UTC"),
                "recurrence", Map.of("pattern", Map.of("type", "weekly", "interval", 1,
                        "daysOfWeek", List.of(List.of("sunday", "monday", "tuesday").get(n - 1))),
                        "range", Map.of("type", "noEnd", "startDate", "2026-03-0" + n))))).toList();
        String single = event("Call", "2026-03-04");
        String later = event("Later", "2026-06-01");
        ChangeSet<GroupwareItem<EventData>> first = store.changes(Optional.empty());
        assertThat(ids(first)).containsExactlyInAnyOrder(series.get(0), series.get(1), series.get(2), single);

        mailbox.touch(later);
        mailbox.remove(single);
        accounts.emulator.stats().reset();
        ChangeSet<GroupwareItem<EventData>> next = store.changes(Optional.of(first.next()));

        // Graph reports both as removed; the series, still there, are not
        assertThat(next.removedIds()).containsExactlyInAnyOrder(single, later);
        Map<String, Lookup<EventData>> confirmed = store.lookUp(next.removedIds());
        assertThat(confirmed.get(single)).isInstanceOf(Lookup.Gone.class);
        assertThat(confirmed.get(later)).isInstanceOf(Lookup.Found.class);
        Map<String, Integer> requests = accounts.emulator.stats().requestsByKind(upn);
        // the delta, the three series in one $batch, the two look-ups in another
        assertThat(requests).containsEntry("batch", 2).containsEntry("calendarView.delta", 1);
    }
}

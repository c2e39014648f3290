package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.graph.emulator.GraphEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What only Graph does to a run, on the Graph emulator: delta tokens that expire (410) in the middle of a run,
 * throttling (429), a change key gone stale between the run's read and its write (a conflict: the store compares it just before writing), an access token that
 * expires mid-run, and recurring series (one CRM activity per series).
 */
class GraphActivitySyncTest {
    private static final Set<ActivityType> EVENT_TYPES = Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING);
    private static final Set<ActivityType> TASK_TYPES = Set.of(ActivityType.TASK, ActivityType.FOLLOW_UP);

    @TempDir
    Path dir;

    private GraphEmulator graph;
    private final List<ActivityFlow> flows = new ArrayList<>();

    @BeforeEach
    void emulator() {
        graph = GraphWorld.emulator();
        graph.faults().clear();
    }

    @AfterEach
    void clear() {
        graph.faults().clear();
        flows.forEach(ActivityFlow::close);
    }

    private ActivityFlow flow(ConflictPolicy policy) {
        ActivityFlow flow = new ActivityFlow(dir.resolve("f" + flows.size()), Groupware.GRAPH, policy);
        flows.add(flow);
        return flow;
    }

    @Test
    void aMeetingWhoseTypeChangesLeavesTheSyncAndItsEventIsNotDeleted() {
        ActivitySyncFlowTest.aMeetingWhoseTypeChangesLeavesTheSyncAndKeepsItsGroupwareEvent(flow(ConflictPolicy.CRM_WINS));
    }

    /**
     * Time passes: Graph's calendar view reports the events that left its window (and those Liaison writes beyond its
     * end) as removed, and the window moves forward with a complete listing every week. Randomised creates, edits and
     * deletes on both sides, with edits of events outside the window; every CRM activity that is missing at the end
     * must have been deleted by a person, in the CRM or in the groupware, and no activity exists twice.
     */
    @Test
    void theCalendarWindowMovesForwardWhileEventsAgeOutAndNothingIsDeletedThatWasNotDeleted() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ActivityFlow flow = new ActivityFlow(dir.resolve("window"), Groupware.GRAPH, ConflictPolicy.CRM_WINS, 0.5, 10,
                Optional.of(clock), Map.of("calendarPastDays", "10", "calendarFutureDays", "30"));
        flows.add(flow);
        Random random = new Random(20261207);
        Set<String> deletedInCrm = new HashSet<>();
        Set<String> deletedInGroupware = new HashSet<>();
        Map<String, String> groupwareOf = new HashMap<>();
        int outsideEdits = 0;
        for (int round = 0; round < 40; round++) {
            Instant today = now.get();
            for (int op = 0; op < 1 + random.nextInt(3); op++) {
                String name = "r" + round + "o" + op;
                Instant when = today.plus(Duration.ofDays(random.nextInt(48) - 8)).plus(Duration.ofHours(random.nextInt(8)));
                List<String> linked = new ArrayList<>(groupwareOf.keySet());
                linked.removeIf(id -> deletedInCrm.contains(id) || deletedInGroupware.contains(groupwareOf.get(id))
                        || flow.crmFind(id).isEmpty());
                switch (random.nextInt(20)) {
                    case 0, 1, 2, 3, 4, 5 -> flow.crmCreate(ActivityType.APPOINTMENT, "crm " + name, when);
                    case 6, 7, 8, 9 -> flow.gwCreateEvent("gw " + name,
                            today.plus(Duration.ofDays(random.nextInt(30) - 5)));
                    case 10, 11, 12 -> pick(random, linked).ifPresent(id -> flow.crmEdit(id, "crm edit " + name));
                    case 13, 14, 15, 16, 17 -> {
                        Optional<String> id = pick(random, linked);
                        if (id.isPresent() && flow.events().get(groupwareOf.get(id.get())).isPresent()) {
                            GroupwareItem<EventData> g = flow.events().get(groupwareOf.get(id.get())).orElseThrow();
                            outsideEdits += g.data().start().isBefore(today.minus(Duration.ofDays(10))) ? 1 : 0;
                            flow.gwEditEvent(g.id(), "gw edit " + name);
                        }
                    }
                    case 18 -> pick(random, linked).ifPresent(id -> {
                        flow.crmDelete(id);
                        deletedInCrm.add(id);
                    });
                    default -> pick(random, linked).ifPresent(id -> {
                        String g = groupwareOf.get(id);
                        if (flow.events().get(g).isPresent()) {
                            flow.gwDeleteEvent(g);
                            deletedInGroupware.add(g);
                        }
                    });
                }
            }
            flow.run();
            flow.links(SyncArea.APPOINTMENTS).forEach(l -> groupwareOf.put(l.crmId(), l.groupwareId()));
            now.set(today.plus(Duration.ofDays(random.nextInt(5))).plus(Duration.ofHours(random.nextInt(24))));
        }
        flow.run();
        flow.run();

        Instant windowStart = now.get().minus(Duration.ofDays(10));
        long agedOut = groupwareOf.values().stream().map(g -> flow.events().get(g)).flatMap(Optional::stream)
                .filter(g -> g.data().end().isBefore(windowStart)).count();
        long present = groupwareOf.values().stream().filter(g -> flow.events().get(g).isPresent()).count();
        long crmPresent = groupwareOf.keySet().stream().filter(c -> flow.crmFind(c).isPresent()).count();
        System.out.println("Calendar window test: " + groupwareOf.size() + " pairs (" + present + " events and "
                + crmPresent + " activities still there), " + agedOut + " aged out, " + outsideEdits
                + " groupware edits outside the window, " + deletedInCrm.size() + " + " + deletedInGroupware.size()
                + " deletes");
        assertThat(agedOut).as("linked events that aged out of the window").isGreaterThan(5);
        for (Map.Entry<String, String> pair : groupwareOf.entrySet()) {
            if (flow.crmFind(pair.getKey()).isEmpty()) {
                assertThat(deletedInCrm.contains(pair.getKey()) || deletedInGroupware.contains(pair.getValue()))
                        .as("CRM activity " + pair.getKey() + " is gone though nobody deleted it or its event")
                        .isTrue();
            }
        }
        List<String> subjects = flow.crmActivities(EVENT_TYPES).stream().map(a -> a.data().subject()).toList();
        assertThat(subjects).as("no activity twice").doesNotHaveDuplicates();
    }

    private static <T> Optional<T> pick(Random random, List<T> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(random.nextInt(items.size())));
    }

    @Test
    void deltaTokensExpiredInTheMiddleOfARunLeadToACompleteReReadWithoutDuplicatesOrLostEdits() {
        ActivityFlow flow = flow(ConflictPolicy.CRM_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "A", at(1, 9));
        Activity gone = flow.crmCreate(ActivityType.APPOINTMENT, "deleted in the CRM", at(1, 11));
        GroupwareItem<EventData> e = flow.gwCreateEvent("E", at(2, 9));
        GroupwareItem<EventData> dropped = flow.gwCreateEvent("deleted in the groupware", at(2, 11));
        GroupwareItem<TaskData> k = flow.gwCreateTask("K", at(2, 12));
        flow.crmCreate(ActivityType.TASK, "T", at(1, 12));
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);

        flow.crmEdit(a.id().value(), "A edited in the CRM");
        flow.gwEditEvent(e.id(), "E edited in the groupware");
        flow.gwEditTask(k.id(), "K edited in the groupware");
        flow.crmDelete(gone.id().value());
        flow.gwDeleteEvent(dropped.id());
        flow.gwCreateEvent("new in the groupware", at(3, 9));
        flow.crmCreate(ActivityType.APPOINTMENT, "new in the CRM", at(3, 11));
        // the first write of the run (the appointments area, after its delta read) expires every delta token:
        // the tasks area's stored token answers 410 in this run, the calendar's new token in the next
        AtomicBoolean expired = new AtomicBoolean();
        List<String> readsAfterExpiry = new ArrayList<>();
        flow.writes.hook = (where, args) -> {
            if (expired.get() && where.endsWith(".changes") && ((Optional<?>) args[0]).isPresent()) {
                readsAfterExpiry.add(where);
            }
            if (!expired.get() && (where.startsWith("events.") || where.startsWith("ActivityStore."))
                    && Set.of("create", "update", "delete").contains(where.substring(where.indexOf('.') + 1))) {
                graph.faults().expireDeltaTokens();
                expired.set(true);
            }
        };
        SyncRun during = flow.run();
        flow.gwEditEvent(e.id(), "E edited again after the expiry");
        SyncRun after = flow.run();
        flow.writes.reset();

        assertThat(expired).isTrue();
        assertThat(readsAfterExpiry).as("reads with an expired token").containsExactly("tasks.changes", "events.changes",
                "tasks.changes");
        assertThat(during.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(after.status()).isEqualTo(RunStatus.SUCCEEDED);
        Convergence.assertConverged(flow);
        assertThat(flow.crmActivities(EVENT_TYPES)).extracting(x -> x.data().subject()).containsExactlyInAnyOrder(
                "A edited in the CRM", "E edited again after the expiry", "new in the groupware", "new in the CRM");
        assertThat(flow.crmActivities(TASK_TYPES)).extracting(x -> x.data().subject())
                .containsExactlyInAnyOrder("K edited in the groupware", "T");
        assertThat(flow.events().get(dropped.id())).isEmpty();
        flow.writes.reset();
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.writes.written()).isZero();
    }

    /**
     * To Do keeps only the date of a due time (microsoftgraph/microsoft-graph-docs issue 16991: 04:10 comes back as
     * 00:00): a CRM task due at a time reaches To Do as its date in the account's zone, the next runs write nothing,
     * and the CRM keeps its due time.
     */
    @Test
    void aCrmTaskDueAtATimeIsWrittenOnceAsItsDateAndLaterRunsWriteNothing() {
        ActivityFlow flow = flow(ConflictPolicy.CRM_WINS);
        Instant due = Instant.parse("2026-03-02T23:10:00Z"); // 00:10 on 3 March in Berlin
        Activity task = flow.crmCreate(ActivityType.TASK, "Call back after midnight", due);
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.links(SyncArea.TASKS)).hasSize(1);
        String gwId = flow.links(SyncArea.TASKS).get(0).groupwareId();

        flow.writes.reset();
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(flow.writes.written()).isZero();
        assertThat(flow.crmGet(task.id().value()).data().due()).contains(due);
        assertThat(flow.tasks().get(gwId).orElseThrow().data().due())
                .contains(Instant.parse("2026-03-02T23:00:00Z")); // 3 March, 00:00 in Berlin
    }

    @Test
    void tenPercentThrottledRequestsDuringRunsStillConverge() {
        ActivityFlow flow = flow(ConflictPolicy.CRM_WINS);
        for (int i = 0; i < 8; i++) {
            flow.crmCreate(ActivityType.APPOINTMENT, "CRM appointment " + i, at(i, 9));
            flow.gwCreateEvent("Outlook event " + i, at(i, 14));
        }
        for (int i = 0; i < 4; i++) {
            flow.crmCreate(ActivityType.TASK, "CRM task " + i, at(i, 10));
            flow.gwCreateTask("To Do task " + i, at(i, 16));
        }
        graph.stats().reset();
        // Retry-After 0: the retries are what this test is about; waiting out a real Retry-After is the connector's
        // own test
        graph.faults().throttle(0.1, 0, 4711);

        List<SyncRun> runs = new ArrayList<>();
        runs.add(flow.run());
        List<GroupwareItem<EventData>> events = flow.gwEvents();
        flow.gwEditEvent(events.get(0).id(), "edited in Outlook while throttled");
        flow.gwDeleteEvent(events.get(1).id());
        Activity crm = flow.crmActivities(Set.of(ActivityType.TASK)).get(0);
        flow.crmEdit(crm.id().value(), "edited in the CRM while throttled");
        runs.add(flow.run());
        runs.add(flow.run());
        int throttled = graph.stats().throttled(flow.where);
        graph.faults().clear();
        runs.add(flow.run());

        assertThat(throttled).as("429 answers during the runs").isPositive();
        assertThat(runs).extracting(SyncRun::status).doesNotContain(RunStatus.FAILED);
        Convergence.assertConverged(flow);
        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(15).extracting(x -> x.data().subject())
                .contains("edited in Outlook while throttled");
        assertThat(flow.crmActivities(TASK_TYPES)).hasSize(8).extracting(x -> x.data().subject())
                .contains("edited in the CRM while throttled");
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
        System.out.println("GraphActivitySyncTest: " + throttled + " requests throttled (429) during 3 runs");
    }

    /** An edit in Outlook first and in the CRM later: "newest wins" keeps the CRM's, by Exchange's lastModifiedDateTime. */
    @Test
    void newestWinsKeepsTheCrmsEditWhenItCameAfterOutlooksEdit() {
        ActivityFlow flow = flow(ConflictPolicy.NEWEST_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Original", at(1, 9));
        flow.run();
        String gw = flow.links.byCrmId(flow.account.id(), "APPOINTMENTS", a.id().value()).orElseThrow().groupwareId();
        flow.gwEditEvent(gw, "Outlook edit");
        Clocks.moveOnPastFileTimes();
        flow.crmEdit(a.id().value(), "CRM edit");

        SyncRun run = flow.run();

        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.CONFLICT).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the CRM's version is kept").contains("in the groupware at"));
        assertThat(flow.crmGet(a.id().value()).data().subject()).isEqualTo("CRM edit");
        assertThat(flow.events().get(gw).orElseThrow().data().subject()).isEqualTo("CRM edit");
        Convergence.assertConverged(flow);
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void anEventEditedInOutlookBetweenTheRunsReadAndItsWriteIsAConflictOfThePolicyAndNothingIsLost(ConflictPolicy policy) {
        ActivityFlow flow = flow(policy);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Original", at(1, 9));
        flow.run();
        String gw = flow.links.byCrmId(flow.account.id(), "APPOINTMENTS", a.id().value()).orElseThrow().groupwareId();
        flow.crmEdit(a.id().value(), "CRM edit");
        AtomicBoolean edited = new AtomicBoolean();
        flow.writes.hook = (where, args) -> {
            if (where.equals("events.update") && args[0].equals(gw) && edited.compareAndSet(false, true)) {
                flow.gwEditEvent(gw, "Outlook edit"); // the person saves in Outlook: the change key moves on
            }
        };

        SyncRun stale = flow.run();

        assertThat(edited).isTrue();
        assertThat(flow.entries(stale)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("left for the next run").contains("was changed meanwhile");
        });
        assertThat(flow.events().get(gw).orElseThrow().data().subject()).as("the Outlook edit is not overwritten")
                .isEqualTo("Outlook edit");
        assertThat(flow.crmGet(a.id().value()).data().subject()).isEqualTo("CRM edit");

        flow.writes.reset();
        SyncRun next = flow.run();

        List<JournalEntry> conflicts = flow.entries(next).stream().filter(e -> e.outcome() == Outcome.CONFLICT).toList();
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).message()).contains("changed on both sides").contains(policy.name());
        String kept = flow.crmGet(a.id().value()).data().subject();
        switch (policy) {
            case CRM_WINS -> assertThat(kept).isEqualTo("CRM edit");
            case GROUPWARE_WINS, NEWEST_WINS -> assertThat(kept).isEqualTo("Outlook edit"); // saved after the CRM edit
            case KEEP_BOTH -> {
                assertThat(kept).isEqualTo("CRM edit");
                flow.run(); // the copy reaches the groupware as an item of its own
                assertThat(flow.gwEvents()).extracting(g -> g.data().subject())
                        .containsExactlyInAnyOrder("CRM edit", "Outlook edit");
                assertThat(flow.crmActivities(EVENT_TYPES)).extracting(x -> x.data().subject())
                        .containsExactlyInAnyOrder("CRM edit", "Outlook edit");
            }
        }
        Convergence.assertConverged(flow);
    }

    @Test
    void anAccessTokenExpiredMidRunIsRenewedAndTheRunCompletes() {
        ActivityFlow flow = flow(ConflictPolicy.CRM_WINS);
        for (int i = 0; i < 3; i++) {
            flow.crmCreate(ActivityType.APPOINTMENT, "CRM appointment " + i, at(i, 9));
            flow.crmCreate(ActivityType.FOLLOW_UP, "CRM follow-up " + i, at(i, 10));
            flow.gwCreateEvent("Outlook event " + i, at(i, 14));
        }
        int tokens = graph.stats().tokenRequests();
        AtomicBoolean expired = new AtomicBoolean();
        flow.writes.hook = (where, args) -> {
            if (where.equals("events.create") && expired.compareAndSet(false, true)) {
                graph.faults().expireAccessTokens();
            }
        };

        SyncRun run = flow.run();

        assertThat(expired).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(graph.stats().tokenRequests()).as("token requests: the run's sign-in and one renewal")
                .isGreaterThanOrEqualTo(tokens + 2);
        Convergence.assertConverged(flow);
        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(6);
        assertThat(flow.gwTasks()).hasSize(3);
    }

    @Test
    void aRecurringSeriesFromOutlookIsOneCrmActivityAndEditsDoNotDuplicateIt() {
        ActivityFlow flow = flow(ConflictPolicy.CRM_WINS);
        String master = flow.mailbox().addEvent(Map.of("subject", "Weekly jour fixe",
                "start", Map.of("dateTime", "2026-03-02T09:00:00", "timeZone", "Europe/Berlin"),
                "end", Map.of("dateTime", "2026-03-02T09:30:00", "timeZone", "Europe/Berlin"),
                "recurrence", Map.of(
                        "pattern", Map.of("type", "weekly", "interval", 1, "daysOfWeek", List.of("monday")),
                        "range", Map.of("type", "numbered", "startDate", "2026-03-02", "numberOfOccurrences", 8,
                                "recurrenceTimeZone", "Europe/Berlin"))));

        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);

        List<Activity> crm = flow.crmActivities(EVENT_TYPES);
        assertThat(crm).singleElement().satisfies(x -> {
            assertThat(x.data().subject()).isEqualTo("Weekly jour fixe");
            assertThat(x.data().start()).contains(at(1, 8)); // 09:00 in Berlin on 2 March 2026
        });
        String activity = crm.get(0).id().value();
        assertThat(flow.events().get(master).orElseThrow().crmId()).contains(activity);
        assertThat(flow.gwEvents()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(master);
            assertThat(g.data().recurrenceRule()).isPresent();
        });

        // edited in Outlook: the whole series
        flow.gwEditEvent(master, "Weekly jour fixe, room 2");
        flow.run();
        assertThat(flow.crmActivities(EVENT_TYPES)).singleElement()
                .satisfies(x -> assertThat(x.data().subject()).isEqualTo("Weekly jour fixe, room 2"));

        // edited in the CRM: the series gets the subject and keeps its recurrence
        flow.crmEdit(activity, "Weekly jour fixe, moved to room 3");
        flow.run();
        assertThat(flow.gwEvents()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(master);
            assertThat(g.data().subject()).isEqualTo("Weekly jour fixe, moved to room 3");
            assertThat(g.data().recurrenceRule()).isPresent();
        });
        assertThat(flow.mailbox().item(master)).containsKey("recurrence");
        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(1);

        // in Outlook, one occurrence becomes an exception and another is cancelled: still one series, one activity
        String third = occurrenceId(master, LocalDate.of(2026, 3, 16));
        GroupwareItem<EventData> occurrence = flow.events().get(third).orElseThrow();
        assertThat(occurrence.data().seriesMasterId()).contains(master);
        EventData o = occurrence.data();
        flow.events().update(third, occurrence.version(), new EventData("Jour fixe with guests", o.bodyText(),
                o.start(), o.end(), o.allDay(), o.timeZone(), o.location(), o.organizer(), o.attendees(),
                o.reminder(), o.importance(), o.categories(), o.recurrenceRule(), o.seriesMasterId(), o.crmLink()),
                occurrence.crmId());
        assertThat(flow.mailbox().item(third)).containsEntry("type", "exception");
        flow.mailbox().remove(occurrenceId(master, LocalDate.of(2026, 3, 23)));
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(flow.crmActivities(EVENT_TYPES)).singleElement().satisfies(x -> {
            assertThat(x.id().value()).isEqualTo(activity);
            assertThat(x.data().subject()).isEqualTo("Weekly jour fixe, moved to room 3");
        });
        assertThat(flow.gwEvents()).extracting(GroupwareItem::id).containsExactly(master);
        Convergence.assertConverged(flow);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    /** The emulator's id of a series' occurrence on a day (as Graph, it is derived from the master's id). */
    private static String occurrenceId(String master, LocalDate day) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("occ|" + master + "|" + day).getBytes(StandardCharsets.UTF_8));
    }
}

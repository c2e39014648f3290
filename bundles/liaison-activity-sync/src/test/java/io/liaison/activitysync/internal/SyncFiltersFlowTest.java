package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.DEMO;
import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The account's sync filters ({@code filter.*} settings): groupware items by category and by the owner's answer,
 * CRM activities by status; an item a filter no longer takes leaves the sync, both items stay.
 */
class SyncFiltersFlowTest {
    private static final Set<ActivityType> EVENT_TYPES = Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING);

    @TempDir
    Path dir;

    private final ActivityFlows flows = new ActivityFlows(() -> dir);

    @AfterEach
    void close() {
        flows.close();
    }

    private ActivityFlow flow(Groupware groupware, Map<String, String> settings) {
        return flows.open(groupware, settings);
    }

    private static GroupwareItem<EventData> gwEvent(ActivityFlow flow, String subject, int day, List<String> categories) {
        EventData e = new EventData(subject, "", at(day, 10), at(day, 10).plus(1, ChronoUnit.HOURS), false,
                "Europe/Berlin", "", Optional.empty(), List.of(), Optional.empty(), Importance.NORMAL, categories,
                Optional.empty(), Optional.empty(), Optional.empty());
        return flow.events().create(e, Optional.empty(), new IdempotencyKey("person-" + UUID.randomUUID()));
    }

    private static GroupwareItem<EventData> gwCategorise(ActivityFlow flow, String id, List<String> categories) {
        GroupwareItem<EventData> g = flow.events().get(id).orElseThrow();
        EventData d = g.data();
        return flow.events().update(id, g.version(), new EventData(d.subject(), d.bodyText(), d.start(), d.end(),
                d.allDay(), d.timeZone(), d.location(), d.organizer(), d.attendees(), d.reminder(), d.importance(),
                categories, d.recurrenceRule(), d.seriesMasterId(), d.crmLink(), d.sensitivity(), d.status(),
                d.showAs(), d.participation()), g.crmId());
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void onlyItemsInTheFilterCategoryReachTheCrmAndWhatTheCrmWritesCarriesIt(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(SyncFilters.CATEGORIES, "CRM"));
        gwEvent(flow, "Visit ACME", 3, List.of("crm"));
        gwEvent(flow, "Lunch with Kim", 4, List.of("Personal"));
        gwEvent(flow, "Gym", 5, List.of());
        Activity planned = flow.crmCreate(ActivityType.APPOINTMENT, "Offer review", at(6, 9));

        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.crmActivities(EVENT_TYPES)).extracting(a -> a.data().subject())
                .containsExactlyInAnyOrder("Visit ACME", "Offer review");
        assertThat(flow.gwEvents()).filteredOn(g -> g.crmId().equals(Optional.of(planned.id().value())))
                .singleElement().satisfies(g -> assertThat(g.data().categories()).containsExactly("CRM"));
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void anItemThatLeavesTheFilterIsUnlinkedItsActivityStaysAndItComesBackWhenTakenAgain(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(SyncFilters.CATEGORIES, "CRM"));
        GroupwareItem<EventData> visit = gwEvent(flow, "Visit ACME", 3, List.of("CRM"));
        gwEvent(flow, "Stays", 4, List.of("CRM"));
        flow.run();
        Activity activity = flow.crmActivities(EVENT_TYPES).stream()
                .filter(a -> a.data().subject().equals("Visit ACME")).findFirst().orElseThrow();

        gwCategorise(flow, visit.id(), List.of("Personal"));
        SyncRun run = flow.run();

        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        assertThat(flow.crmGet(activity.id().value()).version()).isEqualTo(activity.version());
        assertThat(flow.events().get(visit.id())).isPresent();
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED)
                .filteredOn(e -> e.outcome() == Outcome.SKIPPED).extracting(JournalEntry::message).singleElement()
                .asString().contains("no longer taken by the account's filters", "filter.categories", "CRM item is kept");

        // held back: a CRM edit is not put into the groupware as a second item
        flow.crmEdit(activity.id().value(), "Visit ACME, notes");
        flow.run();
        assertThat(flow.gwEvents()).hasSize(2);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();

        // taken again: linked to its activity, nothing twice
        gwCategorise(flow, visit.id(), List.of("CRM"));
        flow.run();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(2);
        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(2);
        assertThat(flow.gwEvents()).hasSize(2);
        Convergence.assertConverged(flow);
    }

    @Test
    void aDeclinedMeetingDoesNotReachTheCrm() {
        ActivityFlow flow = flow(Groupware.GRAPH, Map.of(SyncFilters.EXCLUDE_DECLINED, "true"));
        invitation(flow, "Declined review", "declined");
        invitation(flow, "Accepted review", "accepted");

        flow.run();

        assertThat(flow.crmActivities(EVENT_TYPES)).extracting(a -> a.data().subject())
                .containsExactly("Accepted review");
    }

    /** The role filter looks at events only: under "attended" a partner's meeting and the owner's tasks come, the owner's appointment not. */
    @Test
    void underTheRoleAttendedOnlyMeetingsOfOthersAndTasksReachTheCrm() {
        ActivityFlow flow = flow(Groupware.GRAPH, Map.of(SyncFilters.ROLE, "attended"));
        invitation(flow, "Partner review", "accepted");
        gwEvent(flow, "My own appointment", 4, List.of());
        flow.gwCreateTask("Call back", at(5, 9));

        flow.run();

        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING, ActivityType.TASK)))
                .extracting(a -> a.data().subject()).containsExactlyInAnyOrder("Partner review", "Call back");
    }

    @Test
    void withoutFiltersADeclinedMeetingStillReachesTheCrmAsBefore() {
        ActivityFlow flow = flow(Groupware.GRAPH, Map.of());
        invitation(flow, "Declined review", "declined");

        flow.run();

        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(1);
    }

    /**
     * An activity that left the sync by its type and came back, whose item then leaves the filter and is taken again:
     * it is linked again, not kept out as one left behind by the earlier type change.
     */
    @ParameterizedTest
    @EnumSource(Groupware.class)
    void anActivityThatLeftAndCameBackIsLinkedAgainWhenItsItemIsTakenAgain(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(SyncFilters.CATEGORIES, "CRM"));
        GroupwareItem<EventData> visit = gwEvent(flow, "Visit ACME", 3, List.of("CRM"));
        flow.run();
        String id = flow.crmActivities(EVENT_TYPES).get(0).id().value();
        flow.crmChangeType(id, new ActivityType("VISIT"));
        flow.run();
        flow.crmChangeType(id, ActivityType.MEETING);
        flow.run();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        gwCategorise(flow, visit.id(), List.of("Personal"));
        flow.run();

        gwCategorise(flow, visit.id(), List.of("CRM"));
        flow.run();

        assertThat(flow.links(SyncArea.APPOINTMENTS)).singleElement()
                .satisfies(l -> assertThat(l.crmId()).isEqualTo(id))
                .satisfies(l -> assertThat(l.groupwareId()).isEqualTo(visit.id()));
        assertThat(flow.gwEvents()).hasSize(1);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void anActivityWhoseStatusLeavesTheFilterLeavesTheSyncAndItsEventStays(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(SyncFilters.ACTIVITY_STATUSES, "O"));
        Activity open = flow.crmCreate(ActivityType.APPOINTMENT, "Open one", at(3, 9));
        flow.crmCreate(ActivityType.APPOINTMENT, "Stays", at(3, 12));
        Activity done = flow.activities().create(DEMO, flow.crmGet(open.id().value()).data().toBuilder()
                .subject("Done already").status(new StatusKey("E")).build(), Optional.empty());
        flow.run();
        assertThat(flow.gwEvents()).extracting(g -> g.data().subject()).containsExactlyInAnyOrder("Open one", "Stays");

        Activity closed = flow.crmGet(open.id().value());
        flow.activities().update(DEMO, closed.id(), closed.version(), closed.data().toBuilder()
                .status(new StatusKey("E")).build());
        SyncRun run = flow.run();

        assertThat(flow.gwEvents()).extracting(g -> g.data().subject()).containsExactlyInAnyOrder("Open one", "Stays");
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED)
                .anySatisfy(e -> assertThat(e.message()).contains("filter.activityStatuses"));
        assertThat(flow.crmFind(done.id().value())).isPresent();
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    /** Graph {@code showAs} free: the person's own free time does not reach the CRM under {@code excludeFree}. */
    @Test
    void anEventShownAsFreeDoesNotReachTheCrm() {
        ActivityFlow flow = flow(Groupware.GRAPH, Map.of(SyncFilters.EXCLUDE_FREE, "true"));
        GroupwareItem<EventData> free = gwEvent(flow, "Focus time", 3, List.of());
        EventData d = flow.events().get(free.id()).orElseThrow().data();
        flow.events().update(free.id(), flow.events().get(free.id()).orElseThrow().version(),
                d.withStatus(d.status(), io.liaison.api.connector.item.FreeBusy.FREE, d.participation()),
                Optional.empty());
        gwEvent(flow, "Visit ACME", 4, List.of());

        flow.run();

        assertThat(flow.crmActivities(EVENT_TYPES)).extracting(a -> a.data().subject()).containsExactly("Visit ACME");
    }

    /** The flows' dates lie in March 2026: a window of 30 days back from today leaves older ones out. */
    @ParameterizedTest
    @EnumSource(Groupware.class)
    void itemsBeforeTheTimeWindowDoNotReachTheCrm(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(SyncFilters.PAST_DAYS, "30"));
        gwEvent(flow, "Long ago", 3, List.of());
        java.time.Instant soon = java.time.Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        flow.events().create(EventData.simple("Next week", soon, soon.plus(1, ChronoUnit.HOURS), "Europe/Berlin"),
                Optional.empty(), new IdempotencyKey("person-" + UUID.randomUUID()));

        flow.run();

        assertThat(flow.crmActivities(EVENT_TYPES)).extracting(a -> a.data().subject()).containsExactly("Next week");
    }

    private static void invitation(ActivityFlow flow, String subject, String answer) {
        Map<String, Object> e = new HashMap<>();
        e.put("subject", subject);
        e.put("start", Map.of("dateTime", "2026-03-08T10:00:00", "timeZone", "Europe/Berlin"));
        e.put("end", Map.of("dateTime", "2026-03-08T11:00:00", "timeZone", "Europe/Berlin"));
        e.put("organizer", Map.of("emailAddress", Map.of("address", "zoe@partner.example", "name", "Zoe")));
        e.put("attendees", List.of(Map.of("emailAddress", Map.of("address", flow.where, "name", "Demo"),
                "type", "required")));
        e.put("responseStatus", Map.of("response", answer, "time", "2026-03-01T08:00:00Z"));
        flow.mailbox().addEvent(e);
    }
}

package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.DEMO;
import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.activitysync.GroupwareEntryKind;
import io.liaison.api.activitysync.PlannedChange;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivitySyncFlowTest {

    @TempDir
    Path dir;

    @Test
    void aCrmAppointmentReachesTheGroupwareOnceWithItsLinkAndASecondRunWritesNothing() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Visit ACME", at(1, 9));

        SyncRun first = flow.run();

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        List<GroupwareItem<EventData>> events = flow.gwEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).crmId()).contains(a.id().value());
        assertThat(events.get(0).data().crmLink()).contains(URI.create("crm://activity/" + a.id()));
        assertThat(events.get(0).data().subject()).isEqualTo("Visit ACME");
        assertThat(events.get(0).data().start()).isEqualTo(at(1, 9));
        assertThat(events.get(0).data().timeZone()).isEqualTo("Europe/Berlin");

        flow.writes.reset();
        SyncRun second = flow.run();
        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.writes.written()).isZero();
        Convergence.assertConverged(flow);
    }

    @Test
    void aGroupwareEventBecomesACrmActivityAndGetsItsLinkBackInTheSameRun() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        GroupwareItem<EventData> created = flow.gwCreateEvent("Lunch with Bob", at(2, 12));

        SyncRun run = flow.run();

        List<Activity> crm = flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING));
        assertThat(crm).hasSize(1);
        Activity a = crm.get(0);
        assertThat(a.data().type()).isEqualTo(ActivityType.APPOINTMENT);
        assertThat(a.data().owner()).isEqualTo(DEMO);
        assertThat(a.data().subject()).isEqualTo("Lunch with Bob");
        assertThat(a.data().start()).contains(at(2, 12));
        GroupwareItem<EventData> linkedBack = flow.events().get(created.id()).orElseThrow();
        assertThat(linkedBack.crmId()).contains(a.id().value());
        assertThat(linkedBack.data().crmLink()).contains(URI.create("crm://activity/" + a.id()));
        assertThat(flow.entries(run)).extracting(JournalEntry::outcome).contains(Outcome.CREATED);

        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
        Convergence.assertConverged(flow);
    }

    /**
     * The appointment keeps the iCalendar UID of its event (the local tree's VEVENT UID), by which an imported
     * invitation finds it; edits on either side keep it.
     */
    @Test
    void aGroupwareEventsCalendarUidIsKeptWithItsAppointmentThroughEditsOnBothSides() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        GroupwareItem<EventData> created = flow.gwCreateEvent("Quarterly review", at(3, 10));
        String uid = created.data().iCalUid().orElseThrow();

        flow.run();
        Activity a = flow.crmActivities(Set.of(ActivityType.APPOINTMENT)).get(0);
        assertThat(a.data().calendarUid()).contains(uid);
        assertThat(flow.activities().findAppointment(DEMO, uid)).map(Activity::id).contains(a.id());

        flow.gwEditEvent(created.id(), "Quarterly review (moved)");
        flow.run();
        assertThat(flow.crmGet(a.id().value()).data().calendarUid()).contains(uid);
        flow.crmEdit(a.id().value(), "Quarterly review, agenda attached");
        flow.run();
        assertThat(flow.crmGet(a.id().value()).data().calendarUid()).contains(uid);
        assertThat(flow.events().get(created.id()).orElseThrow().data().iCalUid()).contains(uid);
    }

    @Test
    void tasksAndFollowUpsGoBothWaysWithCompletion() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity task = flow.crmCreate(ActivityType.TASK, "Send offer", at(3, 10));
        Activity followUp = flow.crmCreate(ActivityType.FOLLOW_UP, "Call back ACME", at(4, 8));
        GroupwareItem<TaskData> gwTask = flow.gwCreateTask("Prepare slides", at(5, 17));

        flow.run();

        assertThat(flow.gwTasks()).extracting(g -> g.data().subject())
                .containsExactlyInAnyOrder("Send offer", "Call back ACME", "Prepare slides");
        GroupwareItem<TaskData> fu = flow.gwTasks().stream().filter(g -> g.crmId().equals(Optional.of(followUp.id().value())))
                .findFirst().orElseThrow();
        assertThat(fu.data().due()).contains(at(4, 8));
        Activity fromGw = flow.crmActivities(Set.of(ActivityType.TASK)).stream()
                .filter(a -> a.data().subject().equals("Prepare slides")).findFirst().orElseThrow();
        assertThat(fromGw.data().due()).contains(at(5, 17));

        // the person ticks the task off in the groupware
        GroupwareItem<TaskData> g = flow.tasks().get(gwTask.id()).orElseThrow();
        TaskData d = g.data();
        flow.tasks().update(g.id(), g.version(), new TaskData(d.subject(), d.bodyText(), d.start(), d.due(),
                TaskStatus.COMPLETED, Optional.of(at(5, 16)), d.reminderAt(), d.importance(), d.categories(),
                d.crmLink()), g.crmId());
        flow.run();

        Activity done = flow.crmGet(fromGw.id().value());
        assertThat(done.data().completedAt()).contains(at(5, 16));
        assertThat(done.data().status().key()).isEqualTo("E");
        assertThat(flow.crmGet(task.id().value()).data().completedAt()).isEmpty();
        Convergence.assertConverged(flow);
    }

    @Test
    void editsAndDeletesPropagateBothWays() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "A", at(1, 9));
        Activity b = flow.crmCreate(ActivityType.APPOINTMENT, "B", at(1, 11));
        GroupwareItem<EventData> c = flow.gwCreateEvent("C", at(1, 13));
        GroupwareItem<EventData> d = flow.gwCreateEvent("D", at(1, 15));
        flow.run();
        String cCrm = flow.events().get(c.id()).orElseThrow().crmId().orElseThrow();
        String dCrm = flow.events().get(d.id()).orElseThrow().crmId().orElseThrow();
        String aGw = flow.links.byCrmId(flow.account.id(), "APPOINTMENTS", a.id().value()).orElseThrow().groupwareId();
        String bGw = flow.links.byCrmId(flow.account.id(), "APPOINTMENTS", b.id().value()).orElseThrow().groupwareId();

        flow.crmEdit(a.id().value(), "A edited in the CRM");
        flow.gwEditEvent(c.id(), "C edited in the groupware");
        flow.crmDelete(dCrm);
        flow.gwDeleteEvent(bGw);
        SyncRun run = flow.run();

        assertThat(flow.events().get(aGw).orElseThrow().data().subject()).isEqualTo("A edited in the CRM");
        assertThat(flow.crmGet(cCrm).data().subject()).isEqualTo("C edited in the groupware");
        assertThat(flow.events().get(d.id())).isEmpty();
        assertThat(flow.crmFind(b.id().value())).isEmpty();
        assertThat(flow.entries(run)).extracting(JournalEntry::outcome)
                .containsOnly(Outcome.UPDATED, Outcome.DELETED);
        Convergence.assertConverged(flow);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ConflictPolicy.class)
    void aConflictFollowsThePolicyAndIsJournaled(ConflictPolicy policy) {
        ActivityFlow flow = new ActivityFlow(dir, policy);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Original", at(1,9));
        flow.run();
        String gw = flow.links.byCrmId(flow.account.id(), "APPOINTMENTS", a.id().value()).orElseThrow().groupwareId();
        flow.crmEdit(a.id().value(), "CRM edit");
        Clocks.moveOnPastFileTimes();
        flow.gwEditEvent(gw, "Groupware edit");

        SyncRun run = flow.run();

        List<JournalEntry> conflicts = flow.entries(run).stream().filter(e -> e.outcome() == Outcome.CONFLICT).toList();
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).message()).contains("changed on both sides").contains(policy.name());
        String kept = flow.crmGet(a.id().value()).data().subject();
        switch (policy) {
            case CRM_WINS -> assertThat(kept).isEqualTo("CRM edit");
            case GROUPWARE_WINS, NEWEST_WINS -> assertThat(kept).isEqualTo("Groupware edit"); // the file is newer
            case KEEP_BOTH -> {
                assertThat(kept).isEqualTo("CRM edit");
                flow.run(); // the copy reaches the groupware as an item of its own
                assertThat(flow.gwEvents()).extracting(g -> g.data().subject())
                        .containsExactlyInAnyOrder("CRM edit", "Groupware edit");
            }
        }
        Convergence.assertConverged(flow);
    }

    /** "Newest wins" compares the CRM's time with the file's: an edit in the file first and in the CRM later keeps the CRM's. */
    @Test
    void newestWinsKeepsTheCrmsEditWhenItCameAfterTheFilesEdit() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.NEWEST_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Original", at(1, 9));
        flow.run();
        String gw = flow.links.byCrmId(flow.account.id(), "APPOINTMENTS", a.id().value()).orElseThrow().groupwareId();
        flow.gwEditEvent(gw, "Groupware edit");
        Clocks.moveOnPastFileTimes();
        flow.crmEdit(a.id().value(), "CRM edit");

        SyncRun run = flow.run();

        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.CONFLICT).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the CRM's version is kept").contains("in the groupware at"));
        assertThat(flow.crmGet(a.id().value()).data().subject()).isEqualTo("CRM edit");
        assertThat(flow.events().get(gw).orElseThrow().data().subject()).isEqualTo("CRM edit");
        Convergence.assertConverged(flow);
    }

    @Test
    void theMassDeleteGuardStopsAndReportsWhenTheGroupwareLosesMostItems() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        for (int i = 0; i < 12; i++) {
            flow.crmCreate(ActivityType.APPOINTMENT, "Appointment " + i, at(i, 9));
        }
        flow.run();
        List<GroupwareItem<EventData>> events = flow.gwEvents();
        for (int i = 0; i < 8; i++) {
            flow.gwDeleteEvent(events.get(i).id());
        }

        SyncRun run = flow.run();

        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(12);
        assertThat(flow.entries(run)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("8 of 12").contains("groupware reports");
        });
        // it keeps stopping until someone looks: the next run reports it again
        assertThat(flow.entries(flow.run())).anySatisfy(e -> assertThat(e.message()).contains("8 of 12"));
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(12);
        // an administrator who checked them accepts the deletes for one run
        flow.runAcceptingDeletes();
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(4);
    }

    @Test
    void aSmallAccountsEmptiedCalendarDeletesNothingUntilAnAdministratorAcceptsIt() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        for (int i = 0; i < 3; i++) {
            flow.crmCreate(ActivityType.APPOINTMENT, "Appointment " + i, at(i, 9));
        }
        flow.run();
        flow.gwEvents().forEach(e -> flow.gwDeleteEvent(e.id()));

        SyncRun run = flow.run();

        // three links are below the share rule's minimum of links; all of them gone is an outage all the same
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(3);
        assertThat(flow.entries(run)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.message()).contains("3 of 3").contains("groupware reports");
        });
        assertThat(flow.run().status()).isNotNull();
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(3);
        flow.runAcceptingDeletes();
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).isEmpty();
    }

    @Test
    void anotherTypeIsPutIntoTheGroupwareOnRequestAndItsEntryDeletedOnRequest() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity call = flow.crmCreate(new ActivityType("CALL"), "Call Alice", at(2, 10));
        flow.run();
        assertThat(flow.gwEvents()).isEmpty();

        flow.activitySync.putIntoGroupware(DEMO, call.id(), GroupwareEntryKind.APPOINTMENT);

        assertThat(flow.gwEvents()).singleElement().satisfies(g -> assertThat(g.crmId()).contains(call.id().value()));
        String gw = flow.gwEvents().get(0).id();
        flow.gwEditEvent(gw, "Call Alice about the offer");
        flow.run();
        assertThat(flow.crmGet(call.id().value()).data().subject()).isEqualTo("Call Alice about the offer");
        assertThat(flow.crmGet(call.id().value()).data().type().key()).isEqualTo("CALL");

        flow.activitySync.deleteGroupwareEntry(DEMO, call.id());

        assertThat(flow.gwEvents()).isEmpty();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).isEmpty();
        assertThat(flow.crmFind(call.id().value())).isPresent();
        flow.crmEdit(call.id().value(), "Call Alice again");
        flow.run();
        assertThat(flow.gwEvents()).isEmpty();
    }

    @Test
    void aMeetingWhoseTypeChangesLeavesTheSyncAndItsEventStays() {
        aMeetingWhoseTypeChangesLeavesTheSyncAndKeepsItsGroupwareEvent(new ActivityFlow(dir, ConflictPolicy.CRM_WINS));
    }

    /**
     * A meeting's type changes while its event's file cannot be read (cut off, as an editor's interrupted save leaves
     * it): the pair is left alone and offered again, so the runs after the one whose CRM feed reported the change look
     * the activity up instead. The look-up must see what the feed saw, a visit that left the sync: once the file reads
     * again the link goes and the event stays, unwritten. (RandomisedSyncTest seed 4 met this when its picks broke the
     * event's file in round 42 and changed its activity's type in round 43: the link was refreshed to the visit's
     * version, and the visit stayed paired with an event for good.)
     */
    @Test
    void aTypeChangeWhileTheEventCannotBeReadLeavesTheSyncOnceItReadsAgain() throws Exception {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity meeting = flow.crmCreate(ActivityType.MEETING, "Kick-off with the customer", at(4, 10));
        flow.run();
        GroupwareItem<EventData> event = flow.gwEvents().get(0);
        Path file = FaultInjectionTest.fileOf(flow, event.id());
        byte[] saved = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(saved, saved.length / 2));

        flow.crmChangeType(meeting.id().value(), new ActivityType("VISIT"));
        SyncRun reported = flow.run();
        SyncRun lookedUp = flow.run();
        assertThat(flow.entries(reported)).anySatisfy(e -> assertThat(e.message()).contains("left alone"));
        assertThat(flow.entries(lookedUp)).anySatisfy(e -> assertThat(e.message()).contains("left alone"));
        java.nio.file.Files.write(file, saved);
        SyncRun readable = flow.run();

        assertThat(flow.links(SyncArea.APPOINTMENTS)).isEmpty();
        assertThat(flow.entries(readable)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(e.message()).contains("no longer synchronised", "VISIT", "groupware item is kept");
        });
        assertThat(flow.gwEvents()).singleElement().satisfies(g -> assertThat(g.version()).isEqualTo(event.version()));
        assertThat(flow.crmGet(meeting.id().value()).data().type()).isEqualTo(new ActivityType("VISIT"));
        Convergence.assertConverged(flow);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    /**
     * Changing a meeting's type to one the sync does not cover is leaving the sync, not deleting: on Microsoft 365
     * deleting a meeting from the organizer's calendar sends every attendee a cancellation ("Delete event").
     */
    static void aMeetingWhoseTypeChangesLeavesTheSyncAndKeepsItsGroupwareEvent(ActivityFlow flow) {
        Activity meeting = flow.crmCreate(ActivityType.MEETING, "Kick-off with the customer", at(4, 10));
        Activity other = flow.crmCreate(ActivityType.APPOINTMENT, "Dentist", at(5, 8));
        flow.run();
        assertThat(flow.gwEvents()).hasSize(2);

        GroupwareItem<EventData> keptBefore = flow.gwEvents().stream()
                .filter(g -> g.data().subject().equals("Kick-off with the customer")).findFirst().orElseThrow();
        flow.crmChangeType(meeting.id().value(), new ActivityType("VISIT"));
        SyncRun run = flow.run();

        assertThat(flow.gwEvents()).hasSize(2);
        GroupwareItem<EventData> kept = flow.gwEvents().stream()
                .filter(g -> g.data().subject().equals("Kick-off with the customer")).findFirst().orElseThrow();
        // not written at all: neither a cancellation nor an update reaches the attendees
        assertThat(kept.version()).isEqualTo(keptBefore.version());
        assertThat(flow.crmFind(meeting.id().value())).isPresent();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).extracting(l -> l.crmId()).containsExactly(other.id().value());
        assertThat(flow.entries(run)).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(e.message()).contains("no longer synchronised", "VISIT", "groupware item is kept");
        });
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED);
        // nothing comes back: the kept event names no activity, the activity is no longer in the area
        SyncRun again = flow.run();
        assertThat(flow.entries(again)).noneMatch(e -> e.outcome() != Outcome.UNCHANGED);
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING))).hasSize(1);
        assertThat(flow.gwEvents()).hasSize(2);

        // a meeting again: linked to the event it left behind, not created a second time
        flow.crmChangeType(meeting.id().value(), ActivityType.MEETING);
        SyncRun back = flow.run();
        assertThat(flow.gwEvents()).hasSize(2);
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(2);
        assertThat(flow.entries(back)).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.LINKED))
                .noneMatch(e -> e.outcome() == Outcome.CREATED);
        assertThat(flow.entries(flow.run())).noneMatch(e -> e.outcome() != Outcome.UNCHANGED);
    }

    @Test
    void deletingTheGroupwareEntryOfAnAppointmentKeepsTheActivityAndItStaysOut() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Fair", at(3, 9));
        flow.run();

        flow.activitySync.deleteGroupwareEntry(DEMO, a.id());
        flow.crmEdit(a.id().value(), "Fair, second day");
        flow.run();

        assertThat(flow.gwEvents()).isEmpty();
        assertThat(flow.crmFind(a.id().value())).isPresent();
        flow.activitySync.putIntoGroupware(DEMO, a.id(), GroupwareEntryKind.APPOINTMENT);
        assertThat(flow.gwEvents()).singleElement().satisfies(g -> assertThat(g.data().subject()).isEqualTo("Fair, second day"));
    }

    @Test
    void aMeetingCarriesItsAttendeesAndAGroupwareEventWithAttendeesBecomesAMeeting() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity m = flow.activities().create(DEMO, io.liaison.api.domain.ActivityData.builder(ActivityType.MEETING, DEMO)
                .status(new io.liaison.api.domain.StatusKey("O")).subject("Kick-off").start(at(6, 9)).end(at(6, 10))
                .location("Room 1").reminder(Duration.ofMinutes(15)).importance(io.liaison.api.domain.Importance.HIGH)
                .categories(List.of("Project")).participants(List.of(
                        new Participant("alice@example.com", "Alice", ParticipantRole.REQUIRED, null),
                        new Participant("bob@example.com", "Bob", ParticipantRole.OPTIONAL, null)))
                .build(), Optional.empty());
        flow.run();
        EventData e = flow.gwEvents().get(0).data();
        assertThat(e.attendees()).extracting(Participant::email).containsExactlyInAnyOrder("alice@example.com", "bob@example.com");
        assertThat(e.location()).isEqualTo("Room 1");
        assertThat(e.reminder()).contains(Duration.ofMinutes(15));
        assertThat(e.importance()).isEqualTo(io.liaison.api.domain.Importance.HIGH);
        assertThat(e.categories()).containsExactly("Project");
        assertThat(flow.crmGet(m.id().value()).version()).isEqualTo(m.version());

        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.crm.get() + flow.writes.groupware.get()).isZero();
    }

    @Test
    void thePreviewListsWhatARunWouldDoAndARunAppliesOnlyTheChosenChanges() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Chosen", at(1, 9));
        flow.crmCreate(ActivityType.APPOINTMENT, "Not chosen", at(1, 11));
        flow.gwCreateTask("From the groupware", at(2, 9));

        List<PlannedChange> preview = flow.activitySync.preview(flow.account.id(), Set.of());

        assertThat(preview).hasSize(3);
        assertThat(flow.gwEvents()).isEmpty();
        assertThat(flow.crmActivities(Set.of(ActivityType.TASK))).isEmpty();
        PlannedChange chosen = preview.stream().filter(p -> p.description().contains("Chosen")).findFirst().orElseThrow();
        assertThat(chosen.action()).isEqualTo("CREATE");
        assertThat(chosen.direction()).isEqualTo("TO_GROUPWARE");

        flow.activitySync.run(flow.account.id(), Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS), List.of(chosen.key()));

        assertThat(flow.gwEvents()).singleElement().satisfies(g -> assertThat(g.crmId()).contains(a.id().value()));
        assertThat(flow.crmActivities(Set.of(ActivityType.TASK))).isEmpty();
        flow.run(); // the rest follows with the next full run, nothing twice
        Convergence.assertConverged(flow);
    }
}

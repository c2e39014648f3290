package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.DEMO;
import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.Participation;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.graph.emulator.MeetingMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meetings with attendees on the Graph emulator, which records the meeting messages its organizer sends ("Delete
 * event": deleting a meeting from the organizer's calendar sends its attendees a cancellation; "Update event"):
 * leaving the sync sends nothing, only a real CRM deletion cancels, and a meeting organised by someone else takes no
 * CRM edits while its organizer's changes still reach the CRM.
 */
class MeetingsFlowTest {
    private static final Set<ActivityType> EVENT_TYPES = Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING);

    @TempDir
    Path dir;

    private final ActivityFlows flows = new ActivityFlows(() -> dir);

    @AfterEach
    void close() {
        flows.close();
    }

    private ActivityFlow flow() {
        return flows.open(Groupware.GRAPH, Map.of());
    }

    /** A meeting with two customers, planned in the CRM. */
    private static Activity crmMeeting(ActivityFlow flow, String subject) {
        return flow.activities().create(DEMO, ActivityData.builder(ActivityType.MEETING, DEMO)
                .status(new StatusKey("O")).subject(subject).start(at(6, 9)).end(at(6, 10)).timeZone("Europe/Berlin")
                .participants(List.of(
                        new Participant("max@customer.example", "Max", ParticipantRole.REQUIRED, null),
                        new Participant("eva@customer.example", "Eva", ParticipantRole.OPTIONAL, null)))
                .build(), Optional.empty());
    }

    private static List<MeetingMessage> messages(ActivityFlow flow, MeetingMessage.Kind kind) {
        return flow.mailbox().meetingMessages().stream().filter(m -> m.kind() == kind).toList();
    }

    @Test
    void aMeetingWhoseTypeChangesInTheCrmSendsItsAttendeesNothing() {
        ActivityFlow flow = flow();
        Activity meeting = crmMeeting(flow, "Kick-off with the customer");
        flow.run();
        assertThat(messages(flow, MeetingMessage.Kind.REQUEST)).extracting(MeetingMessage::attendee)
                .containsExactlyInAnyOrder("max@customer.example", "eva@customer.example");
        int before = flow.mailbox().meetingMessages().size();

        flow.crmChangeType(meeting.id().value(), new ActivityType("VISIT"));
        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.mailbox().meetingMessages()).hasSize(before);
        assertThat(flow.gwEvents()).singleElement().satisfies(g ->
                assertThat(g.data().subject()).isEqualTo("Kick-off with the customer"));
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED);
        flow.run();
        assertThat(flow.mailbox().meetingMessages()).hasSize(before);
    }

    @Test
    void aRealCrmDeletionOfAMeetingCancelsItAndTheJournalSaysTheAttendeesWereNotified() {
        ActivityFlow flow = flow();
        Activity meeting = crmMeeting(flow, "Kick-off with the customer");
        Activity alone = flow.crmCreate(ActivityType.APPOINTMENT, "Prepare the offer", at(5, 9));
        flow.crmCreate(ActivityType.APPOINTMENT, "Stays", at(5, 14)); // all linked items gone would trip the guard
        flow.run();

        flow.crmDelete(meeting.id().value());
        flow.crmDelete(alone.id().value());
        SyncRun run = flow.run();

        assertThat(flow.gwEvents()).extracting(g -> g.data().subject()).containsExactly("Stays");
        assertThat(messages(flow, MeetingMessage.Kind.CANCELLATION)).extracting(MeetingMessage::attendee)
                .containsExactlyInAnyOrder("max@customer.example", "eva@customer.example");
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.DELETED)
                .extracting(JournalEntry::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("deleted in the groupware",
                        "its 2 attendees were sent a cancellation"))
                .anySatisfy(m -> assertThat(m).contains("deleted in the groupware").doesNotContain("attendee"));
    }

    /** The local folder tree sends no meeting messages: the journal says the attendees were not notified. */
    @Test
    void onTheLocalTreeTheJournalSaysTheAttendeesOfADeletedMeetingWereNotNotified() {
        ActivityFlow flow = flows.open(Groupware.LOCAL, Map.of());
        Activity meeting = crmMeeting(flow, "Kick-off with the customer");
        flow.crmCreate(ActivityType.APPOINTMENT, "Stays", at(5, 14)); // all linked items gone would trip the guard
        flow.run();

        flow.crmDelete(meeting.id().value());
        SyncRun run = flow.run();

        assertThat(flow.gwEvents()).extracting(g -> g.data().subject()).containsExactly("Stays");
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.DELETED).extracting(JournalEntry::message)
                .singleElement().asString().contains("its 2 attendees were not notified");
    }

    /** An invitation from a partner that the employee accepted, in the employee's calendar. */
    private static String invitation(ActivityFlow flow, String subject) {
        Map<String, Object> e = new HashMap<>();
        e.put("subject", subject);
        e.put("start", Map.of("dateTime", "2026-03-08T10:00:00", "timeZone", "Europe/Berlin"));
        e.put("end", Map.of("dateTime", "2026-03-08T11:00:00", "timeZone", "Europe/Berlin"));
        e.put("organizer", Map.of("emailAddress", Map.of("address", "zoe@partner.example", "name", "Zoe")));
        e.put("attendees", List.of(
                Map.of("emailAddress", Map.of("address", flow.where, "name", "Demo"), "type", "required"),
                Map.of("emailAddress", Map.of("address", "max@customer.example", "name", "Max"), "type", "required")));
        e.put("responseStatus", Map.of("response", "accepted", "time", "2026-03-01T08:00:00Z"));
        return flow.mailbox().addEvent(e);
    }

    @Test
    void anAttendeesMeetingEditedInTheCrmIsNotWrittenBackNorAConflictAndItsOrganizersChangesStillCome() {
        ActivityFlow flow = flow();
        String id = invitation(flow, "Partner review");
        flow.run();
        Activity activity = flow.crmActivities(EVENT_TYPES).get(0);
        assertThat(activity.data().subject()).isEqualTo("Partner review");
        GroupwareItem<EventData> before = flow.events().get(id).orElseThrow();
        assertThat(before.data().participation()).isEqualTo(Participation.ACCEPTED);

        flow.crmEdit(activity.id().value(), "Partner review: our notes");
        flow.writes.reset();
        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.writes.groupware.get()).isZero();
        GroupwareItem<EventData> after = flow.events().get(id).orElseThrow();
        assertThat(after.data().subject()).isEqualTo("Partner review");
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.CONFLICT || e.outcome() == Outcome.FAILED)
                .filteredOn(e -> e.outcome() == Outcome.SKIPPED).extracting(JournalEntry::message)
                .containsExactly("organised by zoe@partner.example: CRM changes stay in the CRM");
        assertThat(flow.crmGet(activity.id().value()).data().subject()).isEqualTo("Partner review: our notes");

        // not retried: the next run writes and journals nothing
        flow.writes.reset();
        SyncRun next = flow.run();
        assertThat(flow.writes.written()).isZero();
        assertThat(flow.entries(next)).noneMatch(e -> e.outcome() != Outcome.UNCHANGED);

        // the organizer moves it: that reaches the CRM
        flow.gwEditEvent(id, "Partner review (moved)");
        flow.run();
        assertThat(flow.crmGet(activity.id().value()).data().subject()).isEqualTo("Partner review (moved)");
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        assertThat(flow.mailbox().meetingMessages()).isEmpty();
    }

    @Test
    void editsOnBothSidesOfAnAttendeesMeetingGoTheOrganizersWayWithoutAConflict() {
        ActivityFlow flow = flow();
        String id = invitation(flow, "Partner review");
        flow.run();
        Activity activity = flow.crmActivities(EVENT_TYPES).get(0);

        flow.crmEdit(activity.id().value(), "Partner review: our notes");
        flow.gwEditEvent(id, "Partner review (moved)");
        SyncRun run = flow.run();

        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.CONFLICT);
        assertThat(flow.crmGet(activity.id().value()).data().subject()).isEqualTo("Partner review (moved)");
        assertThat(flow.events().get(id).orElseThrow().data().subject()).isEqualTo("Partner review (moved)");
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    /**
     * The same on the local folder tree: an invitation saved from a partner (ORGANIZER is the partner, the owner an
     * ATTENDEE with PARTSTAT=ACCEPTED, RFC 5545 3.8.4.1 and 3.2.12), the owner's address given by the account's
     * {@code mailbox} setting. A CRM edit is not written into the file and is no conflict.
     */
    @Test
    void onTheLocalTreeAnAttendeesMeetingEditedInTheCrmIsNotWrittenBack() throws Exception {
        ActivityFlow flow = flows.open(Groupware.LOCAL, Map.of("mailbox", "demo@liaison.example"));
        Path file = Path.of(flow.where).resolve("Calendar").resolve("partner-review.ics");
        java.nio.file.Files.createDirectories(file.getParent());
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partner//Mail//EN",
                "METHOD:REQUEST", "BEGIN:VEVENT", "UID:partner-review-1@partner.example",
                "DTSTAMP:20260301T080000Z", "DTSTART:20260308T090000Z", "DTEND:20260308T100000Z",
                "SUMMARY:Partner review", "ORGANIZER;CN=Zoe:mailto:zoe@partner.example",
                "ATTENDEE;CN=Demo;PARTSTAT=ACCEPTED:mailto:demo@liaison.example",
                "ATTENDEE;CN=Max;PARTSTAT=NEEDS-ACTION:mailto:max@customer.example", "END:VEVENT", "END:VCALENDAR", "");
        java.nio.file.Files.writeString(file, ics);
        flow.run();
        Activity activity = flow.crmActivities(EVENT_TYPES).get(0);
        byte[] before = java.nio.file.Files.readAllBytes(file);

        flow.crmEdit(activity.id().value(), "Partner review: our notes");
        SyncRun run = flow.run();

        assertThat(java.nio.file.Files.readAllBytes(file)).as("the partner's invitation is left as it is")
                .isEqualTo(before);
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.CONFLICT || e.outcome() == Outcome.FAILED)
                .filteredOn(e -> e.outcome() == Outcome.SKIPPED).extracting(JournalEntry::message)
                .containsExactly("organised by zoe@partner.example: CRM changes stay in the CRM");
        assertThat(flow.crmGet(activity.id().value()).data().subject()).isEqualTo("Partner review: our notes");
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }
}

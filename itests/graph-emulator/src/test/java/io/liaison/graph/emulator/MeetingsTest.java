package io.liaison.graph.emulator;

import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.graph.emulator.MeetingMessage.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meetings as their organizer and their attendees see them: the owner's part ("event resource type": isOrganizer,
 * responseStatus; "responseStatus resource type"), and the messages attendees get ("Create event", "Update event",
 * "Delete event": deleting a meeting from the organizer's calendar sends a cancellation to its attendees).
 */
class MeetingsTest extends MailboxTestSupport {

    static final String UPN = "erin@contoso.com";

    MeetingsTest() {
        super(UPN);
    }

    private static Map<String, Object> meeting(String subject, String... attendees) {
        Map<String, Object> m = new HashMap<>(EventsTest.event(subject, "2024-05-02T10:00:00", "2024-05-02T11:00:00", "UTC"));
        m.put("attendees", java.util.Arrays.stream(attendees).map(a -> Map.of("emailAddress",
                Map.of("address", a, "name", a), "type", "required")).toList());
        return m;
    }

    private String create(Map<String, Object> body) throws Exception {
        return json(client.send("POST", "/users/" + UPN + "/events", body)).get("id").asText();
    }

    private JsonNode get(String id) throws Exception {
        return json(client.get("/users/" + UPN + "/events/" + id));
    }

    @Test
    void anEventCreatedThroughGraphIsOrganisedByTheOwnerWhateverTheBodySays() throws Exception {
        Map<String, Object> body = meeting("Review", "max@customer.example");
        body.put("isOrganizer", false);
        body.put("isCancelled", true);
        body.put("responseStatus", Map.of("response", "declined"));
        JsonNode e = get(create(body));

        assertThat(e.get("isOrganizer").asBoolean()).isTrue();
        assertThat(e.get("isCancelled").asBoolean()).isFalse();
        assertThat(e.get("responseStatus").get("response").asText()).isEqualTo("organizer");
        assertThat(e.get("showAs").asText()).isEqualTo("busy");
    }

    @Test
    void anInvitationFromSomeoneElseIsNotOrganisedByTheOwner() throws Exception {
        Map<String, Object> invitation = meeting("Their kick-off", UPN, "zoe@partner.example");
        invitation.put("organizer", Map.of("emailAddress", Map.of("address", "zoe@partner.example", "name", "Zoe")));
        JsonNode open = get(mailbox.addEvent(invitation));
        assertThat(open.get("isOrganizer").asBoolean()).isFalse();
        assertThat(open.get("responseStatus").get("response").asText()).isEqualTo("notResponded");

        invitation.put("responseStatus", Map.of("response", "declined", "time", "2024-04-30T08:00:00Z"));
        invitation.put("isCancelled", true);
        invitation.put("showAs", "free");
        JsonNode declined = get(mailbox.addEvent(invitation));
        assertThat(declined.get("isOrganizer").asBoolean()).isFalse();
        assertThat(declined.get("responseStatus").get("response").asText()).isEqualTo("declined");
        assertThat(declined.get("isCancelled").asBoolean()).isTrue();
        assertThat(declined.get("showAs").asText()).isEqualTo("free");

        Map<String, Object> own = meeting("My own", "zoe@partner.example");
        own.put("organizer", Map.of("emailAddress", Map.of("address", UPN.toUpperCase(), "name", "Erin")));
        JsonNode mine = get(mailbox.addEvent(own));
        assertThat(mine.get("isOrganizer").asBoolean()).isTrue();
        assertThat(mine.get("responseStatus").get("response").asText()).isEqualTo("organizer");
    }

    @Test
    void aPatchCannotChangeTheReadOnlyPartOfTheOwner() throws Exception {
        String id = create(meeting("Review", "max@customer.example"));
        client.send("PATCH", "/users/" + UPN + "/events/" + id,
                Map.of("isOrganizer", false, "isCancelled", true, "responseStatus", Map.of("response", "declined"),
                        "showAs", "oof"));

        JsonNode e = get(id);
        assertThat(e.get("isOrganizer").asBoolean()).isTrue();
        assertThat(e.get("isCancelled").asBoolean()).isFalse();
        assertThat(e.get("responseStatus").get("response").asText()).isEqualTo("organizer");
        assertThat(e.get("showAs").asText()).isEqualTo("oof");
    }

    @Test
    void theOrganizerInvitesUpdatesAndCancelsItsAttendees() throws Exception {
        String id = create(meeting("Review", "max@customer.example", "eva@customer.example"));
        assertThat(mailbox.meetingMessages()).extracting(MeetingMessage::attendee, MeetingMessage::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("max@customer.example", Kind.REQUEST),
                        org.assertj.core.groups.Tuple.tuple("eva@customer.example", Kind.REQUEST));

        client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("subject", "Review (moved)"));
        assertThat(mailbox.meetingMessages()).filteredOn(m -> m.kind() == Kind.UPDATE)
                .extracting(MeetingMessage::attendee).containsExactlyInAnyOrder("max@customer.example", "eva@customer.example");

        client.send("DELETE", "/users/" + UPN + "/events/" + id, null);
        assertThat(mailbox.meetingMessages()).filteredOn(m -> m.kind() == Kind.CANCELLATION)
                .extracting(MeetingMessage::attendee, MeetingMessage::eventId, MeetingMessage::subject)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("max@customer.example", id, "Review (moved)"),
                        org.assertj.core.groups.Tuple.tuple("eva@customer.example", id, "Review (moved)"));
    }

    /** "Update event": an update of the attendees alone goes to the attendees that changed. */
    @Test
    void anAttendeesOnlyUpdateGoesToTheAttendeesThatChanged() throws Exception {
        String id = create(meeting("Review", "max@customer.example", "eva@customer.example"));
        client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("attendees", List.of(
                Map.of("emailAddress", Map.of("address", "max@customer.example"), "type", "required"),
                Map.of("emailAddress", Map.of("address", "new@customer.example"), "type", "required"))));

        assertThat(mailbox.meetingMessages()).filteredOn(m -> m.kind() != Kind.REQUEST || m.attendee().startsWith("new"))
                .extracting(MeetingMessage::attendee).containsExactlyInAnyOrder("eva@customer.example", "new@customer.example");
    }

    @Test
    void personalPropertiesAndAttendeesCopiesSendNothing() throws Exception {
        String id = create(meeting("Review", "max@customer.example"));
        client.send("PATCH", "/users/" + UPN + "/events/" + id, Map.of("categories", List.of("CRM"),
                "isReminderOn", false));
        Map<String, Object> invitation = meeting("Their kick-off", UPN, "zoe@partner.example");
        invitation.put("organizer", Map.of("emailAddress", Map.of("address", "zoe@partner.example", "name", "Zoe")));
        String theirs = mailbox.addEvent(invitation);
        client.send("PATCH", "/users/" + UPN + "/events/" + theirs, Map.of("subject", "My note on it"));
        client.send("DELETE", "/users/" + UPN + "/events/" + theirs, null);

        assertThat(mailbox.meetingMessages()).extracting(MeetingMessage::kind).containsExactly(Kind.REQUEST);
    }

    @Test
    void removingOnTheSideAndSeedingSendNothing() throws Exception {
        String id = mailbox.addEvent(meeting("Seeded", "max@customer.example"));
        mailbox.remove(id);

        assertThat(mailbox.meetingMessages()).isEmpty();
    }
}

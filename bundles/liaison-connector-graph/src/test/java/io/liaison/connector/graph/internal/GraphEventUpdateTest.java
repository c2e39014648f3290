package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.VersionConflictException;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CRM update PATCHes only what changed ("Update event", https://learn.microsoft.com/en-us/graph/api/event-update:
 * a PATCH of a meeting can notify its attendees, and a body without the meeting blob disables an online meeting).
 * Before the fix, every update sent the body as text and the attendees: the first test saw
 * {@code [subject, body, attendees, ...]}, the second an online meeting turned off.
 */
class GraphEventUpdateTest {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aSubjectEditSendsOnlyTheSubject() {
        ItemStore<EventData> store = STORES.openEmpty(ConnectorSession::events);
        GroupwareItem<EventData> created = store.create(meeting("Offer call", "Agenda:\n1. Offer"), Optional.of("crm-1"),
                new IdempotencyKey("update-1"));

        GroupwareItem<EventData> updated = store.update(created.id(), created.version(),
                withSubject(created.data(), "Offer call (final)"), Optional.of("crm-1"));

        assertThat(STORES.mailbox().patches(created.id())).containsExactly(Set.of("subject"));
        assertThat(updated.data().subject()).isEqualTo("Offer call (final)");
        assertThat(updated.data().attendees()).extracting(Participant::email)
                .containsExactly("max@customer.example");
    }

    @Test
    void anUnchangedEventIsNotWritten() {
        ItemStore<EventData> store = STORES.openEmpty(ConnectorSession::events);
        GroupwareItem<EventData> created = store.create(meeting("Offer call", "Agenda"), Optional.of("crm-2"),
                new IdempotencyKey("update-2"));

        GroupwareItem<EventData> same = store.update(created.id(), created.version(), created.data(), Optional.of("crm-2"));

        assertThat(STORES.mailbox().patches(created.id())).isEmpty();
        assertThat(same.version()).isEqualTo(created.version());
    }

    @Test
    void anOnlineMeetingKeepsItsJoinInformationAfterACrmTextEdit() {
        ItemStore<EventData> store = STORES.openEmpty(ConnectorSession::events);
        Map<String, Object> teams = new HashMap<>();
        teams.put("subject", "Teams call");
        teams.put("start", Map.of("dateTime", "2026-03-02T09:00:00", "timeZone", "UTC"));
        teams.put("end", Map.of("dateTime", "2026-03-02T10:00:00", "timeZone", "UTC"));
        teams.put("body", Map.of("contentType", "html", "content", "<html><body><p>Agenda</p>"));
        teams.put("attendees", List.of(Map.of("emailAddress", Map.of("address", "max@customer.example", "name", "Max"),
                "type", "required")));
        teams.put("isOnlineMeeting", true);
        String id = STORES.mailbox().addEvent(teams);
        String joinUrl = joinUrl(id);
        GroupwareItem<EventData> read = store.get(id).orElseThrow();
        assertThat(read.data().bodyText()).isEqualTo("Agenda");

        GroupwareItem<EventData> updated = store.update(id, read.version(),
                withBody(withSubject(read.data(), "Teams call (moved)"), "New agenda & <dates>\nsecond line"),
                Optional.empty());

        Map<String, Object> stored = STORES.mailbox().item(id);
        assertThat(stored.get("isOnlineMeeting")).isEqualTo(true);
        assertThat(joinUrl(id)).isEqualTo(joinUrl);
        @SuppressWarnings("unchecked")
        String html = (String) ((Map<String, Object>) stored.get("body")).get("content");
        assertThat(html).startsWith("<html><body>New agenda &amp; &lt;dates&gt;<br>second line")
                .contains(joinUrl.replace("&", "&amp;"), "Join the meeting now").doesNotContain("Agenda</p>");
        assertThat(STORES.mailbox().patches(id)).containsExactly(Set.of("subject", "body"));
        assertThat(updated.data().bodyText()).isEqualTo("New agenda & <dates>\nsecond line");
    }

    @Test
    void anOnlineMeetingsBodyIsNotWrittenWhenOnlyTheSubjectChanged() {
        ItemStore<EventData> store = STORES.openEmpty(ConnectorSession::events);
        Map<String, Object> teams = new HashMap<>();
        teams.put("subject", "Teams call");
        teams.put("start", Map.of("dateTime", "2026-03-02T09:00:00", "timeZone", "UTC"));
        teams.put("end", Map.of("dateTime", "2026-03-02T10:00:00", "timeZone", "UTC"));
        teams.put("body", Map.of("contentType", "html", "content", "Agenda"));
        teams.put("isOnlineMeeting", true);
        String id = STORES.mailbox().addEvent(teams);
        GroupwareItem<EventData> read = store.get(id).orElseThrow();

        store.update(id, read.version(), withSubject(read.data(), "Renamed"), Optional.empty());

        assertThat(STORES.mailbox().patches(id)).containsExactly(Set.of("subject"));
        assertThat(STORES.mailbox().item(id).get("isOnlineMeeting")).isEqualTo(true);
    }

    /**
     * Graph documents no If-Match on events (the emulator ignores it): an edit between the read and the write is
     * still a conflict, found by the change key read just before the PATCH (issue 18, point 4).
     */
    @Test
    void anEditBetweenReadAndWriteIsAConflictWithoutIfMatch() {
        ItemStore<EventData> store = STORES.openEmpty(ConnectorSession::events);
        GroupwareItem<EventData> created = store.create(meeting("Offer call", "Agenda"), Optional.of("crm-3"),
                new IdempotencyKey("update-3"));
        STORES.editInOutlook("/events/" + created.id(), "{\"subject\":\"Changed in Outlook\"}");

        assertThatThrownBy(() -> store.update(created.id(), created.version(), withSubject(created.data(), "CRM edit"),
                Optional.of("crm-3"))).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.delete(created.id(), created.version())).isInstanceOf(VersionConflictException.class);

        assertThat(store.get(created.id()).orElseThrow().data().subject()).isEqualTo("Changed in Outlook");
        assertThat(STORES.mailbox().patches(created.id())).containsExactly(Set.of("subject"));
    }

    @SuppressWarnings("unchecked")
    private static String joinUrl(String id) {
        return (String) ((Map<String, Object>) STORES.mailbox().item(id).get("onlineMeeting")).get("joinUrl");
    }

    private static EventData meeting(String subject, String text) {
        return new EventData(subject, text, START, START.plus(Duration.ofHours(1)), false, "Europe/Berlin", "Room 1",
                Optional.empty(), List.of(new Participant("max@customer.example", "Max", ParticipantRole.REQUIRED,
                        ParticipantResponse.NONE)), Optional.of(Duration.ofMinutes(15)), Importance.NORMAL,
                List.of("Customer"), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static EventData withSubject(EventData d, String subject) {
        return new EventData(subject, d.bodyText(), d.start(), d.end(), d.allDay(), d.timeZone(), d.location(),
                d.organizer(), d.attendees(), d.reminder(), d.importance(), d.categories(), d.recurrenceRule(),
                d.seriesMasterId(), d.crmLink());
    }

    private static EventData withBody(EventData d, String text) {
        return new EventData(d.subject(), text, d.start(), d.end(), d.allDay(), d.timeZone(), d.location(),
                d.organizer(), d.attendees(), d.reminder(), d.importance(), d.categories(), d.recurrenceRule(),
                d.seriesMasterId(), d.crmLink());
    }
}

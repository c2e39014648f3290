package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The owner's part in the events of one mailbox and the meeting messages it sends. Graph's {@code isOrganizer},
 * {@code isCancelled} and {@code responseStatus} are read-only ("event resource type"): an event created through
 * Graph is organised by the owner, and only a test's seeding can put in an invitation from someone else. Only the
 * organizer's meeting writes through Graph send messages; an attendee changing or deleting its own copy sends none,
 * and neither do a test's seeding and its "changes by a person".
 */
final class MeetingMessages {

    /** Read-only: a POST or PATCH through Graph cannot set them. */
    static final Set<String> OWNERS_PART = Set.of("isOrganizer", "isCancelled", "responseStatus");

    /**
     * Properties of the owner's own copy: changing only these tells the attendees nothing (an assumption of the
     * emulator's; the "Update event" page names only the attendees-only update).
     */
    private static final Set<String> PERSONAL = Set.of("categories", "isReminderOn", "reminderMinutesBeforeStart",
            "singleValueExtendedProperties", "multiValueExtendedProperties");

    private final String owner;
    private final List<MeetingMessage> sent = new ArrayList<>();

    MeetingMessages(String owner) {
        this.owner = owner;
    }

    /** A new event through Graph: organised by the owner, whatever the body said about that. */
    void organisedByOwner(ObjectNode event) {
        event.put("isOrganizer", true).put("isCancelled", false);
        event.putObject("responseStatus").put("response", "organizer").put("time", "0001-01-01T00:00:00Z");
    }

    /**
     * A seeded event: an organizer other than the owner makes it an invitation (not organised by the owner, not
     * answered unless the seed says how); else it is the owner's own.
     */
    void seeded(ObjectNode event, JsonNode body) {
        String organizer = event.path("organizer").path("emailAddress").path("address").asText("");
        boolean own = organizer.isEmpty() || organizer.equalsIgnoreCase(owner);
        event.put("isOrganizer", own);
        if (own) {
            event.putObject("responseStatus").put("response", "organizer").put("time", "0001-01-01T00:00:00Z");
        } else if (!body.has("responseStatus")) {
            event.putObject("responseStatus").put("response", "notResponded").put("time", "0001-01-01T00:00:00Z");
        }
    }

    /** The body of a write through Graph without the read-only owner's part. */
    static JsonNode writable(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(OWNERS_PART);
        return copy;
    }

    void created(String id, JsonNode event) {
        send(event, id, MeetingMessage.Kind.REQUEST, addresses(event));
    }

    /** An organizer's PATCH: the attendees alone go to those that changed, anything but personal properties to all. */
    void updated(String id, JsonNode before, JsonNode after, JsonNode patch) {
        Set<String> names = new LinkedHashSet<>();
        patch.fieldNames().forEachRemaining(n -> {
            if (!n.startsWith("@")) {
                names.add(n);
            }
        });
        if (names.equals(Set.of("attendees"))) {
            Set<String> was = addresses(before);
            Set<String> now = addresses(after);
            Set<String> changed = new LinkedHashSet<>(was);
            changed.removeAll(now);
            Set<String> added = new LinkedHashSet<>(now);
            added.removeAll(was);
            changed.addAll(added);
            send(after, id, MeetingMessage.Kind.UPDATE, changed);
        } else if (!PERSONAL.containsAll(names)) {
            send(after, id, MeetingMessage.Kind.UPDATE, addresses(after));
        }
    }

    void deleted(String id, JsonNode event) {
        send(event, id, MeetingMessage.Kind.CANCELLATION, addresses(event));
    }

    List<MeetingMessage> sent() {
        return List.copyOf(sent);
    }

    private void send(JsonNode event, String id, MeetingMessage.Kind kind, Set<String> to) {
        if (!event.path("isOrganizer").asBoolean(true)) {
            return; // an attendee's own copy
        }
        for (String attendee : to) {
            if (!attendee.equalsIgnoreCase(owner)) {
                sent.add(new MeetingMessage(attendee, kind, id, event.path("subject").asText("")));
            }
        }
    }

    private static Set<String> addresses(JsonNode event) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode a : event.path("attendees")) {
            String address = a.path("emailAddress").path("address").asText("");
            if (!address.isEmpty()) {
                out.add(address.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}

package io.liaison.activitysync.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * What deleting an organizer's meeting tells its attendees, by connector, for the journal: Microsoft 365 sends each
 * attendee a cancellation ("Delete event", https://learn.microsoft.com/en-us/graph/api/event-delete: "deleting the
 * event on the organizer's calendar sends a cancellation message to the meeting attendees"; Graph offers no delete
 * that does not), the local folder tree sends no mail at all. The sync deletes a meeting only for a real deletion in
 * the CRM; leaving the sync never deletes.
 */
final class MeetingNotices {

    private final String connectorType;

    MeetingNotices(String connectorType) {
        this.connectorType = connectorType.toLowerCase(Locale.ROOT);
    }

    /** What the deletion of a meeting with this many attendees (other than the owner) told them; empty for none. */
    Optional<String> onDelete(int attendees) {
        if (attendees == 0) {
            return Optional.empty();
        }
        String who = attendees == 1 ? "its attendee was" : "its " + attendees + " attendees were";
        return Optional.of(switch (connectorType) {
            case "graph" -> who + " sent a cancellation (Microsoft 365 does so when an organizer's meeting is deleted)";
            case "local" -> who + " not notified (the local folder tree sends no meeting messages)";
            default -> who + " notified as the groupware of connector " + connectorType + " does on a deletion";
        });
    }
}

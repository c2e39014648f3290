package io.liaison.graph.emulator;

/**
 * A meeting message the mailbox's owner sent to one attendee as an organizer: the invitation of "Create event", the
 * update of "Update event" (https://learn.microsoft.com/en-us/graph/api/event-update), the cancellation of "Delete
 * event" (https://learn.microsoft.com/en-us/graph/api/event-delete: "deleting the event on the organizer's calendar
 * sends a cancellation message to the meeting attendees"). The emulator sends nothing anywhere; it only records them.
 *
 * @param attendee the attendee's address
 * @param kind     invitation, update or cancellation
 * @param eventId  the event's id in the organizer's mailbox (an occurrence's own id for one occurrence)
 * @param subject  the meeting's subject as it was sent
 */
public record MeetingMessage(String attendee, Kind kind, String eventId, String subject) {

    /** What an attendee is told. */
    public enum Kind {
        REQUEST,
        UPDATE,
        CANCELLATION
    }
}

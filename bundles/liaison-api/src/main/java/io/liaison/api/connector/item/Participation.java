package io.liaison.api.connector.item;

/**
 * The mailbox owner's part in an event: organising it (a plain appointment without attendees counts as organised by
 * its owner) or attending it with an answer. Graph gives it as {@code isOrganizer} and {@code responseStatus}; in
 * iCalendar it is the owner's own {@code ORGANIZER} or the {@code PARTSTAT} of the {@code ATTENDEE} who is the
 * owner (RFC 5545 3.2.12). An attendee cannot change a meeting for the others: Graph refuses or keeps the change in
 * the attendee's copy only, which is why a sync must not write CRM edits back to it.
 */
public enum Participation {
    ORGANIZER,
    ACCEPTED,
    TENTATIVE,
    DECLINED,
    NOT_RESPONDED;

    /** Whether the owner organises the event and so may change it for everyone. */
    public boolean organisedByOwner() {
        return this == ORGANIZER;
    }
}

package io.liaison.api.connector.item;

import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar event as every connector can express it (Graph event, iCalendar VEVENT).
 *
 * @param subject        the subject
 * @param bodyText       the description as plain text
 * @param start          the start
 * @param end            the end
 * @param allDay         whether it covers whole days (start and end at midnight in {@code timeZone})
 * @param timeZone       the IANA time zone it was planned in
 * @param location       where, or empty
 * @param organizer      the organizer of a meeting
 * @param attendees      the attendees of a meeting; empty for a plain appointment
 * @param reminder       how long before the start the reminder fires; empty for none
 * @param importance     low, normal or high
 * @param categories     categories
 * @param recurrenceRule an RFC 5545 RRULE for a series master, e.g. {@code FREQ=WEEKLY;BYDAY=MO}
 * @param seriesMasterId for an occurrence or exception of a series: the id of its master
 * @param crmLink        the link to the CRM activity; the connector writes it the groupware's way
 *                       (an HTML link in the body, a URL property)
 * @param sensitivity    how private its owner marked it
 * @param status         whether it takes place or was cancelled
 * @param showAs         how it shows in its owner's free/busy time
 * @param participation  the mailbox owner's part: organiser, or an attendee with an answer
 * @param iCalUid        the iCalendar UID of the event (RFC 5545 3.8.4.7) as the groupware gives it when it reads the
 *                       event (Graph: the event's read-only {@code iCalUId}, shared by every calendar that holds the
 *                       meeting; a local tree: the VEVENT's {@code UID}); invitation mails name the meeting by it.
 *                       Read only: a connector ignores it on write. Since 1.5
 */
public record EventData(
        String subject,
        String bodyText,
        Instant start,
        Instant end,
        boolean allDay,
        String timeZone,
        String location,
        Optional<Participant> organizer,
        List<Participant> attendees,
        Optional<Duration> reminder,
        Importance importance,
        List<String> categories,
        Optional<String> recurrenceRule,
        Optional<String> seriesMasterId,
        Optional<URI> crmLink,
        Sensitivity sensitivity,
        EventStatus status,
        FreeBusy showAs,
        Participation participation,
        Optional<String> iCalUid) {

    public EventData {
        subject = subject == null ? "" : subject;
        bodyText = bodyText == null ? "" : bodyText;
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("event ends (" + end + ") before it starts (" + start + ")");
        }
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        location = location == null ? "" : location;
        Objects.requireNonNull(organizer, "organizer");
        attendees = List.copyOf(attendees);
        Objects.requireNonNull(reminder, "reminder");
        importance = importance == null ? Importance.NORMAL : importance;
        categories = List.copyOf(categories);
        Objects.requireNonNull(recurrenceRule, "recurrenceRule");
        Objects.requireNonNull(seriesMasterId, "seriesMasterId");
        Objects.requireNonNull(crmLink, "crmLink");
        sensitivity = sensitivity == null ? Sensitivity.NORMAL : sensitivity;
        status = status == null ? EventStatus.CONFIRMED : status;
        showAs = showAs == null ? FreeBusy.BUSY : showAs;
        participation = participation == null ? Participation.ORGANIZER : participation;
        Objects.requireNonNull(iCalUid, "iCalUid");
    }

    /** An event whose groupware gave no iCalendar UID (the form before {@code iCalUid} was carried). */
    public EventData(String subject, String bodyText, Instant start, Instant end, boolean allDay, String timeZone,
                     String location, Optional<Participant> organizer, List<Participant> attendees,
                     Optional<Duration> reminder, Importance importance, List<String> categories,
                     Optional<String> recurrenceRule, Optional<String> seriesMasterId, Optional<URI> crmLink,
                     Sensitivity sensitivity, EventStatus status, FreeBusy showAs, Participation participation) {
        this(subject, bodyText, start, end, allDay, timeZone, location, organizer, attendees, reminder, importance,
                categories, recurrenceRule, seriesMasterId, crmLink, sensitivity, status, showAs, participation,
                Optional.empty());
    }

    /** A confirmed, busy event that its owner organises (the form before status, free/busy and role were carried). */
    public EventData(String subject, String bodyText, Instant start, Instant end, boolean allDay, String timeZone,
                     String location, Optional<Participant> organizer, List<Participant> attendees,
                     Optional<Duration> reminder, Importance importance, List<String> categories,
                     Optional<String> recurrenceRule, Optional<String> seriesMasterId, Optional<URI> crmLink,
                     Sensitivity sensitivity) {
        this(subject, bodyText, start, end, allDay, timeZone, location, organizer, attendees, reminder, importance,
                categories, recurrenceRule, seriesMasterId, crmLink, sensitivity, EventStatus.CONFIRMED, FreeBusy.BUSY,
                Participation.ORGANIZER);
    }

    /** An event of normal sensitivity (the form before sensitivity was carried). */
    public EventData(String subject, String bodyText, Instant start, Instant end, boolean allDay, String timeZone,
                     String location, Optional<Participant> organizer, List<Participant> attendees,
                     Optional<Duration> reminder, Importance importance, List<String> categories,
                     Optional<String> recurrenceRule, Optional<String> seriesMasterId, Optional<URI> crmLink) {
        this(subject, bodyText, start, end, allDay, timeZone, location, organizer, attendees, reminder, importance,
                categories, recurrenceRule, seriesMasterId, crmLink, Sensitivity.NORMAL);
    }

    /** This event with another sensitivity. */
    public EventData withSensitivity(Sensitivity sensitivity) {
        return new EventData(subject, bodyText, start, end, allDay, timeZone, location, organizer, attendees, reminder,
                importance, categories, recurrenceRule, seriesMasterId, crmLink, sensitivity, status, showAs,
                participation, iCalUid);
    }

    /** This event with another status, free/busy state and owner's part. */
    public EventData withStatus(EventStatus status, FreeBusy showAs, Participation participation) {
        return new EventData(subject, bodyText, start, end, allDay, timeZone, location, organizer, attendees, reminder,
                importance, categories, recurrenceRule, seriesMasterId, crmLink, sensitivity, status, showAs,
                participation, iCalUid);
    }

    /** This event with the iCalendar UID its groupware gives it. */
    public EventData withICalUid(Optional<String> iCalUid) {
        return new EventData(subject, bodyText, start, end, allDay, timeZone, location, organizer, attendees, reminder,
                importance, categories, recurrenceRule, seriesMasterId, crmLink, sensitivity, status, showAs,
                participation, iCalUid);
    }

    /** A plain appointment with nothing but a subject and a time. */
    public static EventData simple(String subject, Instant start, Instant end, String timeZone) {
        return new EventData(subject, "", start, end, false, timeZone, "", Optional.empty(), List.of(),
                Optional.empty(), Importance.NORMAL, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

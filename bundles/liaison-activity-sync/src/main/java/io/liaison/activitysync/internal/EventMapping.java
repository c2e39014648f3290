package io.liaison.activitysync.internal;

import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.EventStatus;
import io.liaison.api.connector.item.FreeBusy;
import io.liaison.api.connector.item.Participation;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.domain.StatusKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Appointments and meetings ↔ groupware events. A meeting is an appointment with attendees: an event from the
 * groupware becomes a MEETING when it has attendees and an APPOINTMENT otherwise, and a linked one switches between
 * the two as attendees come and go; other types (put into the groupware on request) keep their type.
 */
final class EventMapping implements ItemMapping<EventData> {

    private final Optional<StatusKey> cancelled;

    /**
     * @param cancelled the CRM's status key of a cancelled appointment; empty when the CRM has none: then the
     *                  groupware's cancellation stays in the groupware (a CRM edit does not confirm the event again)
     *                  and the activity stays open
     */
    EventMapping(Optional<StatusKey> cancelled) {
        this.cancelled = cancelled;
    }

    @Override
    public EventData toGroupware(Activity activity, Optional<EventData> current, Optional<URI> link) {
        ActivityData a = activity.data();
        Instant start = a.start().or(a::due).orElse(activity.createdAt());
        Instant end = a.end().filter(e -> !e.isBefore(start))
                .orElse(start.plus(a.allDay() ? Duration.ofDays(1) : Duration.ofMinutes(30)));
        String zone = a.timeZone().orElse(current.map(EventData::timeZone).orElse("UTC"));
        Optional<Participant> organizer = a.participants().stream()
                .filter(p -> p.role() == ParticipantRole.ORGANIZER).findFirst();
        List<Participant> attendees = a.participants().stream()
                .filter(p -> p.role() != ParticipantRole.ORGANIZER).toList();
        EventStatus status = status(a, current);
        // how the event shows in free/busy time and the owner's part are the groupware's own: the CRM has neither
        FreeBusy showAs = current.map(EventData::showAs).orElse(FreeBusy.BUSY);
        Participation participation = current.map(EventData::participation).orElse(Participation.ORGANIZER);
        // an item private because the CRM marked its activity so takes the CRM's details, which the CRM holds itself
        Optional<EventData> privateOne = current.filter(c -> c.sensitivity().isPrivate())
                .filter(c -> !crmsOwnPrivate(a));
        if (privateOne.isPresent()) {
            // the CRM holds this item's busy form only: its private details stay as the groupware has them
            EventData c = privateOne.get();
            return new EventData(c.subject(), c.bodyText(), start, end, a.allDay(), zone, c.location(), c.organizer(),
                    c.attendees(), a.reminder(), a.importance(), c.categories(), c.recurrenceRule(), Optional.empty(),
                    link, c.sensitivity(), status, showAs, participation, c.iCalUid());
        }
        return new EventData(a.subject(), a.text(), start, end, a.allDay(), zone, a.location(), organizer, attendees,
                a.reminder(), a.importance(), a.categories(), current.flatMap(EventData::recurrenceRule),
                Optional.empty(), link, ItemMapping.sensitivity(a, current.map(EventData::sensitivity)), status,
                showAs, participation, current.flatMap(EventData::iCalUid));
    }

    /**
     * Cancelled when the activity has the cancelled key; otherwise the groupware's status, but a cancellation only
     * while the CRM cannot say it (an activity reopened in the CRM confirms the event again).
     */
    private EventStatus status(ActivityData a, Optional<EventData> current) {
        if (cancelled.isPresent() && a.status().equals(cancelled.get())) {
            return EventStatus.CANCELLED;
        }
        return current.map(EventData::status).filter(s -> s != EventStatus.CANCELLED || cancelled.isEmpty())
                .orElse(EventStatus.CONFIRMED);
    }

    @Override
    public SyncFilters.Facts facts(EventData e) {
        return new SyncFilters.Facts(e.categories(), Optional.of(e.start()), Optional.of(e.end()),
                e.status() == EventStatus.CANCELLED, e.showAs().isFree(), Optional.of(e.participation()),
                e.recurrenceRule().isPresent());
    }

    @Override
    public EventData withCategories(EventData e, List<String> categories) {
        return new EventData(e.subject(), e.bodyText(), e.start(), e.end(), e.allDay(), e.timeZone(), e.location(),
                e.organizer(), e.attendees(), e.reminder(), e.importance(), categories, e.recurrenceRule(),
                e.seriesMasterId(), e.crmLink(), e.sensitivity(), e.status(), e.showAs(), e.participation(),
                e.iCalUid());
    }

    @Override
    public int invitees(EventData e) {
        return e.participation().organisedByOwner() ? e.attendees().size() : 0;
    }

    /**
     * A meeting that its owner attends but someone else organises: only its organizer may change it for everyone, so
     * the CRM's edits stay in the CRM.
     */
    @Override
    public Optional<String> organisedElsewhere(EventData e) {
        if (e.participation().organisedByOwner()) {
            return Optional.empty();
        }
        return Optional.of("organised by " + e.organizer().map(Participant::email).orElse("someone else")
                + ": CRM changes stay in the CRM");
    }

    @Override
    public ActivityData toCrm(EventData e, Optional<ActivityData> current, EmployeeId owner, StatusKeys status) {
        List<Participant> participants = new ArrayList<>();
        e.organizer().ifPresent(o -> participants.add(new Participant(o.email(), o.name(), ParticipantRole.ORGANIZER,
                o.response())));
        participants.addAll(e.attendees());
        ActivityType meetingOrNot = e.attendees().isEmpty() ? ActivityType.APPOINTMENT : ActivityType.MEETING;
        ActivityData.Builder b = current.map(ActivityData::toBuilder)
                .orElseGet(() -> ActivityData.builder(meetingOrNot, owner).status(status.open()));
        current.ifPresent(c -> {
            if (c.type().equals(ActivityType.APPOINTMENT) || c.type().equals(ActivityType.MEETING)) {
                b.type(meetingOrNot);
            }
            if (!Texts.same(c.text(), e.bodyText())) {
                b.html(""); // the HTML no longer says what the text says
            }
        });
        // the same text with other line breaks keeps the CRM's own, and with it the HTML
        String text = current.map(ActivityData::text).filter(t -> Texts.same(t, e.bodyText())).orElse(e.bodyText());
        status.cancelled().ifPresent(key -> {
            if (e.status() == EventStatus.CANCELLED) {
                b.status(key);
            } else if (current.map(c -> c.status().equals(key)).orElse(false)) {
                b.status(status.open()); // the cancellation was taken back in the groupware
            }
        });
        // the meeting's UID, by which an imported invitation finds this appointment; not content (no hash, no write
        // back): a groupware that gives none leaves the one the activity has
        e.iCalUid().ifPresent(b::calendarUid);
        return b.subject(e.subject()).text(text).start(e.start()).end(e.end()).allDay(e.allDay())
                .timeZone(e.timeZone()).location(e.location()).participants(participants)
                .reminder(e.reminder().orElse(null)).importance(e.importance()).categories(e.categories())
                .build();
    }

    @Override
    public String hash(EventData e) {
        List<String> people = new ArrayList<>();
        e.organizer().ifPresent(o -> people.add("O:" + o.email().toLowerCase(Locale.ROOT)));
        // an attendee's answer (PARTSTAT) is content: an answer given in the groupware must reach the CRM
        e.attendees().stream().map(p -> p.email().toLowerCase(Locale.ROOT) + ":" + p.response())
                .sorted(Comparator.naturalOrder()).forEach(people::add);
        List<Object> fields = new ArrayList<>(List.of("event", e.subject(), Texts.normalised(e.bodyText()).strip(),
                e.start(), e.end(), e.allDay(), e.timeZone(), e.location(), people,
                e.reminder().map(Duration::toString).orElse("-"), e.importance(), e.categories()));
        // a cancellation is content while the CRM can take it; nothing is added for an event that takes place,
        // so that the hashes links stored before the status was synchronised stay valid
        if (cancelled.isPresent() && e.status() == EventStatus.CANCELLED) {
            fields.add("cancelled");
        }
        return Hashes.of(fields.toArray());
    }

    @Override
    public String label(EventData e) {
        return "'" + e.subject() + "' at " + e.start();
    }

    @Override
    public Optional<URI> crmLink(EventData e) {
        return e.crmLink();
    }

    @Override
    public EventData withLink(EventData e, URI link) {
        return new EventData(e.subject(), e.bodyText(), e.start(), e.end(), e.allDay(), e.timeZone(), e.location(),
                e.organizer(), e.attendees(), e.reminder(), e.importance(), e.categories(), e.recurrenceRule(),
                e.seriesMasterId(), Optional.of(link), e.sensitivity(), e.status(), e.showAs(), e.participation(),
                e.iCalUid());
    }

    @Override
    public Sensitivity sensitivity(EventData e) {
        return e.sensitivity();
    }

    @Override
    public EventData reduced(EventData e) {
        return new EventData(privateSubject(), "", e.start(), e.end(), e.allDay(), e.timeZone(), "", Optional.empty(),
                List.of(), e.reminder(), e.importance(), List.of(), e.recurrenceRule(), e.seriesMasterId(), e.crmLink(),
                e.sensitivity(), e.status(), e.showAs(), e.participation(), e.iCalUid());
    }

    @Override
    public EventData withSensitivity(EventData item, Sensitivity sensitivity) {
        return item.withSensitivity(sensitivity);
    }

    @Override
    public String privateSubject() {
        return "Private appointment";
    }

    @Override
    public boolean skipped(EventData e) {
        return e.seriesMasterId().isPresent();
    }

    @Override
    public List<String> addresses(EventData e) {
        List<String> addresses = new ArrayList<>();
        e.organizer().ifPresent(o -> addresses.add(o.email()));
        e.attendees().forEach(p -> addresses.add(p.email()));
        return addresses;
    }
}

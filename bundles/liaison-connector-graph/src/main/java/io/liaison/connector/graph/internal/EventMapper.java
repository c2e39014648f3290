package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Location;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.ResponseStatus;
import com.microsoft.graph.models.ResponseType;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.EventStatus;
import io.liaison.api.connector.item.FreeBusy;
import io.liaison.api.connector.item.Participation;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps {@link EventData} to Graph events and back. Times are written in the event's own IANA zone (so Outlook
 * shows them as planned) and read in UTC; an all-day event is written as midnight to midnight in its zone and read
 * back as the days Graph names. The CRM link travels in an extended property, so it round-trips exactly and stays
 * out of the body people edit.
 */
final class EventMapper {

    private final ZoneId accountZone;

    EventMapper(ZoneId accountZone) {
        this.accountZone = accountZone;
    }

    Event toGraph(EventData d, Optional<String> crmId, Optional<String> key) {
        ZoneId zone = GraphTimes.zone(d.timeZone()).orElse(accountZone);
        Event e = new Event();
        e.setSubject(d.subject());
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent(d.bodyText());
        e.setBody(body);
        e.setIsAllDay(d.allDay());
        if (d.allDay()) {
            LocalDate first = LocalDate.ofInstant(d.start(), zone);
            LocalDate end = LocalDate.ofInstant(d.end(), zone);
            e.setStart(GraphTimes.of(first.atStartOfDay(), d.timeZone()));
            e.setEnd(GraphTimes.of((end.isAfter(first) ? end : first.plusDays(1)).atStartOfDay(), d.timeZone()));
        } else {
            e.setStart(GraphTimes.of(LocalDateTime.ofInstant(d.start(), zone), d.timeZone()));
            e.setEnd(GraphTimes.of(LocalDateTime.ofInstant(d.end(), zone), d.timeZone()));
        }
        Location location = new Location();
        location.setDisplayName(d.location());
        e.setLocation(location);
        d.organizer().ifPresent(o -> e.setOrganizer(recipient(o)));
        List<Attendee> attendees = new ArrayList<>();
        for (Participant p : d.attendees()) {
            Attendee a = new Attendee();
            a.setEmailAddress(address(p));
            a.setType(switch (p.role()) {
                case OPTIONAL -> AttendeeType.Optional;
                case RESOURCE -> AttendeeType.Resource;
                default -> AttendeeType.Required;
            });
            ResponseStatus status = new ResponseStatus();
            status.setResponse(switch (p.response()) {
                case ACCEPTED -> ResponseType.Accepted;
                case TENTATIVE -> ResponseType.TentativelyAccepted;
                case DECLINED -> ResponseType.Declined;
                case NONE -> ResponseType.None;
            });
            a.setStatus(status);
            attendees.add(a);
        }
        e.setAttendees(attendees);
        e.setIsReminderOn(d.reminder().isPresent());
        d.reminder().ifPresent(r -> e.setReminderMinutesBeforeStart((int) r.toMinutes()));
        e.setImportance(switch (d.importance()) {
            case LOW -> com.microsoft.graph.models.Importance.Low;
            case HIGH -> com.microsoft.graph.models.Importance.High;
            case NORMAL -> com.microsoft.graph.models.Importance.Normal;
        });
        e.setSensitivity(switch (d.sensitivity()) {
            case NORMAL -> com.microsoft.graph.models.Sensitivity.Normal;
            case PERSONAL -> com.microsoft.graph.models.Sensitivity.Personal;
            case PRIVATE -> com.microsoft.graph.models.Sensitivity.Private;
            case CONFIDENTIAL -> com.microsoft.graph.models.Sensitivity.Confidential;
        });
        e.setShowAs(showAs(d.showAs()));
        // isCancelled, isOrganizer and responseStatus are read-only on Graph: they are never written
        e.setCategories(new ArrayList<>(d.categories()));
        d.recurrenceRule().ifPresent(rule -> e.setRecurrence(
                Recurrences.toGraph(rule, LocalDate.ofInstant(d.start(), zone), d.timeZone())));
        e.setSingleValueExtendedProperties(ExtendedProperties.of(crmId, d.crmLink().map(URI::toString), key));
        return e;
    }

    /** A series master's own content; occurrences are folded into their master by the store. */
    GroupwareItem<EventData> fromGraph(Event e) {
        ZoneId zone = GraphTimes.zone(e.getOriginalStartTimeZone())
                .or(() -> e.getStart() == null ? Optional.empty() : GraphTimes.zone(e.getStart().getTimeZone()))
                .orElse(accountZone);
        boolean allDay = Boolean.TRUE.equals(e.getIsAllDay());
        Instant start;
        Instant end;
        if (allDay) {
            start = allDayStart(e.getStart(), zone);
            end = allDayStart(e.getEnd(), zone);
        } else {
            start = GraphTimes.instant(e.getStart(), zone);
            end = GraphTimes.instant(e.getEnd(), zone);
        }
        Optional<Participant> organizer = Optional.ofNullable(e.getOrganizer()).map(Recipient::getEmailAddress)
                .filter(a -> a.getAddress() != null)
                .map(a -> new Participant(a.getAddress(), a.getName(), ParticipantRole.ORGANIZER, ParticipantResponse.NONE));
        List<Participant> attendees = new ArrayList<>();
        if (e.getAttendees() != null) {
            for (Attendee a : e.getAttendees()) {
                if (a.getEmailAddress() == null || a.getEmailAddress().getAddress() == null) {
                    continue;
                }
                ParticipantRole role = a.getType() == AttendeeType.Optional ? ParticipantRole.OPTIONAL
                        : a.getType() == AttendeeType.Resource ? ParticipantRole.RESOURCE : ParticipantRole.REQUIRED;
                ResponseType r = a.getStatus() == null ? null : a.getStatus().getResponse();
                ParticipantResponse response = r == null ? ParticipantResponse.NONE : switch (r) {
                    case Accepted -> ParticipantResponse.ACCEPTED;
                    case TentativelyAccepted -> ParticipantResponse.TENTATIVE;
                    case Declined -> ParticipantResponse.DECLINED;
                    default -> ParticipantResponse.NONE;
                };
                attendees.add(new Participant(a.getEmailAddress().getAddress(), a.getEmailAddress().getName(), role, response));
            }
        }
        Optional<Duration> reminder = Boolean.TRUE.equals(e.getIsReminderOn()) && e.getReminderMinutesBeforeStart() != null
                ? Optional.of(Duration.ofMinutes(e.getReminderMinutesBeforeStart())) : Optional.empty();
        Importance importance = e.getImportance() == null ? Importance.NORMAL : switch (e.getImportance()) {
            case Low -> Importance.LOW;
            case High -> Importance.HIGH;
            default -> Importance.NORMAL;
        };
        Sensitivity sensitivity = e.getSensitivity() == null ? Sensitivity.NORMAL : switch (e.getSensitivity()) {
            case Personal -> Sensitivity.PERSONAL;
            case Private -> Sensitivity.PRIVATE;
            case Confidential -> Sensitivity.CONFIDENTIAL;
            default -> Sensitivity.NORMAL;
        };
        Optional<String> rule = e.getType() == EventType.SeriesMaster || e.getRecurrence() != null
                ? Recurrences.toRrule(e.getRecurrence(), LocalDate.ofInstant(start, zone)) : Optional.empty();
        Optional<String> master = e.getType() == EventType.Occurrence || e.getType() == EventType.Exception
                ? Optional.ofNullable(e.getSeriesMasterId()) : Optional.empty();
        Optional<String> stored = ExtendedProperties.stored(e.getSingleValueExtendedProperties(), ExtendedProperties.CRM_REFERENCE);
        Optional<CrmReference> reference = stored.flatMap(CrmReference::decode);
        Optional<URI> link = (reference.isPresent() ? reference.get().link() : stored.flatMap(CrmReference::legacyLink))
                .flatMap(EventMapper::uri);
        Optional<String> crmId = reference.isPresent() ? reference.get().crmId()
                : ExtendedProperties.value(e.getSingleValueExtendedProperties(), ExtendedProperties.CRM_ID);
        EventData data = new EventData(e.getSubject(), crmText(e), start, end, allDay,
                zone.getId(), e.getLocation() == null ? "" : e.getLocation().getDisplayName(), organizer, attendees,
                reminder, importance, e.getCategories() == null ? List.of() : e.getCategories(), rule, master, link,
                sensitivity, Boolean.TRUE.equals(e.getIsCancelled()) ? EventStatus.CANCELLED : EventStatus.CONFIRMED,
                freeBusy(e.getShowAs()), participation(e), iCalUid(e));
        return new GroupwareItem<>(e.getId(), version(e), crmId, data, Graph.modifiedAt(e.getLastModifiedDateTime()));
    }

    /**
     * The event's {@code iCalUId} ("event resource type": a unique identifier for an event across calendars, read-only;
     * since 2020 shared by every calendar that holds the meeting, as RFC 5545's UID): the UID an invitation for it names.
     */
    private static Optional<String> iCalUid(Event e) {
        return Optional.ofNullable(e.getICalUId()).map(String::strip).filter(uid -> !uid.isEmpty());
    }

    /**
     * Whether the event was written before its CRM reference carried the CRM id ({@link CrmReference}): then the id
     * must be read from its own property.
     */
    static boolean holdsLegacyLink(Event e) {
        return ExtendedProperties.stored(e.getSingleValueExtendedProperties(), ExtendedProperties.CRM_REFERENCE)
                .filter(v -> CrmReference.decode(v).isEmpty()).isPresent();
    }

    /** Graph's {@code showAs}; {@code unknown} or none reads as busy, the safe side for a filter of free time. */
    static FreeBusy freeBusy(FreeBusyStatus showAs) {
        return showAs == null ? FreeBusy.BUSY : switch (showAs) {
            case Free -> FreeBusy.FREE;
            case Tentative -> FreeBusy.TENTATIVE;
            case Oof -> FreeBusy.OUT_OF_OFFICE;
            case WorkingElsewhere -> FreeBusy.WORKING_ELSEWHERE;
            default -> FreeBusy.BUSY;
        };
    }

    static FreeBusyStatus showAs(FreeBusy showAs) {
        return switch (showAs) {
            case FREE -> FreeBusyStatus.Free;
            case TENTATIVE -> FreeBusyStatus.Tentative;
            case BUSY -> FreeBusyStatus.Busy;
            case OUT_OF_OFFICE -> FreeBusyStatus.Oof;
            case WORKING_ELSEWHERE -> FreeBusyStatus.WorkingElsewhere;
        };
    }

    /**
     * The owner's part ("event resource type": {@code isOrganizer}, "set to true if the calendar owner is the organizer
     * of the event"; {@code responseStatus}, the owner's own answer). {@code none} and {@code notResponded} both mean
     * no answer ("responseStatus resource type": clients can treat them alike); without {@code isOrganizer} the
     * answer {@code organizer}, or no answer at all, is the owner's own event.
     */
    static Participation participation(Event e) {
        if (Boolean.TRUE.equals(e.getIsOrganizer())) {
            return Participation.ORGANIZER;
        }
        ResponseType answer = e.getResponseStatus() == null ? null : e.getResponseStatus().getResponse();
        if (answer == null || answer == ResponseType.Organizer) {
            return e.getIsOrganizer() == null ? Participation.ORGANIZER : Participation.NOT_RESPONDED;
        }
        return switch (answer) {
            case Accepted -> Participation.ACCEPTED;
            case TentativelyAccepted -> Participation.TENTATIVE;
            case Declined -> Participation.DECLINED;
            default -> Participation.NOT_RESPONDED;
        };
    }

    static String version(Event e) {
        return e.getChangeKey() != null ? e.getChangeKey() : Graph.etag(e.getAdditionalData()).orElse("");
    }

    /** The start of an all-day event's day: Graph names the day; with a UTC preference it may name UTC midnight. */
    private static Instant allDayStart(com.microsoft.graph.models.DateTimeTimeZone t, ZoneId zone) {
        LocalDateTime local = GraphTimes.local(t);
        Optional<ZoneId> sent = GraphTimes.zone(t.getTimeZone());
        if (sent.isPresent() && !sent.get().equals(zone) && !local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            local = local.atZone(sent.get()).withZoneSameInstant(zone).toLocalDateTime();
        }
        return local.toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The body as the CRM sees it: of an online meeting, only the part before the meeting block. */
    private static String crmText(Event e) {
        if (e.getBody() == null) {
            return "";
        }
        String text = text(e.getBody());
        return Boolean.TRUE.equals(e.getIsOnlineMeeting()) ? OnlineMeetingBody.crmText(text) : text;
    }

    private static String text(ItemBody body) {
        String content = body.getContent() == null ? "" : body.getContent();
        return body.getContentType() == BodyType.Html ? Html.toText(content) : content;
    }

    private static Optional<URI> uri(String s) {
        try {
            return Optional.of(URI.create(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Recipient recipient(Participant p) {
        Recipient r = new Recipient();
        r.setEmailAddress(address(p));
        return r;
    }

    private static EmailAddress address(Participant p) {
        EmailAddress a = new EmailAddress();
        a.setAddress(p.email());
        a.setName(p.name());
        return a;
    }
}

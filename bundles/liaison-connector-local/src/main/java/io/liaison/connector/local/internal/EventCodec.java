package io.liaison.connector.local.internal;

import io.liaison.api.connector.item.EventData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;

/**
 * Events as iCalendar VEVENT files. A file holds one event: its master component and, for a series, the
 * exceptions (components with RECURRENCE-ID and the same UID), as vdirsyncer and khal keep them. The store
 * shows the master as the item; exceptions stay in the file untouched when Liaison updates the master, and
 * a file with only exceptions (an invitation to one occurrence) shows its first one. All-day and floating
 * times are taken in the account's zone.
 */
final class EventCodec implements ItemCodec<EventData> {

    private static final String[] MAPPED = {Property.SUMMARY, Property.DESCRIPTION, Property.DTSTART, Property.DTEND,
        Property.DURATION, Property.LOCATION, Property.ORGANIZER, Property.ATTENDEE, Property.PRIORITY,
        Property.CATEGORIES, Property.RRULE, Property.URL, IcalFields.CRM_ID, Property.DTSTAMP,
        Property.CLASS, IcalFields.LIAISON_SENSITIVITY};

    private final ZoneId defaultZone;
    private final EventStanding standing;
    private final String ownerContext;

    EventCodec(ZoneId defaultZone) {
        this(defaultZone, java.util.Set.of());
    }

    /** @param ownerAddresses the mailbox owner's addresses (lower case), for the owner's part in a meeting */
    EventCodec(ZoneId defaultZone, java.util.Set<String> ownerAddresses) {
        this.defaultZone = defaultZone;
        this.standing = new EventStanding(ownerAddresses);
        this.ownerContext = String.join(",", new java.util.TreeSet<>(ownerAddresses));
    }

    @Override
    public String kind() {
        return "event";
    }

    @Override
    public String readingContext() {
        return defaultZone.getId() + "|" + ownerContext;
    }

    @Override
    public String lastLine() {
        return "END:VCALENDAR";
    }

    @Override
    public String extension() {
        return "ics";
    }

    @Override
    public Parsed<EventData> parse(byte[] content) throws BrokenItemException {
        return Ical4j.call(() -> {
            VEvent event = master(Ical4j.parse(content));
            return new Parsed<>(IcalFields.uid(event), IcalFields.crmId(event), data(event));
        });
    }

    private static VEvent master(Calendar calendar) throws BrokenItemException {
        return IcalFields.single(calendar, Component.VEVENT, "events", Component.VTODO, "Tasks");
    }

    private EventData data(VEvent event) throws BrokenItemException {
        Optional<DtStart<Temporal>> dtStart = event.getStartDate();
        if (dtStart.isEmpty()) {
            throw new BrokenItemException("the VEVENT has no DTSTART");
        }
        Temporal startValue = dtStart.get().getDate();
        boolean allDay = startValue instanceof LocalDate;
        String zone = zoneName(dtStart.get(), startValue);
        ZoneId zoneId = ZoneId.of(zone);
        Instant start = IcalFields.instant(dtStart.get(), zoneId);
        Optional<DtEnd<Temporal>> dtEnd = event.getEndDate(false);
        Instant end;
        if (dtEnd.isPresent()) {
            end = IcalFields.instant(dtEnd.get(), zoneId);
        } else if (event.getProperty(Property.DURATION).isPresent()) {
            TemporalAmount duration = event.<net.fortuna.ical4j.model.property.Duration>getProperty(Property.DURATION)
                    .get().getDuration();
            end = allDay ? ((LocalDate) startValue).plus(duration).atStartOfDay(zoneId).toInstant()
                    : start.atZone(zoneId).plus(duration).toInstant();
        } else {
            end = allDay ? ((LocalDate) startValue).plusDays(1).atStartOfDay(zoneId).toInstant() : start;
        }
        if (end.isBefore(start)) {
            throw new BrokenItemException("the VEVENT ends (" + end + ") before it starts (" + start + ")");
        }
        List<Component> alarms = event.getComponentList().getAll();
        Optional<Duration> reminder = IcalFields.alarmTime(alarms, Optional.of(start), Optional.of(end))
                .map(fires -> Duration.between(fires, start));
        return new EventData(IcalFields.text(event, Property.SUMMARY), IcalFields.text(event, Property.DESCRIPTION),
                start, end, allDay, zone, IcalFields.text(event, Property.LOCATION), IcalFields.organizer(event),
                IcalFields.attendees(event), reminder, IcalFields.importance(event), IcalFields.categories(event),
                event.getProperty(Property.RRULE).map(Property::getValue), Optional.empty(), IcalFields.url(event),
                IcalFields.sensitivity(event), EventStanding.status(event), EventStanding.showAs(event),
                standing.participation(event), IcalFields.uid(event));
    }

    /** The IANA zone an event was planned in: from its TZID, UTC for UTC times, else the account's zone. */
    private String zoneName(DtStart<Temporal> start, Temporal value) {
        Optional<String> tzid = start.getParameter(Parameter.TZID).map(Parameter::getValue);
        if (tzid.isPresent()) {
            return ZoneNames.iana(tzid.get()).orElse(defaultZone.getId());
        }
        if (value instanceof Instant || start.isUtc()) {
            return "UTC";
        }
        return defaultZone.getId();
    }

    @Override
    public byte[] render(Optional<byte[]> existing, String newUid, EventData data, Optional<String> crmId)
            throws BrokenItemException {
        if (data.seriesMasterId().isPresent()) {
            throw new BrokenItemException("an exception of a series is kept in its master's file in the local tree;"
                    + " write the master with its RRULE instead");
        }
        return Ical4j.call(() -> {
            Calendar calendar;
            VEvent event;
            if (existing.isPresent()) {
                calendar = Ical4j.parse(existing.get());
                event = master(calendar);
            } else {
                calendar = Ical4j.newCalendar();
                event = new VEvent(false);
                event.add(new Uid(newUid));
                calendar.add(event);
            }
            // alarms a person set (several, of any kind) stay as they are while the reminder read from them,
            // the first one's, is unchanged; a changed reminder replaces them with one
            Optional<EventData> before = existing.isPresent() ? Optional.of(data(event)) : Optional.empty();
            boolean keepAlarms = before.map(b -> b.reminder().equals(data.reminder())).orElse(false);
            boolean floating = existing.isPresent() && isFloating(event);
            boolean series = event.getProperty(Property.RRULE).isPresent() || data.recurrenceRule().isPresent();
            Optional<EventStanding.Before> was = existing.map(e -> EventStanding.Before.of(event));
            event.removeAll(MAPPED);
            if (!keepAlarms) {
                event.setComponentList(event.getComponentList().removeAll(Component.VALARM));
            }
            event.add(new DtStamp(Instant.now()));
            if (series && before.isPresent()) {
                ZoneId zone = floating ? defaultZone : zoneOf(data.timeZone());
                SeriesShift shift = new SeriesShift(zone, before.get().start().atZone(zone).toLocalDateTime(),
                        data.start().atZone(zone).toLocalDateTime());
                if (shift.moves()) {
                    shift.apply(calendar, event);
                }
            }
            putTimes(calendar, event, data, floating);
            IcalFields.putText(event, Property.SUMMARY, data.subject(), Summary::new);
            IcalFields.putText(event, Property.DESCRIPTION, data.bodyText(), Description::new);
            IcalFields.putText(event, Property.LOCATION, data.location(), Location::new);
            IcalFields.putPeople(event, data.organizer(), data.attendees());
            standing.put(event, data.status(), data.showAs(), data.participation(), was);
            IcalFields.putImportance(event, data.importance());
            IcalFields.putSensitivity(event, data.sensitivity());
            IcalFields.putCategories(event, data.categories());
            data.recurrenceRule().ifPresent(rule -> event.add(new RRule<>(rule)));
            IcalFields.putUrl(event, data.crmLink());
            IcalFields.putCrmId(event, crmId);
            data.reminder().filter(lead -> !keepAlarms).ifPresent(lead -> event.setComponentList(event.getComponentList()
                    .add(IcalFields.displayAlarm(new VAlarm(lead.negated()), data.subject()))));
            return Ical4j.write(calendar);
        });
    }

    /** Whether the event's DTSTART is a local time without TZID and without Z (RFC 5545 3.3.5, form #1). */
    private static boolean isFloating(VEvent event) {
        return event.getStartDate().filter(s -> s.getDate() instanceof java.time.LocalDateTime)
                .filter(s -> s.getParameter(Parameter.TZID).isEmpty() && !s.getValue().strip().endsWith("Z"))
                .isPresent();
    }

    /**
     * @param floating whether the file gave the times floating: they stay floating (read in the account's zone) while
     *                 the event is still planned in that zone, so that other tools keep reading them in theirs
     */
    private void putTimes(Calendar calendar, VEvent event, EventData data, boolean floating) {
        ZoneId zone = zoneOf(data.timeZone());
        if (floating && !data.allDay() && zone.equals(defaultZone)) {
            event.add(new DtStart<>(data.start().atZone(zone).toLocalDateTime()));
            event.add(new DtEnd<>(data.end().atZone(zone).toLocalDateTime()));
            return;
        }
        if (data.allDay()) {
            LocalDate first = data.start().atZone(zone).toLocalDate();
            LocalDate after = data.end().atZone(zone).toLocalDate();
            event.add(new DtStart<>(first));
            event.add(new DtEnd<>(after.isAfter(first) ? after : first.plusDays(1)));
            return;
        }
        if (zone.getId().equals("UTC")) {
            event.add(new DtStart<>(data.start()));
            event.add(new DtEnd<>(data.end()));
            return;
        }
        TimeZoneRegistry registry = Ical4j.registry();
        TimeZone timeZone = registry.getTimeZone(zone.getId());
        if (timeZone == null) {
            event.add(new DtStart<>(data.start()));
            event.add(new DtEnd<>(data.end()));
            return;
        }
        // one definition per zone, covering every date of the file in it (a series' exceptions and EXDATEs too)
        List<VTimeZone> stale = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .filter(c -> c.getProperty(Property.TZID).map(Property::getValue).filter(zone.getId()::equals).isPresent())
                .toList();
        for (VTimeZone old : stale) {
            calendar.remove(old);
        }
        calendar.add(compact(zone, earliest(calendar, zone, data.start())).orElseGet(timeZone::getVTimeZone));
        event.add(new DtStart<>(ZonedDateTime.ofInstant(data.start(), zone)));
        event.add(new DtEnd<>(ZonedDateTime.ofInstant(data.end(), zone)));
    }

    /**
     * The earliest of {@code start} and the dates in the file given in {@code zone}: the DTSTART, RECURRENCE-ID,
     * EXDATE and RDATE of every event of the file with that TZID.
     */
    private static Instant earliest(Calendar calendar, ZoneId zone, Instant start) {
        Instant earliest = start;
        for (Component c : calendar.getComponents(Component.VEVENT)) {
            for (Property p : c.getPropertyList().getAll()) {
                boolean dated = List.of(Property.DTSTART, Property.RECURRENCE_ID, Property.EXDATE, Property.RDATE)
                        .contains(p.getName());
                boolean inZone = p.getParameter(Parameter.TZID).map(Parameter::getValue).filter(zone.getId()::equals)
                        .isPresent();
                if (!dated || !inZone) {
                    continue;
                }
                java.util.regex.Matcher m = LOCAL_DATE_TIME.matcher(p.getValue());
                while (m.find()) {
                    Instant at = java.time.LocalDateTime.parse(m.group(), LOCAL_FORMAT).atZone(zone).toInstant();
                    earliest = at.isBefore(earliest) ? at : earliest;
                }
            }
        }
        return earliest;
    }

    private static final java.util.regex.Pattern LOCAL_DATE_TIME = java.util.regex.Pattern.compile("\\d{8}T\\d{6}");
    private static final java.time.format.DateTimeFormatter LOCAL_FORMAT =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** The short VTIMEZONE for a zone from a date on, parsed by ical4j, if the zone's rules allow one. */
    private static Optional<VTimeZone> compact(ZoneId zone, Instant from) {
        return CompactTimeZone.of(zone, from).flatMap(text -> {
            try {
                Calendar parsed = Ical4j.parse(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + Ical4j.PRODUCT + "\r\n" + text
                        + "END:VCALENDAR\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return parsed.<VTimeZone>getComponent(Component.VTIMEZONE);
            } catch (java.io.IOException | net.fortuna.ical4j.data.ParserException e) {
                return Optional.empty();
            }
        });
    }

    private static ZoneId zoneOf(String name) {
        try {
            return name.equals("UTC") ? ZoneId.of("UTC") : ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}

package io.liaison.connector.local.internal;

import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Priority;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;

/** The iCalendar properties events and tasks share: text, CRM id, link, importance, categories, people, alarms. */
final class IcalFields {

    /**
     * The one item of a vdir file: its components of {@code type} must share one UID (a series and its
     * exceptions); the master is the one without RECURRENCE-ID.
     *
     * @param noun        how the file's items are called in a problem report, e.g. "events"
     * @param otherType   the other component type, to say where a misplaced file belongs
     * @param otherFolder the folder that type belongs in
     */
    static <C extends CalendarComponent> C single(Calendar calendar, String type, String noun, String otherType,
                                          String otherFolder) throws BrokenItemException {
        List<C> items = calendar.getComponents(type);
        if (items.isEmpty()) {
            boolean misplaced = !calendar.getComponents(otherType).isEmpty();
            throw new BrokenItemException("holds no " + type
                    + (misplaced ? " (a " + otherType + " belongs in the " + otherFolder + " folder)" : ""));
        }
        long uids = items.stream().map(c -> uid(c).orElse("")).distinct().count();
        if (uids > 1) {
            throw new BrokenItemException("holds " + uids + " different " + noun + "; the vdir layout keeps one "
                    + "(with its exceptions) per file");
        }
        return items.stream().filter(c -> c.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst()
                .orElse(items.get(0));
    }

    /** The component's UID, stripped; empty when it has none (a hand-written file). */
    static Optional<String> uid(Component component) {
        return component.<Uid>getProperty(Property.UID).map(Uid::getValue).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The property that carries the CRM id, found again by {@code findByCrmId}. */
    static final String CRM_ID = "X-LIAISON-CRM-ID";

    private IcalFields() {
    }

    static String text(Component c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse("");
    }

    static Optional<String> crmId(Component c) {
        return c.getProperty(CRM_ID).map(Property::getValue).map(String::strip).filter(s -> !s.isEmpty());
    }

    static void putText(PropertyContainer c, String name, String value, java.util.function.Function<String, Property> make) {
        if (!value.isEmpty()) {
            c.add(make.apply(lineBreaks(value)));
        }
    }

    /**
     * A text with every line break as LF: CRLF and a lone CR (old Mac text, pasted HTML) become LF, which the
     * writers escape as {@code \n}; a lone CR left in would end the content line for many readers and let the
     * rest of the text become a property of its own.
     */
    static String lineBreaks(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static void putCrmId(PropertyContainer c, Optional<String> crmId) {
        crmId.ifPresent(id -> c.add(new XProperty(CRM_ID, id)));
    }

    static Optional<URI> url(Component c) {
        return c.getProperty(Property.URL).map(Property::getValue).flatMap(v -> {
            try {
                return Optional.of(new URI(v.strip()));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }

    static void putUrl(PropertyContainer c, Optional<URI> url) {
        url.ifPresent(u -> c.add(new Url(u)));
    }

    /** PRIORITY 1–4 is high, 6–9 low, 5, 0 or none normal (RFC 5545, 3.8.1.9). */
    static Importance importance(Component c) {
        int level = c.getProperty(Property.PRIORITY).map(p -> {
            try {
                return Integer.parseInt(p.getValue().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
        if (level >= 1 && level <= 4) {
            return Importance.HIGH;
        }
        return level >= 6 && level <= 9 ? Importance.LOW : Importance.NORMAL;
    }

    static void putImportance(PropertyContainer c, Importance importance) {
        switch (importance) {
            case HIGH -> c.add(new Priority(1));
            case LOW -> c.add(new Priority(9));
            default -> { }
        }
    }

    /** Where Liaison keeps a sensitivity iCalendar's CLASS has no value for (personal). */
    static final String LIAISON_SENSITIVITY = "X-LIAISON-SENSITIVITY";

    /**
     * CLASS (RFC 5545, 3.8.1.3): PUBLIC or none is normal, PRIVATE and CONFIDENTIAL are themselves, and any other
     * value is private (the RFC: unknown values are treated as PRIVATE); personal, which CLASS cannot say, is kept
     * in {@value #LIAISON_SENSITIVITY}.
     */
    static Sensitivity sensitivity(Component c) {
        String value = text(c, Property.CLASS).strip().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "", "PUBLIC" -> text(c, LIAISON_SENSITIVITY).strip().equalsIgnoreCase("PERSONAL")
                    ? Sensitivity.PERSONAL : Sensitivity.NORMAL;
            case "CONFIDENTIAL" -> Sensitivity.CONFIDENTIAL;
            default -> Sensitivity.PRIVATE;
        };
    }

    /** Writes CLASS for private and confidential only, so that other tools see normal and personal items as public. */
    static void putSensitivity(PropertyContainer c, Sensitivity sensitivity) {
        switch (sensitivity) {
            case PRIVATE -> c.add(new Clazz(Clazz.VALUE_PRIVATE));
            case CONFIDENTIAL -> c.add(new Clazz(Clazz.VALUE_CONFIDENTIAL));
            case PERSONAL -> c.add(new XProperty(LIAISON_SENSITIVITY, "PERSONAL"));
            case NORMAL -> { }
        }
    }

    static List<String> categories(Component c) {
        List<String> result = new ArrayList<>();
        for (Property p : c.getProperties(Property.CATEGORIES)) {
            for (String part : p.getValue().split("(?<!\\\\),")) {
                String value = part.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\").strip();
                if (!value.isEmpty() && !result.contains(value)) {
                    result.add(value);
                }
            }
        }
        return result;
    }

    static void putCategories(PropertyContainer c, List<String> categories) {
        if (!categories.isEmpty()) {
            c.add(new Categories(new TextList(categories.stream().map(IcalFields::lineBreaks).toList())));
        }
    }

    static Optional<Participant> organizer(Component c) {
        return c.getProperty(Property.ORGANIZER).map(p -> new Participant(address(p.getValue()), cn(p),
                ParticipantRole.ORGANIZER, ParticipantResponse.NONE));
    }

    static List<Participant> attendees(Component c) {
        List<Participant> result = new ArrayList<>();
        for (Property p : c.getProperties(Property.ATTENDEE)) {
            String cutype = param(p, Parameter.CUTYPE).toUpperCase(Locale.ROOT);
            String role = param(p, Parameter.ROLE).toUpperCase(Locale.ROOT);
            ParticipantRole r = cutype.equals("RESOURCE") || cutype.equals("ROOM") ? ParticipantRole.RESOURCE
                    : role.equals("OPT-PARTICIPANT") || role.equals("NON-PARTICIPANT") ? ParticipantRole.OPTIONAL
                    : ParticipantRole.REQUIRED;
            ParticipantResponse response = switch (param(p, Parameter.PARTSTAT).toUpperCase(Locale.ROOT)) {
                case "ACCEPTED" -> ParticipantResponse.ACCEPTED;
                case "TENTATIVE" -> ParticipantResponse.TENTATIVE;
                case "DECLINED" -> ParticipantResponse.DECLINED;
                default -> ParticipantResponse.NONE;
            };
            result.add(new Participant(address(p.getValue()), cn(p), r, response));
        }
        return result;
    }

    static void putPeople(PropertyContainer c, Optional<Participant> organizer, List<Participant> attendees) {
        organizer.ifPresent(o -> c.add(new Organizer(names(o), mailto(o.email()))));
        for (Participant a : attendees) {
            ParameterList params = names(a);
            params = params.add(a.role() == ParticipantRole.OPTIONAL ? Role.OPT_PARTICIPANT : Role.REQ_PARTICIPANT);
            if (a.role() == ParticipantRole.RESOURCE) {
                params = params.add(CuType.RESOURCE);
            }
            params = params.add(switch (a.response()) {
                case ACCEPTED -> PartStat.ACCEPTED;
                case TENTATIVE -> PartStat.TENTATIVE;
                case DECLINED -> PartStat.DECLINED;
                case NONE -> PartStat.NEEDS_ACTION;
            });
            c.add(new Attendee(params, mailto(a.email())));
        }
    }

    private static ParameterList names(Participant p) {
        return p.name().isEmpty() ? new ParameterList() : new ParameterList(List.of(new Cn(lineBreaks(p.name()).replace('\n', ' '))));
    }

    private static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address: " + email, e);
        }
    }

    private static String address(String calAddress) {
        String v = calAddress.strip();
        return v.regionMatches(true, 0, "mailto:", 0, 7) ? v.substring(7) : v;
    }

    private static String cn(Property p) {
        return param(p, Parameter.CN);
    }

    private static String param(Property p, String name) {
        return p.getParameter(name).map(Parameter::getValue).orElse("");
    }

    /** A display alarm. */
    static VAlarm displayAlarm(VAlarm alarm, String text) {
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(text.isEmpty() ? "Reminder" : lineBreaks(text)));
        return alarm;
    }

    /** When the first alarm fires, given the times a relative trigger refers to. */
    static Optional<Instant> alarmTime(List<Component> subComponents, Optional<Instant> start, Optional<Instant> end) {
        for (Component c : subComponents) {
            if (!c.getName().equals(Component.VALARM)) {
                continue;
            }
            Optional<net.fortuna.ical4j.model.property.Trigger> trigger = ((VAlarm) c).getTrigger();
            if (trigger.isEmpty()) {
                continue;
            }
            if (trigger.get().isAbsolute()) {
                return Optional.ofNullable(trigger.get().getDate());
            }
            boolean fromEnd = trigger.get().getParameter(Parameter.RELATED).map(Parameter::getValue)
                    .filter(v -> v.equalsIgnoreCase("END")).isPresent();
            Optional<Instant> base = fromEnd ? end : start;
            TemporalAmount offset = trigger.get().getDuration();
            if (base.isPresent() && offset != null) {
                return Optional.of(base.get().plus(toDuration(offset)));
            }
        }
        return Optional.empty();
    }

    private static java.time.Duration toDuration(TemporalAmount amount) {
        if (amount instanceof java.time.Duration d) {
            return d;
        }
        if (amount instanceof Period p) {
            return java.time.Duration.ofDays(p.toTotalMonths() * 30 + p.getDays());
        }
        return java.time.Duration.ZERO;
    }

    /** A date or date-time value as an instant; dates and floating times are taken in {@code zone}. */
    /**
     * The instant of a date property. A local time with a TZID that names an IANA zone (directly, by its Windows
     * name or with a prefix) is taken in that zone by the IANA database, not by the rules ical4j builds from the
     * file's VTIMEZONE: those rules leave out observances without RRULE (so old dates in a correct definition read
     * an hour off), and other tools' definitions often cover only recent years.
     */
    static Instant instant(net.fortuna.ical4j.model.property.DateProperty<?> property, ZoneId zone) {
        Temporal value = property.getDate();
        Optional<ZoneId> named = property.getParameter(Parameter.TZID).map(Parameter::getValue)
                .flatMap(ZoneNames::iana).map(ZoneId::of);
        if (named.isPresent() && value instanceof ZonedDateTime) {
            java.util.regex.Matcher m = LOCAL_DATE_TIME.matcher(property.getValue());
            if (m.matches()) {
                return LocalDateTime.parse(m.group(1), LOCAL_FORMAT).atZone(named.get()).toInstant();
            }
        }
        return instant(value, zone);
    }

    private static final java.util.regex.Pattern LOCAL_DATE_TIME = java.util.regex.Pattern.compile("(\\d{8}T\\d{6})");
    private static final java.time.format.DateTimeFormatter LOCAL_FORMAT =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    static Instant instant(Temporal t, ZoneId zone) {
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        throw new IllegalArgumentException("not a date or date-time: " + t);
    }
}

package io.liaison.connector.local.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RecurrenceId;

/**
 * Moves the dates that name occurrences of a series with its start. RFC 5545 3.8.5.1 and 3.8.4.4: EXDATE and
 * RECURRENCE-ID name occurrences by their original start, so a series moved in the CRM without them would bring
 * back the occurrences the person deleted and lose its exceptions (they would name no occurrence any more). The
 * offset is taken in wall-clock time of the series' zone (a meeting moved from 10:00 to 11:00 moves every EXDATE to
 * 11:00, also across a change to or from daylight saving time); each value keeps its form (its TZID, UTC or
 * floating, a date). RDATE dates move too (periods stay). An exception keeps its own DTSTART/DTEND when the person
 * moved that occurrence elsewhere, and moves with the series when it still starts at its original time.
 */
final class SeriesShift {

    private static final Pattern VALUE = Pattern.compile("(\\d{8})(T(\\d{6})(Z?))?");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final ZoneId zone;
    private final Duration offset;

    /**
     * @param zone   the series' zone, in which floating values and the offset are taken
     * @param before the series' start before the move, in wall-clock time of {@code zone}
     * @param after  its start after the move
     */
    SeriesShift(ZoneId zone, LocalDateTime before, LocalDateTime after) {
        this.zone = zone;
        this.offset = Duration.between(before, after);
    }

    boolean moves() {
        return !offset.isZero();
    }

    /** Moves the master's EXDATE and RDATE values and every exception of the file. */
    void apply(Calendar calendar, VEvent master) {
        replace(master, Property.EXDATE, (params, value) -> new ExDate<Temporal>(params, value));
        replace(master, Property.RDATE, (params, value) -> new RDate<Temporal>(params, value));
        for (VEvent exception : calendar.<VEvent>getComponents(Component.VEVENT)) {
            Optional<Property> id = exception.getProperty(Property.RECURRENCE_ID);
            if (exception == master || id.isEmpty()) {
                continue;
            }
            boolean unmoved = exception.getProperty(Property.DTSTART).map(s -> sameInstant(s, id.get())).orElse(false);
            replace(exception, Property.RECURRENCE_ID, (params, value) -> new RecurrenceId<Temporal>(params, value));
            if (unmoved) {
                replace(exception, Property.DTSTART, (params, value) -> new DtStart<Temporal>(params, value));
                replace(exception, Property.DTEND, (params, value) -> new DtEnd<Temporal>(params, value));
            }
        }
    }

    private void replace(Component component, String name, BiFunction<ParameterList, String, Property> make) {
        List<Property> old = new ArrayList<>(component.getProperties(name));
        for (Property p : old) {
            boolean period = p.getParameter(Parameter.VALUE).map(Parameter::getValue)
                    .filter(v -> v.equalsIgnoreCase("PERIOD")).isPresent();
            if (period) {
                continue;
            }
            Optional<ZoneId> tzid = p.getParameter(Parameter.TZID).map(Parameter::getValue).flatMap(ZoneNames::iana)
                    .map(ZoneId::of);
            StringBuilder moved = new StringBuilder();
            for (String value : p.getValue().split(",")) {
                moved.append(moved.length() == 0 ? "" : ",").append(move(value.strip(), tzid));
            }
            component.remove(p);
            component.add(make.apply(p.getParameterList(), moved.toString()));
        }
    }

    /** One date or date-time value moved by the offset, in the form it had. */
    private String move(String value, Optional<ZoneId> tzid) {
        Matcher m = VALUE.matcher(value);
        if (!m.matches()) {
            return value;
        }
        LocalDate day = LocalDate.parse(m.group(1), DAY);
        if (m.group(2) == null) {
            return day.atStartOfDay().plus(offset).toLocalDate().format(DAY);
        }
        LocalDateTime local = day.atTime(java.time.LocalTime.parse(m.group(3), TIME));
        ZoneId own = !m.group(4).isEmpty() ? ZoneOffset.UTC : tzid.orElse(zone);
        // in the series' wall-clock time, moved, and back into the value's own zone
        LocalDateTime inSeries = local.atZone(own).withZoneSameInstant(zone).toLocalDateTime().plus(offset);
        LocalDateTime back = inSeries.atZone(zone).withZoneSameInstant(own).toLocalDateTime();
        return back.format(DAY) + "T" + back.format(TIME) + m.group(4);
    }

    private boolean sameInstant(Property start, Property recurrenceId) {
        return instant(start).equals(instant(recurrenceId));
    }

    private Optional<Instant> instant(Property p) {
        Matcher m = VALUE.matcher(p.getValue().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.parse(m.group(1), DAY);
        if (m.group(2) == null) {
            return Optional.of(day.atStartOfDay(zone).toInstant());
        }
        ZoneId own = !m.group(4).isEmpty() ? ZoneOffset.UTC : p.getParameter(Parameter.TZID).map(Parameter::getValue)
                .flatMap(ZoneNames::iana).map(ZoneId::of).orElse(zone);
        return Optional.of(day.atTime(java.time.LocalTime.parse(m.group(3), TIME)).atZone(own).toInstant());
    }
}

package io.liaison.connector.local.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A short VTIMEZONE for an IANA zone that covers every date from a given instant on, built from the JVM's rules
 * (the IANA time zone database): the offset in force at that instant, each recorded change after it and, for the years after the recorded ones, one STANDARD and one DAYLIGHT
 * observance with a yearly RRULE, as Thunderbird and khal write them. ical4j's bundled definitions carry the
 * zone's whole history and take ten times longer to read back. Empty when more than {@link #MAX_CHANGES} recorded
 * changes would be needed (then ical4j's own definition is used).
 */
final class CompactTimeZone {

    /** More recorded changes than this after the first date, and ical4j's full definition is shorter to write. */
    static final int MAX_CHANGES = 100;
    /** Observances start before the first date by this much, so that no reading of a date near it is off. */
    private static final Duration MARGIN = Duration.ofDays(2);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private CompactTimeZone() {
    }

    /** The definition of {@code zone} for dates from {@code from} on. */
    static Optional<String> of(ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        Instant start = from.minus(MARGIN);
        List<ZoneOffsetTransition> recorded = rules.getTransitions();
        List<ZoneOffsetTransition> after = recorded.stream().filter(t -> t.getInstant().isAfter(start)).toList();
        if (after.size() > MAX_CHANGES) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("BEGIN:VTIMEZONE\r\nTZID:").append(zone.getId()).append("\r\n");
        // the offset in force at the first date, since the earliest date iCalendar tools write (Outlook's)
        ZoneOffset initial = rules.getOffset(start);
        observance(out, zone, rules.isDaylightSavings(start), initial, initial, "16010101T000000", null);
        // each recorded change after it: one observance each, since readers that build zone rules from a
        // VTIMEZONE (ical4j's own ZoneRulesBuilder among them) ignore RDATEs in observances
        for (ZoneOffsetTransition t : after) {
            observance(out, zone, rules.isDaylightSavings(t.getInstant()), t.getOffsetBefore(), t.getOffsetAfter(),
                    LOCAL.format(t.getDateTimeBefore()), null);
        }
        // the yearly rules for the years after the recorded changes
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (!yearly.isEmpty()) {
            int firstRuleYear = recorded.isEmpty() ? Integer.MIN_VALUE
                    : recorded.get(recorded.size() - 1).getDateTimeAfter().getYear() + 1;
            int year = Math.max(firstRuleYear, start.atZone(ZoneOffset.UTC).getYear() - 1);
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition t = rule.createTransition(year);
                boolean daylight = t.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                observance(out, zone, daylight, t.getOffsetBefore(), t.getOffsetAfter(),
                        LOCAL.format(t.getDateTimeBefore()), rrule(rule, t.getDateTimeBefore()));
            }
        }
        return Optional.of(out.append("END:VTIMEZONE\r\n").toString());
    }

    private static void observance(StringBuilder out, ZoneId zone, boolean daylight, ZoneOffset before,
                                   ZoneOffset after, String dtStart, String rrule) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        out.append("BEGIN:").append(kind).append("\r\n")
                .append("TZNAME:").append(name(zone, daylight)).append("\r\n")
                .append("TZOFFSETFROM:").append(offset(before)).append("\r\n")
                .append("TZOFFSETTO:").append(offset(after)).append("\r\n")
                .append("DTSTART:").append(dtStart).append("\r\n");
        if (rrule != null) {
            out.append("RRULE:").append(rrule).append("\r\n");
        }
        out.append("END:").append(kind).append("\r\n");
    }

    private static String rrule(ZoneOffsetTransitionRule rule, LocalDateTime first) {
        StringBuilder r = new StringBuilder("FREQ=YEARLY;BYMONTH=").append(rule.getMonth().getValue());
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        if (dow == null) {
            return r.append(";BYMONTHDAY=").append(day).toString();
        }
        String weekday = dow.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2).toUpperCase(Locale.ROOT);
        int length = rule.getMonth().maxLength();
        if (day > 0 && (day - 1) % 7 == 0) {
            return r.append(";BYDAY=").append((day - 1) / 7 + 1).append(weekday).toString();
        }
        if (day == -1 || (day > 0 && day + 6 == length && rule.getMonth() != java.time.Month.FEBRUARY)) {
            return r.append(";BYDAY=-1").append(weekday).toString();
        }
        // "the weekday on or after day d" (d < 0: on or before the d-th last day) is one of seven month days
        String days = IntStream.range(0, 7).map(i -> day > 0 ? day + i : day - i)
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
        return r.append(";BYDAY=").append(weekday).append(";BYMONTHDAY=").append(days).toString();
    }

    private static String name(ZoneId zone, boolean daylight) {
        return java.util.TimeZone.getTimeZone(zone).getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.ENGLISH);
    }

    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String s = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? s : s + String.format("%02d", abs % 60);
    }
}

package io.liaison.connector.local.internal;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Year;
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
 * A short VTIMEZONE for an IANA zone, built from the JVM's current rules: one STANDARD and one DAYLIGHT
 * observance with a yearly RRULE, as Thunderbird and khal write them. ical4j's bundled definitions carry the
 * zone's whole history and take ten times longer to read back; the rules in force are what a calendar needs.
 * Empty when the zone's current rules cannot be put that way (then ical4j's own definition is used).
 */
final class CompactTimeZone {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private CompactTimeZone() {
    }

    static Optional<String> of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        StringBuilder out = new StringBuilder("BEGIN:VTIMEZONE\r\nTZID:").append(zone.getId()).append("\r\n");
        List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
        if (transitions.isEmpty()) {
            if (!rules.isFixedOffset() && rules.nextTransition(java.time.Instant.now()) != null) {
                return Optional.empty(); // changes ahead without yearly rules: keep the full definition
            }
            ZoneOffset offset = rules.getOffset(java.time.Instant.now());
            out.append("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:").append(offset(offset))
                    .append("\r\nTZOFFSETTO:").append(offset(offset)).append("\r\nEND:STANDARD\r\n");
        } else {
            int year = Year.now().getValue() - 1;
            for (ZoneOffsetTransitionRule rule : transitions) {
                ZoneOffsetTransition t = rule.createTransition(year);
                boolean daylight = t.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                String kind = daylight ? "DAYLIGHT" : "STANDARD";
                out.append("BEGIN:").append(kind).append("\r\n")
                        .append("TZNAME:").append(name(zone, daylight)).append("\r\n")
                        .append("TZOFFSETFROM:").append(offset(t.getOffsetBefore())).append("\r\n")
                        .append("TZOFFSETTO:").append(offset(t.getOffsetAfter())).append("\r\n")
                        .append("DTSTART:").append(LOCAL.format(t.getDateTimeBefore())).append("\r\n")
                        .append("RRULE:").append(rrule(rule, t.getDateTimeBefore())).append("\r\n")
                        .append("END:").append(kind).append("\r\n");
            }
        }
        return Optional.of(out.append("END:VTIMEZONE\r\n").toString());
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

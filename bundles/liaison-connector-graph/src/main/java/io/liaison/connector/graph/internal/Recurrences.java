package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between an RFC 5545 RRULE and Graph's {@code patternedRecurrence}, for the rules both can express:
 * DAILY, WEEKLY (BYDAY), MONTHLY (BYMONTHDAY) and YEARLY (BYMONTH, BYMONTHDAY), with INTERVAL, COUNT or UNTIL.
 */
final class Recurrences {

    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final List<DayOfWeek> GRAPH_DAYS = List.of(DayOfWeek.Monday, DayOfWeek.Tuesday,
            DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday);

    private Recurrences() {
    }

    /**
     * @throws IllegalArgumentException for a rule Graph cannot express (BYSETPOS, hourly, …)
     */
    static PatternedRecurrence toGraph(String rrule, LocalDate start, String zone) {
        Map<String, String> parts = parse(rrule);
        RecurrencePattern pattern = new RecurrencePattern();
        pattern.setInterval(Integer.parseInt(parts.getOrDefault("INTERVAL", "1")));
        String freq = parts.getOrDefault("FREQ", "");
        switch (freq) {
            case "DAILY" -> pattern.setType(RecurrencePatternType.Daily);
            case "WEEKLY" -> {
                pattern.setType(RecurrencePatternType.Weekly);
                List<DayOfWeek> days = new ArrayList<>();
                for (String d : parts.getOrDefault("BYDAY", DAYS.get(start.getDayOfWeek().ordinal())).split(",")) {
                    int i = DAYS.indexOf(d.trim());
                    if (i < 0) {
                        throw new IllegalArgumentException("BYDAY " + d + " in '" + rrule + "'");
                    }
                    days.add(GRAPH_DAYS.get(i));
                }
                pattern.setDaysOfWeek(days);
                pattern.setFirstDayOfWeek(DayOfWeek.Monday);
            }
            case "MONTHLY" -> {
                pattern.setType(RecurrencePatternType.AbsoluteMonthly);
                pattern.setDayOfMonth(Integer.parseInt(parts.getOrDefault("BYMONTHDAY", Integer.toString(start.getDayOfMonth()))));
            }
            case "YEARLY" -> {
                pattern.setType(RecurrencePatternType.AbsoluteYearly);
                pattern.setMonth(Integer.parseInt(parts.getOrDefault("BYMONTH", Integer.toString(start.getMonthValue()))));
                pattern.setDayOfMonth(Integer.parseInt(parts.getOrDefault("BYMONTHDAY", Integer.toString(start.getDayOfMonth()))));
            }
            default -> throw new IllegalArgumentException("Graph cannot express the recurrence '" + rrule + "'");
        }
        for (String unsupported : List.of("BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE")) {
            if (parts.containsKey(unsupported)) {
                throw new IllegalArgumentException("Graph cannot express " + unsupported + " in '" + rrule + "'");
            }
        }
        RecurrenceRange range = new RecurrenceRange();
        range.setStartDate(start);
        range.setRecurrenceTimeZone(zone);
        if (parts.containsKey("COUNT")) {
            range.setType(RecurrenceRangeType.Numbered);
            range.setNumberOfOccurrences(Integer.parseInt(parts.get("COUNT")));
        } else if (parts.containsKey("UNTIL")) {
            range.setType(RecurrenceRangeType.EndDate);
            range.setEndDate(LocalDate.parse(parts.get("UNTIL").substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
        } else {
            range.setType(RecurrenceRangeType.NoEnd);
        }
        PatternedRecurrence recurrence = new PatternedRecurrence();
        recurrence.setPattern(pattern);
        recurrence.setRange(range);
        return recurrence;
    }

    /** The RRULE of a Graph recurrence, or empty for a pattern RRULE cannot say (relative months). */
    static Optional<String> toRrule(PatternedRecurrence recurrence, LocalDate start) {
        if (recurrence == null || recurrence.getPattern() == null || recurrence.getPattern().getType() == null) {
            return Optional.empty();
        }
        RecurrencePattern p = recurrence.getPattern();
        List<String> rule = new ArrayList<>();
        switch (p.getType()) {
            case Daily -> rule.add("FREQ=DAILY");
            case Weekly -> {
                rule.add("FREQ=WEEKLY");
                if (p.getDaysOfWeek() != null && !p.getDaysOfWeek().isEmpty()) {
                    rule.add("BYDAY=" + String.join(",", p.getDaysOfWeek().stream()
                            .map(d -> DAYS.get(GRAPH_DAYS.indexOf(d))).toList()));
                }
            }
            case AbsoluteMonthly -> {
                rule.add("FREQ=MONTHLY");
                if (p.getDayOfMonth() != null && p.getDayOfMonth() != start.getDayOfMonth()) {
                    rule.add("BYMONTHDAY=" + p.getDayOfMonth());
                }
            }
            case AbsoluteYearly -> {
                rule.add("FREQ=YEARLY");
                if (p.getMonth() != null && p.getMonth() != start.getMonthValue()) {
                    rule.add("BYMONTH=" + p.getMonth());
                }
                if (p.getDayOfMonth() != null && p.getDayOfMonth() != start.getDayOfMonth()) {
                    rule.add("BYMONTHDAY=" + p.getDayOfMonth());
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        if (p.getInterval() != null && p.getInterval() > 1) {
            rule.add(1, "INTERVAL=" + p.getInterval());
        }
        RecurrenceRange range = recurrence.getRange();
        if (range != null && range.getType() == RecurrenceRangeType.Numbered && range.getNumberOfOccurrences() != null) {
            rule.add("COUNT=" + range.getNumberOfOccurrences());
        } else if (range != null && range.getType() == RecurrenceRangeType.EndDate && range.getEndDate() != null) {
            rule.add("UNTIL=" + range.getEndDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        return Optional.of(String.join(";", rule));
    }

    private static Map<String, String> parse(String rrule) {
        Map<String, String> parts = new LinkedHashMap<>();
        String rule = rrule.startsWith("RRULE:") ? rrule.substring(6) : rrule;
        for (String part : rule.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim().toUpperCase(Locale.ROOT), part.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
            }
        }
        return parts;
    }
}

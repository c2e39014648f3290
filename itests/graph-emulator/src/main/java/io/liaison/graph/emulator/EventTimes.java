package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** dateTimeTimeZone values, Windows time zone names and the expansion of simple recurrences. */
final class EventTimes {

    static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    private static final int MAX_DATES = 20_000;
    private static final Map<String, String> WINDOWS = new HashMap<>();

    static {
        String[][] pairs = {
            {"UTC", "UTC"}, {"Coordinated Universal Time", "UTC"}, {"GMT Standard Time", "Europe/London"},
            {"Greenwich Standard Time", "Atlantic/Reykjavik"}, {"W. Europe Standard Time", "Europe/Berlin"},
            {"Romance Standard Time", "Europe/Paris"}, {"Central Europe Standard Time", "Europe/Budapest"},
            {"Central European Standard Time", "Europe/Warsaw"}, {"E. Europe Standard Time", "Europe/Chisinau"},
            {"FLE Standard Time", "Europe/Kiev"}, {"GTB Standard Time", "Europe/Bucharest"},
            {"Russian Standard Time", "Europe/Moscow"}, {"Turkey Standard Time", "Europe/Istanbul"},
            {"Israel Standard Time", "Asia/Jerusalem"}, {"Arabian Standard Time", "Asia/Dubai"},
            {"India Standard Time", "Asia/Kolkata"}, {"China Standard Time", "Asia/Shanghai"},
            {"Singapore Standard Time", "Asia/Singapore"}, {"Tokyo Standard Time", "Asia/Tokyo"},
            {"Korea Standard Time", "Asia/Seoul"}, {"AUS Eastern Standard Time", "Australia/Sydney"},
            {"New Zealand Standard Time", "Pacific/Auckland"}, {"Eastern Standard Time", "America/New_York"},
            {"Central Standard Time", "America/Chicago"}, {"Mountain Standard Time", "America/Denver"},
            {"US Mountain Standard Time", "America/Phoenix"}, {"Pacific Standard Time", "America/Los_Angeles"},
            {"Alaskan Standard Time", "America/Anchorage"}, {"Hawaiian Standard Time", "Pacific/Honolulu"},
            {"Atlantic Standard Time", "America/Halifax"}, {"E. South America Standard Time", "America/Sao_Paulo"},
            {"South Africa Standard Time", "Africa/Johannesburg"}, {"Egypt Standard Time", "Africa/Cairo"},
        };
        for (String[] p : pairs) {
            WINDOWS.put(p[0].toLowerCase(Locale.ROOT), p[1]);
        }
    }

    private EventTimes() {
    }

    /** @return the zone for a Windows or IANA time zone name */
    static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        String iana = WINDOWS.get(name.trim().toLowerCase(Locale.ROOT));
        try {
            return ZoneId.of(iana != null ? iana : name.trim());
        } catch (RuntimeException e) {
            throw new Exchange.GraphError(400, "TimeZoneNotSupportedException",
                    "A valid TimeZone value must be specified. The following TimeZone value is not supported: '" + name + "'.");
        }
    }

    /** @return the local date-time of a dateTime string as Graph accepts it (with or without fraction or offset) */
    static LocalDateTime local(String dateTime, ZoneId zone) {
        String s = dateTime.trim();
        try {
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDateTime();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new Exchange.GraphError(400, "ErrorInvalidRequest", "Cannot convert the literal '" + dateTime + "' to the expected type 'Edm.DateTime'.");
        }
    }

    /** @return a {"dateTime","timeZone"} value for an instant shown in a zone */
    static Map<String, Object> dateTimeTimeZone(Instant instant, ZoneId zone, String zoneName) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("dateTime", GRAPH_LOCAL.format(LocalDateTime.ofInstant(instant, zone)));
        m.put("timeZone", zoneName);
        return m;
    }

    /** @return the query's start/end parameter as an instant (ISO 8601, UTC when no offset) */
    static Instant queryInstant(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new Exchange.GraphError(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        }
        LocalDateTime ldt = local(value, ZoneOffset.UTC);
        return ldt.toInstant(ZoneOffset.UTC);
    }

    /**
     * The local start dates of a recurrence (patternedRecurrence JSON) of types daily, weekly, absoluteMonthly,
     * absoluteYearly, up to {@code untilDate} (inclusive) and the range's end or count.
     */
    static List<LocalDate> dates(JsonNode recurrence, LocalDate firstStart, LocalDate untilDate) {
        List<LocalDate> out = new ArrayList<>();
        JsonNode pattern = recurrence.path("pattern");
        JsonNode range = recurrence.path("range");
        String type = pattern.path("type").asText("daily");
        int interval = Math.max(1, pattern.path("interval").asInt(1));
        LocalDate start = range.hasNonNull("startDate") ? LocalDate.parse(range.get("startDate").asText()) : firstStart;
        String rangeType = range.path("type").asText("noEnd");
        LocalDate end = "endDate".equals(rangeType) && range.hasNonNull("endDate") ? LocalDate.parse(range.get("endDate").asText()) : null;
        int count = "numbered".equals(rangeType) ? Math.max(1, range.path("numberOfOccurrences").asInt(1)) : Integer.MAX_VALUE;
        LocalDate limit = end == null || untilDate.isBefore(end) ? untilDate : end;
        List<DayOfWeek> days = new ArrayList<>();
        for (JsonNode d : pattern.path("daysOfWeek")) {
            days.add(DayOfWeek.valueOf(d.asText().toUpperCase(Locale.ROOT)));
        }
        int produced = 0;
        int guard = 0;
        switch (type) {
            case "daily" -> {
                for (LocalDate d = start; !d.isAfter(limit) && produced < count && guard++ < MAX_DATES; d = d.plusDays(interval)) {
                    out.add(d);
                    produced++;
                }
            }
            case "weekly" -> {
                if (days.isEmpty()) {
                    days.add(start.getDayOfWeek());
                }
                DayOfWeek firstDay = pattern.hasNonNull("firstDayOfWeek")
                        ? DayOfWeek.valueOf(pattern.get("firstDayOfWeek").asText().toUpperCase(Locale.ROOT)) : DayOfWeek.SUNDAY;
                LocalDate week = start.with(TemporalAdjusters.previousOrSame(firstDay));
                while (!week.isAfter(limit) && produced < count && guard++ < MAX_DATES) {
                    for (int i = 0; i < 7 && produced < count; i++) {
                        LocalDate d = week.plusDays(i);
                        if (days.contains(d.getDayOfWeek()) && !d.isBefore(start) && !d.isAfter(limit)) {
                            out.add(d);
                            produced++;
                        }
                    }
                    week = week.plusWeeks(interval);
                }
            }
            case "absoluteMonthly" -> {
                int dom = pattern.path("dayOfMonth").asInt(start.getDayOfMonth());
                for (LocalDate m = start.withDayOfMonth(1); !m.isAfter(limit) && produced < count && guard++ < MAX_DATES; m = m.plusMonths(interval)) {
                    if (dom <= m.lengthOfMonth()) {
                        LocalDate d = m.withDayOfMonth(dom);
                        if (!d.isBefore(start) && !d.isAfter(limit)) {
                            out.add(d);
                            produced++;
                        }
                    }
                }
            }
            case "absoluteYearly" -> {
                int month = pattern.path("month").asInt(start.getMonthValue());
                int dom = pattern.path("dayOfMonth").asInt(start.getDayOfMonth());
                for (int y = start.getYear(); y <= limit.getYear() && produced < count && guard++ < MAX_DATES; y += interval) {
                    LocalDate m = LocalDate.of(y, month, 1);
                    if (dom <= m.lengthOfMonth()) {
                        LocalDate d = m.withDayOfMonth(dom);
                        if (!d.isBefore(start) && !d.isAfter(limit)) {
                            out.add(d);
                            produced++;
                        }
                    }
                }
            }
            default -> throw new Exchange.GraphError(400, "ErrorInvalidRequest",
                    "The emulator supports the recurrence pattern types daily, weekly, absoluteMonthly and absoluteYearly, not '" + type + "'.");
        }
        return out;
    }

    static long minutes(Instant a, Instant b) {
        return ChronoUnit.MINUTES.between(a, b);
    }
}

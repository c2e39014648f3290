package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.DateTimeTimeZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Graph's {@code dateTimeTimeZone} values: written in the item's IANA zone, read in whatever zone Graph answers
 * with (UTC, as every request prefers). Windows zone names, which Outlook clients write, are mapped to the IANA
 * zone Windows itself maps them to (the CLDR "001" territory).
 */
final class GraphTimes {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    /** The Windows zones met in practice in Liaison's markets; anything else falls back to the account's zone. */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Turkey Standard Time", "Europe/Istanbul"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"));

    private GraphTimes() {
    }

    /** A Graph time zone name as an IANA zone, if it is one or a known Windows name. */
    static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank() || "tzone://Microsoft/Custom".equals(name)) {
            return Optional.empty();
        }
        String mapped = WINDOWS.getOrDefault(name, name);
        try {
            return Optional.of(ZoneId.of(mapped));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A local date-time in a zone, as Graph takes it. */
    static DateTimeTimeZone of(LocalDateTime local, String zone) {
        DateTimeTimeZone t = new DateTimeTimeZone();
        t.setDateTime(LOCAL.format(local));
        t.setTimeZone(zone);
        return t;
    }

    /** An instant written in a zone. */
    static DateTimeTimeZone of(Instant instant, ZoneId zone) {
        return of(LocalDateTime.ofInstant(instant, zone), zone.getId());
    }

    /** The local date-time Graph sent (without its zone). */
    static LocalDateTime local(DateTimeTimeZone t) {
        String s = t.getDateTime();
        // Graph sends seven fractional digits and sometimes an offset or a 'Z'
        if (s.endsWith("Z")) {
            s = s.substring(0, s.length() - 1);
        }
        return LocalDateTime.parse(s);
    }

    /** The instant Graph meant. */
    static Instant instant(DateTimeTimeZone t, ZoneId fallback) {
        return local(t).atZone(zone(t.getTimeZone()).orElse(fallback)).toInstant();
    }
}

package io.liaison.content.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zone names in a Date header as numeric offsets. mime4j's lenient date parser reads any zone name as UTC, so
 * "09:15:00 EST" became 09:15Z, five hours early. RFC 5322 section 4.3 ("Obsolete Date and Time") gives the
 * offsets of the names it still allows (UT, GMT, and the North American EST/EDT, CST/CDT, MST/MDT, PST/PDT); the
 * others here are what real mail carries beyond the RFC (CET/CEST, their German MEZ/MESZ, BST, WET/WEST, EET/EEST,
 * "GMT+1", "UTC+01:00"). A name not known here is left to the parser, which takes it as UTC (RFC 5322 says an
 * unknown zone means "-0000", no information).
 */
final class DateZones {
    /** RFC 5322 4.3 and the common European names. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("GMT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
            Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"), Map.entry("MEZ", "+0100"), Map.entry("MESZ", "+0200"),
            Map.entry("WET", "+0000"), Map.entry("WEST", "+0100"), Map.entry("BST", "+0100"),
            Map.entry("EET", "+0200"), Map.entry("EEST", "+0300"));

    /** A time, then a zone name or "GMT+h[:mm]"-style offset, then an optional comment. */
    private static final Pattern ZONE = Pattern.compile(
            "(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s+(?:([A-Za-z]{1,5})|(?:GMT|UTC|UT)\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?)"
                    + "\\s*(\\(.*\\))?\\s*$");

    private DateZones() {
    }

    /** The body with a named or "GMT+1" zone replaced by its numeric offset; empty when there is nothing to do. */
    static Optional<String> numeric(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = ZONE.matcher(body.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String offset;
        if (m.group(2) != null) {
            offset = NAMES.get(m.group(2).toUpperCase(Locale.ROOT));
            if (offset == null) {
                return Optional.empty();
            }
        } else {
            int hours = Integer.parseInt(m.group(4));
            int minutes = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            if (hours > 14 || minutes > 59) {
                return Optional.empty();
            }
            offset = m.group(3) + String.format(Locale.ROOT, "%02d%02d", hours, minutes);
        }
        String stripped = body.strip();
        return Optional.of(stripped.substring(0, m.start()) + m.group(1) + " " + offset);
    }
}

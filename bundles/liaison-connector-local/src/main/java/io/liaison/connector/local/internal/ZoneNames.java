package io.liaison.connector.local.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a TZID as other tools write it into an IANA zone name: IANA names as they are, Outlook's Windows
 * names ({@code W. Europe Standard Time}) through ical4j's own table, and prefixed names such as
 * {@code /mozilla.org/20050126_1/Europe/Berlin} by their last two segments.
 */
final class ZoneNames {

    private static final Pattern SUFFIX = Pattern.compile("([A-Za-z_-]+/[A-Za-z_+-]+)$");
    private static final Map<String, String> WINDOWS = loadWindowsNames();

    private ZoneNames() {
    }

    static Optional<String> iana(String tzid) {
        String id = tzid.strip();
        if (isRegion(id)) {
            return Optional.of(id);
        }
        String windows = WINDOWS.get(id);
        if (windows != null && isRegion(windows)) {
            return Optional.of(windows);
        }
        Matcher m = SUFFIX.matcher(id);
        if (m.find() && isRegion(m.group(1))) {
            return Optional.of(m.group(1));
        }
        return Optional.empty();
    }

    private static boolean isRegion(String id) {
        return !id.startsWith("ical4j") && ZoneId.getAvailableZoneIds().contains(id);
    }

    /** ical4j's table of Windows zone names, lines of {@code Name;Display name=Zone}. */
    private static Map<String, String> loadWindowsNames() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = ZoneNames.class.getClassLoader()
                .getResourceAsStream("net/fortuna/ical4j/transform/compliance/msTimezones")) {
            if (in == null) {
                return names;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int eq = line.lastIndexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    String zone = line.substring(eq + 1).strip();
                    for (String key : line.substring(0, eq).split(";")) {
                        names.putIfAbsent(key.strip(), zone);
                    }
                }
            }
        } catch (IOException e) {
            // without the table, Windows names fall back to the account's zone
        }
        return names;
    }
}

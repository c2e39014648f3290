package io.liaison.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How values look in the commands' text output. Everything shown passes through {@link #clean}: subjects and
 * names come from mails and other people's input, and a control character (an ANSI escape, a carriage return)
 * must not rewrite the administrator's terminal.
 */
public final class Text {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Text() {
    }

    /** The text with every control character replaced by a space; {@code ""} for null. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return sb.toString();
    }

    /** The text cleaned and on one line, runs of spaces collapsed. */
    public static String oneLine(String s) {
        return clean(s).replaceAll(" {2,}", " ").strip();
    }

    /** At most {@code max} characters, cut with an ellipsis. */
    public static String truncate(String s, int max) {
        String c = clean(s);
        return c.length() <= max ? c : c.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** A point in time in the server's time zone, to the second. */
    public static String time(Instant t, ZoneId zone) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** A point in time in the server's time zone, or {@code -}. */
    public static String time(Optional<Instant> t, ZoneId zone) {
        return t.map(i -> time(i, zone)).orElse("-");
    }

    /** A duration for people: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 5 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return s / 60 + " min " + s % 60 + " s";
    }
}

package io.liaison.shell.internal;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the commands' option values. Karaf hands options over as text; parsing them here (rather than
 * letting Karaf convert to int or enum) gives errors that name the option, the value and what is expected.
 */
public final class Arguments {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|credential).*");
    private static final Pattern SETTING_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private Arguments() {
    }

    /** {@code mails,appointments} → the areas; case is ignored. */
    public static Set<SyncArea> areas(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new UserInputException("bad " + option + " '': name at least one of " + names(SyncArea.values()));
        }
        Set<SyncArea> areas = EnumSet.noneOf(SyncArea.class);
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            areas.add(Arrays.stream(SyncArea.values()).filter(a -> a.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new UserInputException("unknown area '" + name + "' in " + option
                            + " (expected " + names(SyncArea.values()) + ")")));
        }
        return areas;
    }

    /** {@code true}/{@code false}, {@code yes}/{@code no}, {@code on}/{@code off}; case is ignored. */
    public static boolean yesNo(String option, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new UserInputException("bad " + option + " '" + value + "' (expected true or false)");
        };
    }

    /** {@code CRM_WINS}, {@code crm-wins} or {@code crm_wins} → the policy. */
    public static ConflictPolicy conflictPolicy(String option, String value) {
        String name = value == null ? "" : value.strip().replace('-', '_');
        return Arrays.stream(ConflictPolicy.values()).filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new UserInputException("unknown conflict policy '" + value + "' in " + option
                        + " (expected " + Arrays.stream(ConflictPolicy.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * {@code key=value} pairs → connector settings, in the order given. Refuses keys that look like secrets:
     * settings are shown by {@code account-list}, secrets go through {@code account-credentials}.
     */
    public static Map<String, String> settings(String option, List<String> pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (pairs == null) {
            return settings;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("bad " + option + " '" + pair + "': expected key=value");
            }
            String key = pair.substring(0, eq).strip();
            if (!SETTING_KEY.matcher(key).matches()) {
                throw new UserInputException("bad " + option + " key '" + key
                        + "': letters, digits, '_', '.', '-', starting with a letter");
            }
            if (looksLikeSecret(key)) {
                throw new UserInputException("setting '" + key + "' looks like a secret: settings are shown in "
                        + "listings, so enter it with liaison:account-credentials");
            }
            if (settings.putIfAbsent(key, pair.substring(eq + 1)) != null) {
                throw new UserInputException("setting '" + key + "' given twice");
            }
        }
        return settings;
    }

    /** Whether a setting or property name suggests it holds a secret. */
    public static boolean looksLikeSecret(String key) {
        return SECRET_NAME.matcher(key).matches();
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // fall through to the one message
        }
        throw new UserInputException("bad " + option + " '" + value + "': expected a whole number from " + min
                + " to " + max);
    }

    /** A number of minutes, at least one, at most a week. */
    public static Duration minutes(String option, String value) {
        return Duration.ofMinutes(number(option, value, 1, 7 * 24 * 60));
    }

    /** The lower-case names of enum constants, comma-separated. */
    public static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}

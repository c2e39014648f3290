package io.liaison.connector.local.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A property's value read from an item file's text without parsing it (RFC 5545 3.1 and RFC 6350 3.2 content
 * lines: unfolded, an optional group, parameters, the value after the first colon outside quotes). Used only
 * for files that do not parse, to tell which item a half-written or broken file is.
 */
final class RawLines {

    private RawLines() {
    }

    /** The first value of a property, stripped; empty when the text has no such line. */
    static Optional<String> value(byte[] content, String name) {
        String text = new String(content, StandardCharsets.UTF_8).replaceAll("\r\n[ \t]|\n[ \t]", "");
        for (String line : text.split("\r\n|\n|\r")) {
            int colon = valueStart(line);
            if (colon < 0) {
                continue;
            }
            String head = line.substring(0, colon);
            int semicolon = head.indexOf(';');
            String property = semicolon < 0 ? head : head.substring(0, semicolon);
            property = property.substring(property.lastIndexOf('.') + 1).strip();
            if (property.toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                String value = line.substring(colon + 1).strip();
                if (!value.isEmpty()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}

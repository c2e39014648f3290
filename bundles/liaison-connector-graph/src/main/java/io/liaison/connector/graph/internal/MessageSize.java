package io.liaison.connector.graph.internal;

import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message's size, which the message resource does not have: Exchange keeps it in the MAPI property
 * {@code PidTagMessageSizeExtended} (0x0E08, PT_I8: "a 64 bit integer version of PidTagMessageSize", the sum of the
 * sizes of all properties of the message object, "usually considerably greater than the message text alone"), which
 * Graph reads as the single-value extended property {@code Long 0x0E08} through {@code $expand} ("Outlook extended
 * properties overview": the {type} {proptag} form; "message: delta" supports {@code $expand}).
 *
 * <p>Graph answers with the tag written its own way ({@code Binary 0x0E0A} asked, {@code Binary 0xe0a} returned in
 * a Microsoft Q&A answer), so the tag is compared by its number, not as text.
 */
final class MessageSize {

    static final String PROPERTY = "Long 0x0E08";
    static final String EXPAND = ExtendedProperties.expand(PROPERTY);

    private MessageSize() {
    }

    /** The size a message was read with, or -1 when it came without (a delta link from before the expand). */
    static long of(List<SingleValueLegacyExtendedProperty> properties) {
        if (properties == null) {
            return -1;
        }
        for (SingleValueLegacyExtendedProperty p : properties) {
            if (p.getId() != null && sameTag(p.getId(), PROPERTY) && p.getValue() != null) {
                try {
                    long size = Long.parseLong(p.getValue().trim());
                    return size >= 0 ? size : -1;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Whether two {type} {proptag} ids name the same property: the type word in any case, the tag by number. */
    static boolean sameTag(String a, String b) {
        Optional<String> ta = tag(a);
        Optional<String> tb = tag(b);
        return ta.isPresent() && ta.equals(tb);
    }

    private static Optional<String> tag(String id) {
        String[] parts = id.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].toLowerCase(Locale.ROOT).startsWith("0x")) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(parts[1].substring(2), 16);
            return Optional.of(parts[0].toLowerCase(Locale.ROOT) + " " + number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

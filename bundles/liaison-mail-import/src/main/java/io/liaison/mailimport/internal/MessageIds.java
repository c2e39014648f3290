package io.liaison.mailimport.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Message-IDs as mail compares them: the part after the {@code @} is a domain (RFC 5322 3.6.4 {@code id-right}), and
 * domains compare case-insensitively (RFC 5321 2.4), while the part before it is the sender's own string and stays
 * case-sensitive. Some gateways and clients rewrite the domain's case ({@code <abc@Example.COM>} returns as
 * {@code <abc@example.com>} in a reply's {@code In-Reply-To}); with the domain lower-cased both are one mail.
 *
 * <p>Versions before this one kept and looked up Message-IDs exactly as written, so every look-up tries the
 * normalised form first and then the ID as written ({@link #lookups}).
 */
final class MessageIds {

    private MessageIds() {
    }

    /** The ID with its domain part (after the last {@code @}) in lower case; an ID without {@code @} as it is. */
    static String normalised(String id) {
        String stripped = id.strip();
        int at = stripped.lastIndexOf('@');
        if (at < 0) {
            return stripped;
        }
        return stripped.substring(0, at + 1) + stripped.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The ID as written, when it differs from its normalised form: the key a mail had in versions before. */
    static Optional<String> asWrittenBefore(String id) {
        String stripped = id.strip();
        return stripped.equals(normalised(stripped)) ? Optional.empty()
                : Optional.of(stripped);
    }

    /** The forms to look an ID up by: the normalised one, then the one written, when it differs. */
    static List<String> lookups(String id) {
        String normalised = normalised(id);
        return asWrittenBefore(id).map(written -> List.of(normalised, written)).orElse(List.of(normalised));
    }
}

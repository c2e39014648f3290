package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedMessage;
import io.liaison.api.domain.MailDetails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a mail whose Message-ID an activity already holds is that same mail. Message-IDs are meant to be unique
 * (RFC 5322 3.6.4), but newsletter tools and some gateways reuse them; taking the ID alone merged a second mail into
 * the first one's activity (its original and attachments stored there). The same mail has the same sender and the
 * same Date header (to the second: a copy re-encoded as .msg or .eml keeps both), which the activity's mail details
 * hold as imported, whatever a user edited since; a mail that differs in them is another mail.
 */
final class SameMail {

    private SameMail() {
    }

    /** Whether {@code message} is the mail the activity was imported from. */
    static boolean as(Optional<MailDetails> imported, ParsedMessage message) {
        if (imported.isEmpty()) {
            return true; // not imported as a mail: nothing to tell them apart by, the key decides as before
        }
        MailDetails d = imported.get();
        return d.from().equalsIgnoreCase(message.from())
                && d.sentAt().map(SameMail::seconds).equals(message.sentAt().map(SameMail::seconds));
    }

    /** Why the two are different mails, for the journal. */
    static String difference(MailDetails imported, ParsedMessage message) {
        if (!imported.from().equalsIgnoreCase(message.from())) {
            return "another sender: " + message.from() + " instead of " + imported.from();
        }
        return "another date: " + message.sentAt().map(Instant::toString).orElse("none") + " instead of "
                + imported.sentAt().map(Instant::toString).orElse("none");
    }

    /**
     * The key of a mail whose Message-ID another mail holds already: the ID with a fingerprint of sender, date and
     * subject, the same for every copy of this mail, so that a re-import finds its activity.
     */
    static String keyOf(String messageKey, ParsedMessage message) {
        String fingerprint = message.from().toLowerCase(Locale.ROOT) + "\n"
                + message.sentAt().map(t -> Long.toString(seconds(t))).orElse("") + "\n" + message.subject().strip();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return messageKey + "#" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static long seconds(Instant t) {
        return t.getEpochSecond();
    }
}

package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedMessage;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.MailDetails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a mail whose Message-ID an activity already holds is that same mail. Message-IDs are meant to be unique
 * (RFC 5322 3.6.4), but newsletter tools and some gateways reuse them; taking the ID alone merged a second mail into
 * the first one's activity (its original and attachments stored there). The same mail has the same content: the
 * fingerprint of sender, date, subject, body and attachments ({@link SourceKey#ofContent}, the same for a copy saved
 * again by another client) that the activity keeps from its import ({@link MailDetails#fingerprint}). An activity
 * without one (imported before it was kept, or by a host CRM that does not keep it) is compared as before: by sender
 * and Date header, which its mail details hold as imported, whatever a user edited since; there two mails that differ
 * only in subject, body or attachments stay one.
 */
final class SameMail {

    private SameMail() {
    }

    /** The activity with the mail's fingerprint in its mail details, so that a later mail is compared by it. */
    static ActivityData fingerprinted(ActivityData data, ParsedMail mail) {
        return data.mail().map(m -> data.toBuilder().mail(m.withFingerprint(mail.fingerprint())).build()).orElse(data);
    }

    /** Whether {@code mail} is the mail the activity was imported from. */
    static boolean as(Optional<MailDetails> imported, ParsedMail mail) {
        if (imported.isEmpty()) {
            return true; // not imported as a mail: nothing to tell them apart by, the key decides as before
        }
        MailDetails d = imported.get();
        if (d.fingerprint().isPresent()) {
            return d.fingerprint().get().equals(mail.fingerprint());
        }
        return sameSenderAndDate(d, mail.message());
    }

    private static boolean sameSenderAndDate(MailDetails d, ParsedMessage message) {
        return d.from().equalsIgnoreCase(message.from())
                && d.sentAt().map(SameMail::seconds).equals(message.sentAt().map(SameMail::seconds));
    }

    /** Why the two are different mails, for the journal. */
    static String difference(MailDetails imported, ParsedMessage message) {
        if (!imported.from().equalsIgnoreCase(message.from())) {
            return "another sender: " + message.from() + " instead of " + imported.from();
        }
        if (!sameSenderAndDate(imported, message)) {
            return "another date: " + message.sentAt().map(Instant::toString).orElse("none") + " instead of "
                    + imported.sentAt().map(Instant::toString).orElse("none");
        }
        // the activity keeps the fingerprint, not what went into it: which of the three differs is not known
        return "the same sender and date, another subject, body or attachments";
    }

    /**
     * The key of a mail whose Message-ID another mail holds already: the ID with the start of its content fingerprint,
     * the same for every copy of this mail, so that a re-import finds its activity.
     */
    static String keyOf(String messageKey, ParsedMail mail) {
        String fingerprint = mail.fingerprint();
        return messageKey + "#" + fingerprint.substring(fingerprint.indexOf(':') + 1, fingerprint.indexOf(':') + 17);
    }

    /**
     * The keys such a mail may have been imported under before, in the order to look them up: under an earlier form of
     * its Message-ID ({@link ParsedMail#earlierKeys}) with this fingerprint, and every form with the fingerprint of
     * sender, date and subject that versions before the whole fingerprint gave it (an activity found so is this mail's
     * only as {@link #as} says).
     */
    static List<String> earlierKeysOf(ParsedMail mail) {
        List<String> keys = new ArrayList<>();
        mail.earlierKeys().forEach(earlier -> keys.add(keyOf(earlier, mail)));
        keys.add(keyBeforeWholeFingerprint(mail.sourceKey(), mail.message()));
        mail.earlierKeys().forEach(earlier -> keys.add(keyBeforeWholeFingerprint(earlier, mail.message())));
        return List.copyOf(keys);
    }

    private static String keyBeforeWholeFingerprint(String messageKey, ParsedMessage message) {
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

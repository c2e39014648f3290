package io.liaison.api.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an imported mail activity keeps of its message's header.
 *
 * @param messageId  the Internet Message-ID (without angle brackets), or a content hash where the message has none
 * @param inReplyTo  the Message-ID this one answers, if any
 * @param references the Message-IDs of the thread, oldest first
 * @param from       the sender's address
 * @param fromName   the sender's display name, or empty
 * @param to         the To addresses
 * @param cc         the Cc addresses
 * @param sentAt     the Date header, when present and valid
 * @param receivedAt when the mailbox received it, when known
 * @param returnedMessageId for a bounce (a delivery status report), the Message-ID of the mail it returns, so that
 *                          the mail imported after its bounce finds it ({@code ActivityStore.findReturns}); since 1.3
 * @param fingerprint the importer's fingerprint of the mail's content (sender, date, subject, body, attachments), by
 *                    which a later mail with the same Message-ID is told apart from a copy of this one; empty for
 *                    mails imported before it was kept and in a CRM that does not keep it. Since 1.4
 */
public record MailDetails(
        String messageId,
        Optional<String> inReplyTo,
        List<String> references,
        String from,
        String fromName,
        List<String> to,
        List<String> cc,
        Optional<Instant> sentAt,
        Optional<Instant> receivedAt,
        Optional<String> returnedMessageId,
        Optional<String> fingerprint) {

    public MailDetails {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        references = List.copyOf(references);
        from = from == null ? "" : from;
        fromName = fromName == null ? "" : fromName;
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(returnedMessageId, "returnedMessageId");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The details without a content fingerprint (the form before {@code fingerprint}). */
    public MailDetails(String messageId, Optional<String> inReplyTo, List<String> references, String from,
                       String fromName, List<String> to, List<String> cc, Optional<Instant> sentAt,
                       Optional<Instant> receivedAt, Optional<String> returnedMessageId) {
        this(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, receivedAt, returnedMessageId,
                Optional.empty());
    }

    /** These details with the importer's content fingerprint. */
    public MailDetails withFingerprint(String fingerprint) {
        return new MailDetails(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, receivedAt,
                returnedMessageId, Optional.of(fingerprint));
    }

    /** The details of a mail that returns no other (the form before {@code returnedMessageId}). */
    public MailDetails(String messageId, Optional<String> inReplyTo, List<String> references, String from,
                       String fromName, List<String> to, List<String> cc, Optional<Instant> sentAt,
                       Optional<Instant> receivedAt) {
        this(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, receivedAt, Optional.empty());
    }
}

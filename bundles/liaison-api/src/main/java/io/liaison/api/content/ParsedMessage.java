package io.liaison.api.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as the content bundle read it, MIME or Outlook alike. Attachment contents are spooled outside
 * the heap; close the message to release them.
 *
 * @param messageId        the Message-ID without angle brackets; empty when the message has none
 * @param inReplyTo        the Message-ID it answers
 * @param references       the thread's Message-IDs
 * @param from             the sender's address, or empty when missing or unreadable
 * @param fromName         the sender's display name
 * @param to               To addresses
 * @param cc               Cc addresses
 * @param sentAt           the Date header, when present and valid
 * @param subject          the subject, decoded
 * @param text             the plain-text body (from the HTML when there is no text part), bounded
 * @param html             the HTML body, sanitised (no scripts, no active content), or empty
 * @param attachments      the attachments, in order
 * @param embeddedMessages messages attached to this one, parsed in turn
 * @param problems         what was wrong but did not stop parsing (bad charset, missing date, …)
 * @param automated        when a program, not a person, sent it: what it is (a delivery status report, an automatic
 *                         reply, ...) and the header that says so; empty for a person's mail
 * @param returnedMessageId the Message-ID of the mail a delivery status report returns (from its
 *                          {@code message/rfc822} or {@code text/rfc822-headers} part, RFC 3464 section 2 and RFC 6522),
 *                          without angle brackets; empty for any other message or a report that does not include it
 * @param receivedAt        the newest date of its {@code Received} header fields (RFC 5321 4.4, RFC 5322 3.6.7): when
 *                          the last mail server took it; empty when it has none that can be read
 * @since 1.2 ({@code returnedMessageId}, {@code receivedAt})
 */
public record ParsedMessage(String messageId, Optional<String> inReplyTo, List<String> references, String from,
                            String fromName, List<String> to, List<String> cc, Optional<Instant> sentAt,
                            String subject, String text, String html, List<ParsedAttachment> attachments,
                            List<ParsedMessage> embeddedMessages, List<String> problems, Optional<String> automated,
                            Optional<String> returnedMessageId, Optional<Instant> receivedAt)
        implements AutoCloseable {
    public ParsedMessage {
        messageId = messageId == null ? "" : messageId;
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        references = List.copyOf(references);
        from = from == null ? "" : from;
        fromName = fromName == null ? "" : fromName;
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(sentAt, "sentAt");
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        attachments = List.copyOf(attachments);
        embeddedMessages = List.copyOf(embeddedMessages);
        problems = List.copyOf(problems);
        Objects.requireNonNull(automated, "automated");
        Objects.requireNonNull(returnedMessageId, "returnedMessageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A message without {@code Received} date (the form before {@code receivedAt} was carried). */
    public ParsedMessage(String messageId, Optional<String> inReplyTo, List<String> references, String from,
                         String fromName, List<String> to, List<String> cc, Optional<Instant> sentAt, String subject,
                         String text, String html, List<ParsedAttachment> attachments,
                         List<ParsedMessage> embeddedMessages, List<String> problems, Optional<String> automated,
                         Optional<String> returnedMessageId) {
        this(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, subject, text, html, attachments,
                embeddedMessages, problems, automated, returnedMessageId, Optional.empty());
    }

    /** A message that returns no other (the form before {@code returnedMessageId} was carried). */
    public ParsedMessage(String messageId, Optional<String> inReplyTo, List<String> references, String from,
                         String fromName, List<String> to, List<String> cc, Optional<Instant> sentAt, String subject,
                         String text, String html, List<ParsedAttachment> attachments,
                         List<ParsedMessage> embeddedMessages, List<String> problems, Optional<String> automated) {
        this(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, subject, text, html, attachments,
                embeddedMessages, problems, automated, Optional.empty());
    }

    /** A message a person sent (the form before {@code automated} was carried). */
    public ParsedMessage(String messageId, Optional<String> inReplyTo, List<String> references, String from,
                         String fromName, List<String> to, List<String> cc, Optional<Instant> sentAt, String subject,
                         String text, String html, List<ParsedAttachment> attachments,
                         List<ParsedMessage> embeddedMessages, List<String> problems) {
        this(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, subject, text, html, attachments,
                embeddedMessages, problems, Optional.empty());
    }

    /** Releases the spooled attachment contents of this message and its embedded ones. */
    @Override
    public void close() {
        attachments.forEach(ParsedAttachment::close);
        embeddedMessages.forEach(ParsedMessage::close);
    }
}

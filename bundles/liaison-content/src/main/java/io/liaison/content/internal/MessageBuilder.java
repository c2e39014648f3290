package io.liaison.content.internal;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the parts of one message (MIME or Outlook) as a parser finds them, bounds the bodies, and builds
 * the {@link ParsedMessage}.
 */
final class MessageBuilder {
    /** The most recipients (To and Cc together) a message keeps; the rest are left out with a problem note. */
    static final int MAX_RECIPIENTS = 1000;

    private final int maxChars;

    String messageId = "";
    Optional<String> inReplyTo = Optional.empty();
    List<String> references = List.of();
    String from = "";
    String fromName = "";
    /** Recipients in their order, each once (a set: de-duplicating 100,000 of them in a list took seconds). */
    final Set<String> to = new LinkedHashSet<>();
    final Set<String> cc = new LinkedHashSet<>();
    Optional<Instant> sentAt = Optional.empty();
    boolean dateSeen;
    /** What says a program sent the message (see {@link AutomatedMail}); the first sign found is kept. */
    Optional<String> automated = Optional.empty();
    /** The Message-ID of the mail a delivery status report returns, when its report part names it. */
    Optional<String> returnedMessageId = Optional.empty();
    /** The newest readable date of the Received header fields. */
    Optional<Instant> receivedAt = Optional.empty();
    String subject = "";
    private final StringBuilder text = new StringBuilder();
    private boolean textTruncated;
    private String html = "";
    /** How the mail is encrypted (S/MIME, PGP/MIME), or empty: then its body says it cannot be read. */
    private String encryption = "";
    /** Images between two HTML fragments of a body sent in pieces (Apple Mail), waiting for the next fragment. */
    private final List<SpooledAttachment> betweenFragments = new ArrayList<>();
    private int fragmentImages;
    /** An RTF body from a TNEF attachment: the body when the message has no other (see {@link #build()}). */
    private String rtfBody = "";
    final List<ParsedAttachment> attachments = new ArrayList<>();
    final List<ParsedMessage> embedded = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    MessageBuilder(int maxChars) {
        this.maxChars = maxChars;
    }

    boolean hasText() {
        return !text.isEmpty();
    }

    boolean hasHtml() {
        return !html.isEmpty();
    }

    /** Adds a text part; a second one follows the first after a blank line. */
    void appendText(String part) {
        if (part.isBlank() || textTruncated) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(part);
        if (text.length() > maxChars) {
            text.setLength(maxChars);
            textTruncated = true;
            problems.add("text body cut off at the limit of " + maxChars + " characters");
        }
    }

    /** Sets the HTML body (raw: it is sanitised in {@link #build()}). */
    void setHtml(String raw) {
        if (raw.length() > maxChars) {
            problems.add("HTML body cut off at the limit of " + maxChars + " characters");
            raw = raw.substring(0, maxChars);
        }
        html = raw;
    }

    /** Notes an image that came after an HTML fragment: it belongs in the body if another fragment follows. */
    void imageAfterHtml(SpooledAttachment image) {
        betweenFragments.add(image);
    }

    /**
     * Joins a further HTML fragment of a body sent in pieces (Apple Mail: a multipart/mixed of HTML parts with the
     * images between them), with those images in their place (resolved like any {@code cid:} image in
     * {@link #build()}).
     */
    void appendHtmlFragment(String raw) {
        StringBuilder joined = new StringBuilder(html);
        for (SpooledAttachment image : betweenFragments) {
            if (image.contentId().isEmpty()) {
                image.withContentId("liaison-fragment-" + (++fragmentImages));
            }
            joined.append("<img src=\"cid:").append(image.contentId().get()).append("\">");
        }
        betweenFragments.clear();
        setHtml(joined.append(raw).toString());
    }

    /** Offers the RTF body of a TNEF attachment ({@link TnefAttachments}); the first one offered counts. */
    void rtfBody(String rtf) {
        if (rtfBody.isEmpty()) {
            rtfBody = rtf;
        }
    }

    /** Notes that the mail's content is encrypted ({@code how}: S/MIME, PGP/MIME) and cannot be read. */
    void encrypted(String how) {
        if (encryption.isEmpty()) {
            encryption = how;
            problem("the mail is encrypted (" + how + "): its content cannot be read without the recipient's key; "
                    + "the original mail is kept");
        }
    }

    /**
     * Takes the bodies, attachments and problems of the mail inside an opaque-signed part as this message's own (the
     * entity has no header of a message: its "no Date header" is not this message's problem).
     */
    void absorb(ParsedMessage inner) {
        if (!hasText()) {
            appendText(inner.text());
        }
        if (!hasHtml() && !inner.html().isEmpty()) {
            setHtml(inner.html());
        }
        attachments.addAll(inner.attachments());
        embedded.addAll(inner.embeddedMessages());
        inner.problems().stream().filter(p -> !p.equals("no Date header")).forEach(this::problem);
    }

    /** Adds a recipient once, up to {@link #MAX_RECIPIENTS} of To and Cc together. */
    void addRecipient(Set<String> into, String address) {
        if (into.contains(address)) {
            return;
        }
        if (to.size() + cc.size() >= MAX_RECIPIENTS) {
            problem("more than " + MAX_RECIPIENTS + " recipients; the others were left out");
            return;
        }
        into.add(address);
    }

    void problem(String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    ParsedMessage build() {
        if (text.isEmpty() && html.isEmpty() && !rtfBody.isEmpty()) {
            // Outlook sent the body only inside winmail.dat: its HTML if it encapsulates one, else its text
            String fromRtf = RtfBodies.html(rtfBody, this, maxChars + 1);
            if (!fromRtf.isBlank()) {
                setHtml(fromRtf);
            } else {
                appendText(RtfBodies.text(rtfBody, this, maxChars));
            }
        }
        if (!encryption.isEmpty() && text.isEmpty() && html.isEmpty()) {
            // the activity shows why it has no content, not an empty text
            appendText("Encrypted (" + encryption + "), content not readable. The original mail is stored as a "
                    + "document.");
        }
        if (!html.isEmpty()) {
            html = InlineImages.resolve(html, attachments, maxChars, this);
        }
        String safeHtml = HtmlBodies.sanitize(html);
        if (text.isEmpty() && !html.isEmpty()) {
            appendText(HtmlBodies.toText(html));
        }
        if (!dateSeen) {
            problems.add("no Date header");
        }
        if (automated.isEmpty()) {
            automated = AutomatedMail.fromSender(from);
        }
        for (ParsedAttachment attachment : attachments) {
            if (attachment instanceof SpooledAttachment spooled) {
                spooled.note().ifPresent(problems::add);
            }
        }
        // nothing from a mail may carry a bare CR or another control character into what Liaison writes elsewhere
        return new ParsedMessage(messageId, inReplyTo, references, from, ControlCharacters.oneLine(fromName),
                List.copyOf(to), List.copyOf(cc), sentAt, ControlCharacters.oneLine(subject),
                ControlCharacters.lines(text.toString()).strip(), safeHtml, attachments, embedded, problems, automated,
                returnedMessageId, receivedAt);
    }

    /** Notes that a program sent the message, unless an earlier header said so already. */
    void automated(String what) {
        if (automated.isEmpty()) {
            automated = Optional.of(what);
        }
    }
}

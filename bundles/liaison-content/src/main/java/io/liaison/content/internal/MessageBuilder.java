package io.liaison.content.internal;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the parts of one message (MIME or Outlook) as a parser finds them, bounds the bodies, and builds
 * the {@link ParsedMessage}.
 */
final class MessageBuilder {
    private final int maxChars;

    String messageId = "";
    Optional<String> inReplyTo = Optional.empty();
    List<String> references = List.of();
    String from = "";
    String fromName = "";
    final List<String> to = new ArrayList<>();
    final List<String> cc = new ArrayList<>();
    Optional<Instant> sentAt = Optional.empty();
    boolean dateSeen;
    String subject = "";
    private final StringBuilder text = new StringBuilder();
    private boolean textTruncated;
    private String html = "";
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

    void problem(String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    ParsedMessage build() {
        String safeHtml = HtmlBodies.sanitize(html);
        if (text.isEmpty() && !html.isEmpty()) {
            appendText(HtmlBodies.toText(html));
        }
        if (!dateSeen) {
            problems.add("no Date header");
        }
        return new ParsedMessage(messageId, inReplyTo, references, from, fromName, to, cc, sentAt, subject,
                text.toString().strip(), safeHtml, attachments, embedded, problems);
    }
}

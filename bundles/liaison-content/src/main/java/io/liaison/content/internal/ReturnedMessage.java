package io.liaison.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptor;

/**
 * The mail a delivery status report returns. A bounce is {@code multipart/report; report-type=delivery-status}
 * (RFC 6522, RFC 3464 section 2) whose optional third part is the returned mail, whole ({@code message/rfc822}) or
 * only its header ({@code text/rfc822-headers}); the Message-ID found there lets the import relate the bounce to the
 * mail it returns. A read receipt (report-type disposition-notification) returns nothing and is left alone.
 */
final class ReturnedMessage {
    /** How the reader marks a delivery status report among the multipart types it is inside. */
    static final String DELIVERY_REPORT = "multipart/report; report-type=delivery-status";
    /** The most of a header part read for its Message-ID: a header block, not a mail. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private ReturnedMessage() {
    }

    static boolean isDeliveryReport(BodyDescriptor bd) {
        return "multipart/report".equalsIgnoreCase(bd.getMimeType()) && bd instanceof MaximalBodyDescriptor md
                && "delivery-status".equalsIgnoreCase(String.valueOf(md.getContentTypeParameters().get("report-type"))
                .strip());
    }

    /** Records the returned mail's Message-ID on the report, the first one found. */
    static void note(MessageBuilder report, String messageId) {
        if (report.returnedMessageId.isEmpty() && messageId != null && !messageId.isBlank()) {
            report.returnedMessageId = Optional.of(messageId.strip());
        }
    }

    /** The Message-ID in a header block (RFC 5322 section 2.2.3: folded lines unfolded), or empty. */
    static String messageIdIn(SpooledAttachment headers) {
        byte[] head;
        try (InputStream in = headers.open()) {
            head = in.readNBytes(MAX_HEADER_BYTES);
        } catch (IOException e) {
            return "";
        }
        // header fields are US-ASCII; Latin-1 keeps any stray byte one character
        String unfolded = new String(head, StandardCharsets.ISO_8859_1).replaceAll("\r?\n[ \t]", " ");
        for (String line : unfolded.split("\r?\n")) {
            if (line.isEmpty()) {
                break; // the end of the header
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("message-id")) {
                String body = line.substring(colon + 1);
                return MimeHeaders.ids(body).stream().findFirst().orElse(body.strip());
            }
        }
        return "";
    }
}

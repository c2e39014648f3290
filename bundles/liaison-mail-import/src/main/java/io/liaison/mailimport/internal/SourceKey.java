package io.liaison.mailimport.internal;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The key that makes a mail's import idempotent: its Internet Message-ID, or, for a message without one, a
 * fingerprint of its content. The CRM creates at most one activity per key and employee.
 *
 * <p>The fingerprint hashes what a reader sees, normalised: sender, Date (to the second), subject, body text with
 * white space collapsed, and the hashes of the attachments' contents in sorted order. So a copy of the mail saved
 * again by another client (other transfer encodings, line ends, header folding and order, MIME boundaries) has the
 * same key, where a hash of the raw bytes differed and imported it twice. Attached mails are left out of it: the same
 * forwarded mail is an {@code .eml} in one copy and an Outlook {@code .msg} in another.
 *
 * <p>Mails imported before the fingerprint have the raw-bytes hash as their key ({@link #ofRawBytes}), mails imported
 * before the Message-ID's domain was compared case-insensitively the ID as written: the importer looks that key up too.
 */
final class SourceKey {
    private static final String RAW_PREFIX = "sha256:";
    private static final String CONTENT_PREFIX = "content-sha256:";
    private static final Set<String> MESSAGES = Set.of("message/rfc822", "message/global",
            "application/vnd.ms-outlook");

    private SourceKey() {
    }

    /** The Message-ID with its domain in lower case ({@link MessageIds}), else the content fingerprint. */
    static String of(ParsedMessage message) {
        String id = message.messageId().strip();
        return id.isEmpty() ? ofContent(message) : MessageIds.normalised(id);
    }

    /** The key mails without a Message-ID had before the fingerprint: the SHA-256 of the raw message. */
    static String ofRawBytes(MessageDigest rawDigest) {
        return RAW_PREFIX + HexFormat.of().formatHex(rawDigest.digest());
    }

    static String ofContent(ParsedMessage message) {
        MessageDigest digest = sha256();
        List<String> attachments = new ArrayList<>();
        for (ParsedAttachment attachment : message.attachments()) {
            if (!MESSAGES.contains(attachment.mediaType())) {
                attachments.add(hashOf(attachment));
            }
        }
        attachments.sort(null);
        String fingerprint = String.join("\n", message.from().toLowerCase(Locale.ROOT),
                message.sentAt().map(Instant::getEpochSecond).map(String::valueOf).orElse(""),
                message.subject().strip(), message.text().replaceAll("\\s+", " ").strip(),
                String.join(",", attachments));
        return CONTENT_PREFIX + HexFormat.of().formatHex(digest.digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of an attachment's content; of its type and size when it cannot be read again. */
    private static String hashOf(ParsedAttachment attachment) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(attachment.open(), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return attachment.mediaType() + ":" + attachment.size();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Discards bytes. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}

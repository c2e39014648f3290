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
 * white space collapsed, and the hashes of the attachments' contents in sorted order, attached mails among them (two
 * mails that differ only in the mail they forward are two mails). So a copy of the mail saved again by another client
 * (other transfer encodings, line ends, header folding and order, MIME boundaries) has the same key, where a hash of
 * the raw bytes differed and imported it twice. The price of hashing attached mails as they are: one mail saved as
 * {@code .eml} by one client and as {@code .msg} by another carries its forwarded mail in either format, and the two
 * copies become two activities; a duplicate shows and can be deleted, a wrong merge hid a mail in another's activity.
 *
 * <p>A mail with no subject, no body and no attachment with content (a broken or headerless file, empty MIME parts:
 * sender and date alone are shared by every such mail of one sender and second) has too little content to be told
 * apart by it; its key is the hash of its raw bytes, so that two such files are never one mail.
 *
 * <p>Earlier versions gave other keys, which the importer looks up too ({@link #earlierKeys}): the raw-bytes hash for
 * every mail without Message-ID, a fingerprint that left attached mails out, and a Message-ID as written before its
 * domain was compared case-insensitively.
 */
final class SourceKey {
    private static final String RAW_PREFIX = "sha256:";
    private static final String CONTENT_PREFIX = "content-sha256:";
    private static final Set<String> MESSAGES = Set.of("message/rfc822", "message/global",
            "application/vnd.ms-outlook");

    private SourceKey() {
    }

    /**
     * The Message-ID with its domain in lower case ({@link MessageIds}), else the content fingerprint, else (too little
     * content to tell the mail apart) {@code rawKey}, the hash of its raw bytes.
     */
    static String of(ParsedMessage message, String rawKey) {
        String id = message.messageId().strip();
        if (!id.isEmpty()) {
            return MessageIds.normalised(id);
        }
        return hasContent(message) ? ofContent(message) : rawKey;
    }

    /**
     * The keys earlier versions gave the mail, where they differ from its key, in the order to look them up: for a
     * mail without Message-ID the raw-bytes hash, then the fingerprint without attached mails (only for a mail with
     * content besides them: without, that fingerprint was the same for every such mail of one sender and second); for
     * a Message-ID the ID as written. An activity found by the fingerprint without attached mails may be another mail
     * that differs only in them: {@link #leftOutAttachedMails} tells the importer to check.
     */
    static List<String> earlierKeys(ParsedMessage message, String key, String rawKey) {
        if (!message.messageId().isBlank()) {
            return MessageIds.asWrittenBefore(message.messageId()).stream().toList();
        }
        List<String> keys = new ArrayList<>();
        if (!rawKey.equals(key)) {
            keys.add(rawKey);
        }
        // without attached mails the fingerprint was the same as now: no second pass over the attachments
        if (message.attachments().stream().anyMatch(SourceKey::isMail) && hasContentBesidesAttachedMails(message)) {
            keys.add(fingerprint(message, false));
        }
        return List.copyOf(keys);
    }

    /** Whether {@code key} is a fingerprint that may have left attached mails out (an earlier version's). */
    static boolean leftOutAttachedMails(String key) {
        return key.startsWith(CONTENT_PREFIX);
    }

    /** Whether {@code key} is a content fingerprint ({@link #ofContent}), not a Message-ID or a raw-bytes hash. */
    static boolean isContentFingerprint(String key) {
        return key.startsWith(CONTENT_PREFIX);
    }

    /** The key mails without a Message-ID had before the fingerprint: the SHA-256 of the raw message. */
    static String ofRawBytes(MessageDigest rawDigest) {
        return RAW_PREFIX + HexFormat.of().formatHex(rawDigest.digest());
    }

    static String ofContent(ParsedMessage message) {
        return fingerprint(message, true);
    }

    /**
     * Whether the mail has a subject, a body or a non-empty attachment: what tells two mails of one sender and second
     * apart (an empty part, which the parser keeps as an empty attachment, does not).
     */
    static boolean hasContent(ParsedMessage message) {
        return !message.subject().isBlank() || !message.text().isBlank()
                || message.attachments().stream().anyMatch(a -> a.size() != 0);
    }

    private static boolean hasContentBesidesAttachedMails(ParsedMessage message) {
        return !message.subject().isBlank() || !message.text().isBlank()
                || message.attachments().stream().anyMatch(a -> !isMail(a) && a.size() != 0);
    }

    /** Whether the attachment is a mail of its own (a forwarded {@code .eml} or {@code .msg}). */
    static boolean isMail(ParsedAttachment attachment) {
        return isMail(attachment.mediaType());
    }

    private static String fingerprint(ParsedMessage message, boolean withAttachedMails) {
        MessageDigest digest = sha256();
        List<String> attachments = new ArrayList<>();
        for (ParsedAttachment attachment : message.attachments()) {
            if (!isMail(attachment)) {
                attachments.add(hashOf(attachment));
            } else if (withAttachedMails) {
                attachments.add(hashOfMail(attachment));
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
    static String hashOf(ParsedAttachment attachment) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(attachment.open(), digest)) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return attachment.mediaType() + ":" + attachment.size();
        }
    }

    /**
     * The hash of an attached mail without its carriage returns: a copy of the mail saved again with other line ends
     * (CRLF on the wire, LF in an mbox file; MIME-tools' {@code ak-0696} and {@code mp-msg-rfc822}) carries the same
     * attached mail, whose line ends changed with it.
     */
    private static String hashOfMail(ParsedAttachment attachment) {
        try {
            return hashWithoutCarriageReturns(attachment.open());
        } catch (IOException e) {
            return attachment.mediaType() + ":" + attachment.size();
        }
    }

    /** The SHA-256 of a stream's bytes without its carriage returns, in hex; closes the stream. */
    static String hashWithoutCarriageReturns(InputStream content) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[8192];
        try (InputStream in = content) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\r') {
                        digest.update(buffer, from, i - from);
                        from = i + 1;
                    }
                }
                digest.update(buffer, from, n - from);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether a media type is that of a mail ({@link #isMail}). */
    static boolean isMail(String mediaType) {
        return MESSAGES.contains(mediaType);
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

package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.content.MessageParser;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.crm.DocumentUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * A message read from the groupware and parsed once, with its idempotency key. Closing it releases the
 * spooled attachments.
 *
 * @param ref       the message in its folder
 * @param mediaType the raw message's media type
 * @param message   the parsed content
 * @param sourceKey the Message-ID or content fingerprint ({@link SourceKey})
 * @param original  opens the raw message again, to store it as the original document
 * @param earlierKeys the keys earlier versions gave the message, where they differ, to find an activity imported
 *                    then ({@link SourceKey#earlierKeys}), in the order to look them up
 * @param fingerprint the fingerprint of its whole content ({@link SourceKey#ofContent}), kept with its activity to
 *                    tell a later mail with the same Message-ID from a copy of this one ({@link SameMail})
 */
record ParsedMail(MessageRef ref, String mediaType, ParsedMessage message, String sourceKey,
                  DocumentUpload.Content original, java.util.List<String> earlierKeys, String fingerprint)
        implements AutoCloseable {

    /** Reads the message from the store and parses it; the original is read from the store again when stored. */
    static ParsedMail read(MailStore store, MessageRef ref, MessageParser parser) {
        try (RawMessage raw = store.open(ref.id())) {
            return parse(raw.content(), raw.mediaType(), ref, parser, () -> store.open(ref.id()).content());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message " + ref.name() + ": " + e.getMessage(), e);
        }
    }

    /** Parses a message copied out of the store; the original is stored from the copy. */
    static ParsedMail read(SpooledMessage spooled, MessageRef ref, MessageParser parser) {
        try (InputStream in = spooled.open()) {
            return parse(in, spooled.mediaType(), ref, parser, spooled::open);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message " + ref.name() + ": " + e.getMessage(), e);
        }
    }

    static ParsedMail parse(InputStream content, String mediaType, MessageRef ref, MessageParser parser,
                            DocumentUpload.Content original) throws IOException {
        MessageDigest digest = SourceKey.sha256();
        DigestInputStream digesting = new DigestInputStream(content, digest);
        ParsedMessage message = parser.parse(digesting, mediaType, ref.name());
        // the raw-bytes hash, the key of a message without Message-ID before the content fingerprint, hashes all of
        // it, also what the parser did not need
        digesting.transferTo(SourceKey.OutputStreamSink.INSTANCE);
        String rawKey = SourceKey.ofRawBytes(digest);
        String key = SourceKey.of(message, rawKey);
        // on the parsing thread: the fingerprint reads every attachment once more, unless it is the key already
        String fingerprint = SourceKey.isContentFingerprint(key) ? key : SourceKey.ofContent(message);
        return new ParsedMail(ref, mediaType, message, key, original, SourceKey.earlierKeys(message, key, rawKey),
                fingerprint);
    }

    /**
     * When the mail was received: the store's time, unless the mail's own newest {@code Received} stamp is earlier. A
     * mailbox gets a mail after its last server stamped it, so a later time is a copy's (a file saved or dropped into
     * the import folder long after, whose only time is the file's); the stamp is the mail's arrival then.
     */
    java.util.Optional<java.time.Instant> receivedAt() {
        java.util.Optional<java.time.Instant> stamped = message.receivedAt();
        if (stamped.isPresent() && (ref.receivedAt().isEmpty() || stamped.get().isBefore(ref.receivedAt().get()))) {
            return stamped;
        }
        return ref.receivedAt();
    }

    boolean isOutlook() {
        return RawMessage.OUTLOOK.equals(mediaType);
    }

    @Override
    public void close() {
        message.close();
    }

}

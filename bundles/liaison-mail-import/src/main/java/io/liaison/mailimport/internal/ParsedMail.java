package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.content.MessageParser;
import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A message read from the groupware and parsed once, with its idempotency key. Closing it releases the
 * spooled attachments.
 *
 * @param ref       the message in its folder
 * @param mediaType the raw message's media type
 * @param message   the parsed content
 * @param sourceKey the Message-ID or content hash
 */
record ParsedMail(MessageRef ref, String mediaType, ParsedMessage message, String sourceKey) implements AutoCloseable {

    static ParsedMail read(MailStore store, MessageRef ref, MessageParser parser) {
        try (RawMessage raw = store.open(ref.id())) {
            return parse(raw.content(), raw.mediaType(), ref, parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message " + ref.name() + ": " + e.getMessage(), e);
        }
    }

    static ParsedMail parse(InputStream content, String mediaType, MessageRef ref, MessageParser parser) throws IOException {
        MessageDigest digest = sha256();
        DigestInputStream digesting = new DigestInputStream(content, digest);
        ParsedMessage message = parser.parse(digesting, mediaType, ref.name());
        // The key of a message without Message-ID hashes all of it, also what the parser did not need.
        digesting.transferTo(OutputStreamSink.INSTANCE);
        return new ParsedMail(ref, mediaType, message, SourceKey.of(message.messageId(), digest));
    }

    boolean isOutlook() {
        return RawMessage.OUTLOOK.equals(mediaType);
    }

    @Override
    public void close() {
        message.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}

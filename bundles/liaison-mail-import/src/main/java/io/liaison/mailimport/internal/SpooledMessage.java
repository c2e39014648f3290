package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's raw content, copied once from the groupware into a temporary file (readable by its owner only) by
 * the run's own thread. The message is parsed, on a parsing thread, and stored as the original document from this
 * copy: the groupware is read once per message (one download for a Graph mailbox, not two), and only by one thread,
 * so connectors need not be safe for use by several threads. Closing it deletes the file.
 */
final class SpooledMessage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledMessage.class);

    private final Path file;
    private final String mediaType;

    private SpooledMessage(Path file, String mediaType) {
        this.file = file;
        this.mediaType = mediaType;
    }

    /** Copies the message's content out of the store; a message of any size goes to disk, not to the heap. */
    static SpooledMessage read(MailStore store, MessageRef ref) {
        Path file = null;
        try (RawMessage raw = store.open(ref.id())) {
            file = Files.createTempFile("liaison-mail-", ".raw");
            try (OutputStream out = Files.newOutputStream(file)) {
                raw.content().transferTo(out);
            }
            return new SpooledMessage(file, raw.mediaType());
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot read message " + ref.name() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            delete(file);
            throw e;
        }
    }

    /** The raw message's media type, as the store gave it. */
    String mediaType() {
        return mediaType;
    }

    /** A new stream over the copy; the caller closes it. */
    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary copy of a message ({}): {}", file, e.getMessage());
        }
    }
}

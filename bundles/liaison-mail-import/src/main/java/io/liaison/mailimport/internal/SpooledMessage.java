package io.liaison.mailimport.internal;

import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's raw content, copied once from the groupware by the run's own thread: in memory when it is small (as
 * most mails are; a temporary file costs more to create and delete than a small mail costs to parse), else into a
 * temporary file readable by its owner only. The message is parsed, on a parsing thread, and stored as the original
 * document from this copy: the groupware is read once per message (one download for a Graph mailbox, not two), and
 * only by one thread, so connectors need not be safe for use by several threads. Closing it deletes the file.
 */
final class SpooledMessage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledMessage.class);
    /** The largest message kept in memory; the run prepares a few messages ahead, so this bounds its heap use. */
    static final int MEMORY_LIMIT = 4 * 1024 * 1024;

    /** The copy on disk, or null when it is in {@link #bytes}. */
    private final Path file;
    private final byte[] bytes;
    private final String mediaType;

    private SpooledMessage(Path file, byte[] bytes, String mediaType) {
        this.file = file;
        this.bytes = bytes;
        this.mediaType = mediaType;
    }

    /** Copies the message's content out of the store; a large message goes to disk, not to the heap. */
    static SpooledMessage read(MailStore store, MessageRef ref) {
        Path file = null;
        try (RawMessage raw = store.open(ref.id())) {
            InputStream content = raw.content();
            byte[] head = content.readNBytes(MEMORY_LIMIT + 1);
            if (head.length <= MEMORY_LIMIT) {
                return new SpooledMessage(null, head, raw.mediaType());
            }
            file = Files.createTempFile("liaison-mail-", ".raw");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                content.transferTo(out);
            }
            return new SpooledMessage(file, null, raw.mediaType());
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
        return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
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

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's raw content, copied once from the groupware by the run's own thread: in memory when it is small (as
 * most mails are; a temporary file costs more to create and delete than a small mail costs to parse), else into a
 * temporary file readable by its owner only, in the parser's spool directory, and never more than one byte beyond the
 * parser's size limit. The message is parsed, on a parsing thread, and stored as the original
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

    /**
     * Copies the message's content out of the store, at most {@code maxBytes + 1} bytes: one byte more than the
     * parser reads is enough for it to refuse the message as too large, and a huge message cannot fill the disk.
     *
     * @param directory where a large message's copy goes; empty for the system's temporary directory
     */
    static SpooledMessage read(MailStore store, MessageRef ref, long maxBytes, Optional<Path> directory) {
        long cap = maxBytes >= Long.MAX_VALUE - 1 ? Long.MAX_VALUE : maxBytes + 1;
        Path file = null;
        try (RawMessage raw = store.open(ref.id())) {
            InputStream content = raw.content();
            byte[] head = content.readNBytes((int) Math.min(MEMORY_LIMIT + 1L, cap));
            if (head.length <= MEMORY_LIMIT) {
                return new SpooledMessage(null, head, raw.mediaType());
            }
            file = directory.isPresent() ? Files.createTempFile(directory.get(), "liaison-mail-", ".raw")
                    : Files.createTempFile("liaison-mail-", ".raw");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                copy(content, out, cap - head.length);
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

    private static void copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = max;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            out.write(buffer, 0, n);
            left -= n;
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

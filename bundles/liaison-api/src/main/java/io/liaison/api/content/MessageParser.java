package io.liaison.api.content;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Parses a raw message (MIME or Outlook {@code .msg}) into a {@link ParsedMessage}, within the configured
 * limits of size, nesting depth and time.
 */
@ProviderType
public interface MessageParser {

    /**
     * Parses a message.
     *
     * @param content   the raw bytes; read to the end, not closed
     * @param mediaType {@code message/rfc822} or {@code application/vnd.ms-outlook}
     * @param name      what to call the message in an error (a file name, an id)
     * @throws MessageParseException naming the message and the reason when it cannot be read at all or
     *                               exceeds a limit
     */
    ParsedMessage parse(InputStream content, String mediaType, String name);

    /**
     * How long parsing one message may take. A caller gives the rest of a message's reading (categorising its
     * documents) the same budget, counted from the start of its parse.
     *
     * @since 1.1
     */
    default Duration timeLimit() {
        return Duration.ofSeconds(120);
    }

    /**
     * The largest raw message it reads, in bytes: a caller that copies a message first need not copy more than one
     * byte beyond it (the parser then refuses the message as too large).
     *
     * @since 1.1
     */
    default long sizeLimit() {
        return Long.MAX_VALUE;
    }

    /**
     * Where it keeps temporary files, so that a caller's own temporary copies of messages go there too; empty for
     * the system's temporary directory.
     *
     * @since 1.1
     */
    default Optional<Path> spoolDirectory() {
        return Optional.empty();
    }
}

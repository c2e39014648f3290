package io.liaison.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Extracts a bounded amount of text from a document with Tika: the content is spooled to a temporary file
 * (at most {@code maxBytes}), parsed on a worker ({@link ExtractionWorkers}) within its own time limit and the
 * message's remaining budget, whichever ends first, writing at most {@code maxChars}
 * characters, behind Tika's zip-bomb guard (output/input ratio and nesting). The text of embedded documents (a
 * forwarded mail's attachments) counts within the same bounds. Any failure yields what was extracted so far, or
 * nothing.
 */
final class TextExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);

    /** Reads the text of one document (Tika; a test puts a slow or stuck reader in its place). */
    @FunctionalInterface
    interface TextReader {
        String read(TikaInputStream input, String fileName, String mediaType) throws Exception;
    }

    private final ExtractionWorkers workers;
    private final int maxChars;
    private final long maxBytes;
    private final Duration timeout;
    private final TextReader reader;

    TextExtractor(ExtractionWorkers workers, int maxChars, long maxBytes, Duration timeout) {
        this(workers, maxChars, maxBytes, timeout, null);
    }

    /** @param reader what reads the text; {@code null} for Tika */
    TextExtractor(ExtractionWorkers workers, int maxChars, long maxBytes, Duration timeout, TextReader reader) {
        this.workers = workers;
        this.maxChars = maxChars;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.reader = reader == null ? this::parse : reader;
    }

    /**
     * The text of a document, or why there is none.
     *
     * @param mediaType the type already detected by content (the parser is then chosen by it, not detected
     *                  again), or {@code application/octet-stream}
     * @param deadline  when the time for this document is up (the message's budget); the extraction's own limit
     *                  applies when it comes first
     */
    ExtractionWorkers.Attempt<String> extract(InputStream content, String fileName, String mediaType,
                                              Instant deadline) {
        Duration time = Duration.between(Instant.now(), deadline);
        if (time.compareTo(timeout) > 0) {
            time = timeout;
        }
        if (time.isNegative() || time.isZero()) {
            LOG.debug("No time left to read the text of '{}'; categorised without its text", fileName);
            return ExtractionWorkers.Attempt.failed("no time was left of the message's budget to read the text");
        }
        if (content instanceof SpoolBytesStream inMemory) {
            // an attachment of this bundle kept in memory is handed to Tika as it is
            byte[] bytes = inMemory.bytes();
            return workers.run(fileName, time, () -> reader.read(TikaInputStream.get(bytes), fileName, mediaType),
                    () -> { });
        }
        // a spooled attachment of this bundle is read from its own file; any other stream is copied to one
        boolean ownFile = !(content instanceof SpoolFileStream);
        Path file;
        try {
            file = ownFile ? spool(content) : ((SpoolFileStream) content).file();
        } catch (IOException e) {
            LOG.debug("Could not spool '{}' for text extraction: {}", fileName, e.toString());
            return ExtractionWorkers.Attempt.failed("the document could not be copied for reading its text: "
                    + e.getClass().getSimpleName());
        }
        return workers.run(fileName, time, () -> reader.read(TikaInputStream.get(file), fileName, mediaType), () -> {
            if (ownFile) {
                deleteQuietly(file);
            }
        });
    }

    /** Parses the stream (and closes it). */
    private String parse(TikaInputStream input, String fileName, String mediaType) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        boolean known = mediaType != null && !mediaType.isBlank() && !mediaType.equals("application/octet-stream");
        if (known) {
            metadata.set(Metadata.CONTENT_TYPE, mediaType);
        }
        BodyContentHandler body = new BodyContentHandler(maxChars);
        try (TikaInputStream in = input) {
            SecureContentHandler secure = new SecureContentHandler(body, in);
            secure.setMaximumDepth(100);
            try {
                // a type detected by content already picks the parser; detecting it again costs a second pass
                Parser parser = known ? EmbeddedTika.config().getParser() : EmbeddedTika.autoDetectParser();
                ParseContext context = new ParseContext();
                // for the embedded documents of a container (a forwarded mail's attachments, a PDF's files): without
                // a parser here, Tika would build a new configuration for every such document
                context.set(Parser.class, EmbeddedTika.autoDetectParser());
                parser.parse(in, secure, metadata, context);
            } catch (SAXException e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    return body.toString();
                }
                secure.throwIfCauseOf(e);
                throw e;
            }
        }
        return body.toString();
    }

    private Path spool(InputStream content) throws IOException {
        Path file = Files.createTempFile("liaison-extract-", ".tmp");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < maxBytes && (n = content.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - total))) > 0) {
                out.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return file;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}

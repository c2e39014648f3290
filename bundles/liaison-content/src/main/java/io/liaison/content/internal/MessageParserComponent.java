package io.liaison.content.internal;

import io.liaison.api.content.MessageParseException;
import io.liaison.api.content.MessageParser;
import io.liaison.api.content.ParsedMessage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses MIME messages (mime4j) and Outlook {@code .msg} files (POI), told apart by their first bytes, within
 * configurable limits of size, nesting depth, attachment count, time and text length.
 */
@Component(service = MessageParser.class, configurationPid = MessageParserComponent.PID)
@Designate(ocd = MessageParserComponent.Config.class)
public final class MessageParserComponent implements MessageParser {
    static final String PID = "io.liaison.content.parser";
    private static final Logger LOG = LoggerFactory.getLogger(MessageParserComponent.class);

    /** The limits of message parsing. */
    @ObjectClassDefinition(name = "Liaison message parser", description = "Limits for parsing mails (MIME and Outlook .msg).")
    public @interface Config {
        @AttributeDefinition(name = "Maximum message size (MB)", description = "A larger message is rejected.")
        long maxMessageMegabytes() default 512;

        @AttributeDefinition(name = "Maximum Outlook message size (MB)", description = "A larger Outlook .msg file "
                + "is rejected, as is one whose streams declare more together: the Outlook reader (POI) holds every "
                + "stream of a .msg in memory, so this bounds the heap one .msg can take.")
        long maxOutlookMegabytes() default 64;

        @AttributeDefinition(name = "Maximum nesting depth", description = "Levels of mails attached to mails.")
        int maxNestingDepth() default 10;

        @AttributeDefinition(name = "Maximum attachments", description = "Per message, embedded messages included.")
        int maxAttachments() default 500;

        @AttributeDefinition(name = "Maximum parse time (s)", description = "Per message.")
        int maxParseSeconds() default 120;

        @AttributeDefinition(name = "Maximum body text (characters)",
                description = "Longer text and HTML bodies are cut off, with a problem note.")
        int maxTextCharacters() default 1_000_000;

        @AttributeDefinition(name = "Maximum header fields", description = "Per message or part.")
        int maxHeaderCount() default 1000;

        @AttributeDefinition(name = "Maximum header length (characters)")
        int maxHeaderLength() default 100_000;

        @AttributeDefinition(name = "Maximum line length (characters)")
        int maxLineLength() default 100_000;

        @AttributeDefinition(name = "Spool directory",
                description = "Where attachment contents are kept while a message is in use; empty for the system's temporary directory.")
        String spoolDirectory() default "";
    }

    /** How much of a message is looked at to tell Outlook, MIME and neither apart. */
    private static final int HEAD_BYTES = 8 * 1024;

    private volatile ParseLimits limits;
    private volatile AttachmentSpooler spooler;

    @Activate
    public MessageParserComponent(Config config) {
        modified(config);
    }

    /** For tests and for use outside OSGi. */
    public MessageParserComponent(ParseLimits limits, Path spoolDirectory) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.spooler = new AttachmentSpooler(spoolDirectory);
    }

    @Modified
    void modified(Config config) {
        this.limits = new ParseLimits(config.maxMessageMegabytes() * 1024 * 1024, config.maxNestingDepth(),
                config.maxAttachments(), Duration.ofSeconds(config.maxParseSeconds()), config.maxTextCharacters(),
                config.maxHeaderCount(), config.maxHeaderLength(), config.maxLineLength(),
                config.maxOutlookMegabytes() * 1024 * 1024);
        this.spooler = new AttachmentSpooler(config.spoolDirectory().isBlank() ? null : Path.of(config.spoolDirectory()));
        LOG.debug("Message parser limits: {}", limits);
    }

    @Override
    public ParsedMessage parse(InputStream content, String mediaType, String name) {
        Objects.requireNonNull(content, "content");
        String what = name == null || name.isBlank() ? "(unnamed)" : name;
        ParseRun run = new ParseRun(limits);
        try {
            return EmbeddedTika.withBundleClassLoader(() -> parse(content, run));
        } catch (LimitExceededException e) {
            run.releaseAll();
            throw new MessageParseException("Message '" + what + "' exceeds a limit: " + e.getMessage());
        } catch (MessageParseException e) {
            run.releaseAll();
            throw new MessageParseException("Message '" + what + "': " + e.getMessage(), e.getCause());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a library's own failure on malformed input: the message is unreadable, the caller goes on. An
            // OutOfMemoryError here is an allocation for this message that failed; what it took is garbage now.
            run.releaseAll();
            throw new MessageParseException("Message '" + what + "' cannot be read: " + describe(e), e);
        }
    }

    @Override
    public Duration timeLimit() {
        return limits.maxParseTime();
    }

    @Override
    public long sizeLimit() {
        return limits.maxMessageBytes();
    }

    @Override
    public Optional<Path> spoolDirectory() {
        return spooler.directory();
    }

    private ParsedMessage parse(InputStream content, ParseRun run) {
        LimitedInputStream limited = new LimitedInputStream(content, run);
        BufferedInputStream in = new BufferedInputStream(limited, 64 * 1024);
        try {
            in.mark(HEAD_BYTES);
            byte[] head = in.readNBytes(HEAD_BYTES);
            in.reset();
            if (head.length == 0) {
                throw new MessageParseException("it is empty");
            }
            if (OutlookMessageReader.isOle2(head)) {
                return parseOutlook(in, run);
            }
            if (isBinary(head)) {
                // mime4j reads any bytes as a header-less message; binary bytes are no Internet message
                throw new MessageParseException("not an Internet message: it starts with binary data, "
                        + "neither MIME headers nor an Outlook file");
            }
            return new MimeMessageReader(spooler).read(in, run);
        } catch (MaxHeaderLimitException | MaxLineLimitException e) {
            throw new LimitExceededException(e.getMessage() + " (limits: " + run.limits().maxHeaderCount()
                    + " header fields, " + run.limits().maxHeaderLength() + " characters per field, "
                    + run.limits().maxLineLength() + " characters per line)");
        } catch (MimeException e) {
            throw new MessageParseException("not a readable MIME message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MessageParseException("reading failed: " + describe(e), e);
        }
    }

    private ParsedMessage parseOutlook(InputStream in, ParseRun run) throws IOException {
        Path file = spooler.temporaryFile("liaison-msg-", ".msg");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                copyOutlook(in, out, run.limits().maxOutlookBytes());
            }
            return new OutlookMessageReader(spooler).read(file, run);
        } catch (LimitExceededException | MessageParseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MessageParseException("not a readable Outlook message: " + describe(e), e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void copyOutlook(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw new LimitExceededException("Outlook message larger than the limit of " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
    }

    /** Whether the start of a supposed MIME message holds NUL bytes or mostly control characters. */
    static boolean isBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return control * 10 > head.length;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + TextDecoding.shorten(message));
    }
}

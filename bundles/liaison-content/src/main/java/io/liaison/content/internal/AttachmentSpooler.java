package io.liaison.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.io.TikaInputStream;

/**
 * Keeps attachment content: a small attachment in memory, while the message's memory allowance lasts, any other in
 * a temporary file (never holding it whole in the heap); detects its media type from the bytes and makes up a file
 * name when the message gives none.
 *
 * <p>Why small ones in memory: creating and deleting a temporary file costs more than parsing a small attachment on
 * some file systems (the mail import's benchmark found file creation and deletion to be a third of an import's time
 * on this project's build machine), and most attachments are small.
 */
final class AttachmentSpooler {
    private static final int BUFFER = 64 * 1024;
    /** The largest attachment kept in memory. */
    static final int MEMORY_PER_ATTACHMENT = 1024 * 1024;

    private final Path directory;

    /** @param directory where spool files go; {@code null} for the system's temporary directory */
    AttachmentSpooler(Path directory) {
        this.directory = directory;
    }

    /**
     * Spools one attachment.
     *
     * @param content  its decoded content, read to the end
     * @param fileName the name the message gives, or empty
     * @param index    its number within the message, for a made-up name
     */
    SpooledAttachment spool(InputStream content, String fileName, int index, ParseRun run) throws IOException {
        run.checkAttachmentCount();
        byte[] head = readUpTo(content, MEMORY_PER_ATTACHMENT + 1, run);
        boolean inMemory = head.length <= MEMORY_PER_ATTACHMENT && run.reserveMemory(head.length);
        Path file = null;
        try {
            long size = head.length;
            if (!inMemory) {
                file = temporaryFile("liaison-attachment-", ".tmp");
                try (OutputStream out = Files.newOutputStream(file)) {
                    out.write(head);
                    byte[] buffer = new byte[BUFFER];
                    int n;
                    while ((n = content.read(buffer)) > 0) {
                        out.write(buffer, 0, n);
                        size += n;
                        run.checkDeadline();
                    }
                }
            }
            String mediaType;
            String detected;
            try (TikaInputStream in = inMemory ? TikaInputStream.get(head) : TikaInputStream.get(file)) {
                detected = EmbeddedTika.detect(in, fileName);
                mediaType = EmbeddedTika.publicType(detected, fileName);
            }
            String name = fileName.isBlank() ? madeUpName(index, mediaType) : safeName(fileName);
            SpooledAttachment attachment = inMemory ? SpooledAttachment.inMemory(name, mediaType, head)
                    : new SpooledAttachment(name, mediaType, size, file);
            if (EmbeddedTika.isProtectedOffice(detected)) {
                attachment.noting("attachment '" + name + "' is password-protected: its text cannot be read");
            } else if (mediaType.equals("application/zip")) {
                ZipContents.describe(name, inMemory ? head : null, file, size, run.limits().maxOutlookBytes())
                        .ifPresent(attachment::noting);
            }
            run.addAttachment(attachment);
            return attachment;
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    /** The spool directory; empty for the system's temporary directory. */
    Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** A new empty temporary file in the spool directory (readable by its owner only, as the JDK creates them). */
    Path temporaryFile(String prefix, String suffix) throws IOException {
        return directory == null ? Files.createTempFile(prefix, suffix) : Files.createTempFile(directory, prefix, suffix);
    }

    /** The first {@code limit} bytes of the content (fewer when it ends before). */
    private static byte[] readUpTo(InputStream content, int limit, ParseRun run) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(Math.min(limit, BUFFER));
        byte[] buffer = new byte[Math.min(limit, BUFFER)];
        int n;
        while (head.size() < limit && (n = content.read(buffer, 0, Math.min(buffer.length, limit - head.size()))) > 0) {
            head.write(buffer, 0, n);
            run.checkDeadline();
        }
        return head.toByteArray();
    }

    static String madeUpName(int index, String mediaType) {
        String extension = EmbeddedTika.extensionOf(mediaType);
        return "attachment-" + index + (extension.isEmpty() ? ".bin" : extension.toLowerCase(Locale.ROOT));
    }

    /** The last path segment, without control characters: a name, never a path. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}]", "").strip();
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "attachment" : base;
    }
}

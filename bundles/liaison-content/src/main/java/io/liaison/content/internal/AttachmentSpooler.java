package io.liaison.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.tika.io.TikaInputStream;

/**
 * Writes attachment content to temporary files (never holding it whole in the heap), detects its media type
 * from the bytes, and makes up a file name when the message gives none.
 */
final class AttachmentSpooler {
    private static final int BUFFER = 64 * 1024;

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
        Path file = directory == null ? Files.createTempFile("liaison-attachment-", ".tmp")
                : Files.createTempFile(directory, "liaison-attachment-", ".tmp");
        try {
            long size = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    size += n;
                    run.checkDeadline();
                }
            }
            String mediaType;
            try (TikaInputStream in = TikaInputStream.get(file)) {
                mediaType = EmbeddedTika.detect(in, fileName);
            }
            String name = fileName.isBlank() ? madeUpName(index, mediaType) : safeName(fileName);
            SpooledAttachment attachment = new SpooledAttachment(name, mediaType, size, file);
            run.addAttachment(attachment);
            return attachment;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
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

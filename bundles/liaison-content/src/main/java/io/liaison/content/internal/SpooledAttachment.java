package io.liaison.content.internal;

import io.liaison.api.content.ParsedAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attachment whose content lies in a temporary file, deleted on {@link #close()}, or, when small, in memory
 * (see {@link AttachmentSpooler}).
 */
final class SpooledAttachment implements ParsedAttachment {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledAttachment.class);

    private final String fileName;
    private final String mediaType;
    private final long size;
    /** The spool file, or null when the content is in {@link #bytes}. */
    private final Path file;
    private final byte[] bytes;
    private volatile boolean closed;
    /** What the parser noticed about this attachment (e.g. password-protected), for the message's problems. */
    private String note;
    /** The part's Content-ID without angle brackets, for an HTML body's {@code cid:} references. */
    private String contentId;

    SpooledAttachment(String fileName, String mediaType, long size, Path file) {
        this(fileName, mediaType, size, file, null);
    }

    private SpooledAttachment(String fileName, String mediaType, long size, Path file, byte[] bytes) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.file = file;
        this.bytes = bytes;
    }

    /** An attachment whose content is held in memory. */
    static SpooledAttachment inMemory(String fileName, String mediaType, byte[] bytes) {
        return new SpooledAttachment(fileName, mediaType, bytes.length, null, bytes);
    }

    /** The same spooled content under another name (closing either releases it). */
    SpooledAttachment renamed(String newName) {
        SpooledAttachment renamed = new SpooledAttachment(newName, mediaType, size, file, bytes);
        renamed.note = note;
        renamed.contentId = contentId;
        return renamed;
    }

    /** Notes what the parser noticed about this attachment; returns this attachment. */
    SpooledAttachment noting(String what) {
        this.note = what;
        return this;
    }

    /** Gives the attachment the part's Content-ID (angle brackets and blanks around are dropped). */
    SpooledAttachment withContentId(String id) {
        if (id != null) {
            String bare = id.strip();
            if (bare.startsWith("<") && bare.endsWith(">")) {
                bare = bare.substring(1, bare.length() - 1).strip();
            }
            contentId = bare.isEmpty() ? null : bare;
        }
        return this;
    }

    /** The part's Content-ID, if it has one. */
    java.util.Optional<String> contentId() {
        return java.util.Optional.ofNullable(contentId);
    }

    /** What the parser noticed about this attachment, if anything. */
    java.util.Optional<String> note() {
        return java.util.Optional.ofNullable(note);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        if (closed) {
            throw new IOException("attachment '" + fileName + "' was already released");
        }
        if (file == null) {
            return new SpoolBytesStream(bytes);
        }
        try {
            return new SpoolFileStream(file);
        } catch (NoSuchFileException e) {
            throw new IOException("attachment '" + fileName + "' has lost its spool file " + file, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the spool file {} of an attachment: {}", file, e.toString());
        }
    }

    @Override
    public String toString() {
        return "attachment '" + fileName + "' (" + mediaType + ", " + size + " bytes)";
    }
}

package io.liaison.content.internal;

import io.liaison.api.content.ParsedAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An attachment whose content lies in a temporary file, deleted on {@link #close()}. */
final class SpooledAttachment implements ParsedAttachment {
    private static final Logger LOG = LoggerFactory.getLogger(SpooledAttachment.class);

    private final String fileName;
    private final String mediaType;
    private final long size;
    private final Path file;
    private volatile boolean closed;

    SpooledAttachment(String fileName, String mediaType, long size, Path file) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.file = file;
    }

    /** The same spooled content under another name (closing either releases it). */
    SpooledAttachment renamed(String newName) {
        return new SpooledAttachment(newName, mediaType, size, file);
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
        try {
            return new SpoolFileStream(file);
        } catch (NoSuchFileException e) {
            throw new IOException("attachment '" + fileName + "' has lost its spool file " + file, e);
        }
    }

    @Override
    public void close() {
        closed = true;
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

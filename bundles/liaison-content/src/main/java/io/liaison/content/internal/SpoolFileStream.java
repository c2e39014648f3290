package io.liaison.content.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a spooled attachment, knowing its file: the text extractor of this bundle reads the file
 * directly instead of copying the stream to a file of its own.
 */
final class SpoolFileStream extends FilterInputStream {
    private final Path file;

    SpoolFileStream(Path file) throws IOException {
        super(Files.newInputStream(file));
        this.file = file;
    }

    /** The spool file; owned by the attachment, never to be deleted by a reader. */
    Path file() {
        return file;
    }
}

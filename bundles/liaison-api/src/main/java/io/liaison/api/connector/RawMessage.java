package io.liaison.api.connector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A message's raw bytes as a stream, with its media type: {@link #MIME} for an RFC 5322 message, or
 * {@link #OUTLOOK} for an Outlook {@code .msg} file. Never read whole into memory.
 *
 * @param mediaType {@link #MIME} or {@link #OUTLOOK}
 * @param size      the size in bytes, or -1 when unknown
 * @param content   the bytes; closed with this record
 */
public record RawMessage(String mediaType, long size, InputStream content) implements AutoCloseable {
    /** An Internet message (RFC 5322 / MIME), as in an {@code .eml} file or Graph's {@code $value}. */
    public static final String MIME = "message/rfc822";
    /** An Outlook message in the compound-file format of {@code .msg} files. */
    public static final String OUTLOOK = "application/vnd.ms-outlook";

    public RawMessage {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}

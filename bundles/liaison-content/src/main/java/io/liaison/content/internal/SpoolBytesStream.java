package io.liaison.content.internal;

import java.io.ByteArrayInputStream;

/**
 * The content of an attachment kept in memory, knowing its bytes: the text extractor of this bundle hands them to
 * Tika as they are instead of copying the stream to a file.
 */
final class SpoolBytesStream extends ByteArrayInputStream {
    private final byte[] bytes;

    SpoolBytesStream(byte[] bytes) {
        super(bytes);
        this.bytes = bytes;
    }

    /** The whole content; owned by the attachment, never to be changed by a reader. */
    byte[] bytes() {
        return bytes;
    }
}

package io.liaison.connector.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A valid RFC 5322 message of an exact size, generated on the fly: headers, then a body of printable lines.
 * Two streams with the same parameters give the same bytes, so a test can compare what came back with what
 * went in without holding either in memory.
 */
public final class GeneratedMessage extends InputStream {

    private static final byte[] LINE = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod t\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final byte[] header;
    private final long size;
    private long position;

    private GeneratedMessage(String messageId, String subject, long size) {
        this.header = ("Message-ID: <" + messageId + ">\r\n"
                + "Date: Mon, 5 Jan 2026 09:30:00 +0100\r\n"
                + "From: Max Mustermann <max.mustermann@customer.example>\r\n"
                + "To: Anna Berger <anna.berger@example.com>\r\n"
                + "Subject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        if (size < header.length) {
            throw new IllegalArgumentException("a message needs at least " + header.length + " bytes, not " + size);
        }
        this.size = size;
    }

    /** A message of exactly {@code size} bytes. */
    public static GeneratedMessage of(String messageId, String subject, long size) {
        return new GeneratedMessage(messageId, subject, size);
    }

    /** A small message, as bytes. */
    public static byte[] small(String messageId, String subject) {
        try (GeneratedMessage m = new GeneratedMessage(messageId, subject, 600)) {
            return m.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        int b = byteAt(position);
        position++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) byteAt(position + i);
        }
        position += n;
        return n;
    }

    private int byteAt(long p) {
        if (p < header.length) {
            return header[(int) p];
        }
        long bodyPosition = p - header.length;
        if (size - p <= 2) {
            return size - p == 2 ? '\r' : '\n';
        }
        return LINE[(int) (bodyPosition % LINE.length)];
    }

    /** The SHA-256 of the bytes this message consists of, read from a fresh copy of it. */
    public static String sha256(String messageId, String subject, long size) throws IOException {
        return digest(new GeneratedMessage(messageId, subject, size));
    }

    /** The SHA-256 of a stream's bytes, read in chunks; closes the stream. */
    public static String digest(InputStream in) throws IOException {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies this message to a stream in chunks. */
    public void copyTo(OutputStream out) throws IOException {
        transferTo(out);
    }
}

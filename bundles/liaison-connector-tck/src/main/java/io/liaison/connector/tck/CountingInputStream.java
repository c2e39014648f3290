package io.liaison.connector.tck;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and the largest single read, to show that a stream was streamed. */
public final class CountingInputStream extends FilterInputStream {

    private long count;
    private int reads;

    public CountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
            reads++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            reads++;
        }
        return n;
    }

    /** The bytes read so far. */
    public long count() {
        return count;
    }

    /** How many reads returned data. */
    public int reads() {
        return reads;
    }
}

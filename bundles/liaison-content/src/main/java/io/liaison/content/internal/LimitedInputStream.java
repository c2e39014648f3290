package io.liaison.content.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from the raw message, stops at the size limit, and checks the deadline on every
 * read, so that a slow or endless source cannot hold a parse beyond its time. Never closes the source.
 */
final class LimitedInputStream extends FilterInputStream {
    private final ParseRun run;
    private long count;

    LimitedInputStream(InputStream in, ParseRun run) {
        super(in);
        this.run = run;
    }

    @Override
    public int read() throws IOException {
        before();
        int b = super.read();
        if (b >= 0) {
            after(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        before();
        int n = super.read(b, off, len);
        if (n > 0) {
            after(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        before();
        long skipped = super.skip(n);
        after(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the source
    }

    long count() {
        return count;
    }

    private void before() {
        run.checkDeadline();
    }

    private void after(long n) {
        count += n;
        if (count > run.limits().maxMessageBytes()) {
            throw new LimitExceededException("message larger than the limit of " + run.limits().maxMessageBytes()
                    + " bytes");
        }
    }
}

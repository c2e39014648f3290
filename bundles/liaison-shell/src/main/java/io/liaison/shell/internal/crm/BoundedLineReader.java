package io.liaison.shell.internal.crm;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) keeping at most a fixed number of characters of each, so
 * that a file without line breaks cannot fill the memory. The rest of an over-long line is skipped and
 * {@link #wasCut()} tells so.
 */
final class BoundedLineReader {
    private final Reader reader;
    private final int max;
    private int number;
    private boolean cut;
    private boolean pendingLf;

    BoundedLineReader(Reader reader, int max) {
        this.reader = reader;
        this.max = max;
    }

    /** The next line without its line end, or null at the end of the input. */
    String next() throws IOException {
        StringBuilder sb = new StringBuilder();
        cut = false;
        int c = reader.read();
        if (pendingLf && c == '\n') {
            c = reader.read();
        }
        pendingLf = false;
        if (c == -1) {
            return null;
        }
        number++;
        while (c != -1 && c != '\n' && c != '\r') {
            if (sb.length() < max) {
                sb.append((char) c);
            } else {
                cut = true;
            }
            c = reader.read();
        }
        pendingLf = c == '\r';
        return sb.toString();
    }

    /** The number of the line {@link #next()} returned last, counting from 1. */
    int number() {
        return number;
    }

    /** Whether the last line was longer than the maximum and was cut. */
    boolean wasCut() {
        return cut;
    }
}

package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmException;
import io.liaison.api.domain.DocumentId;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A document's content, read one stored chunk at a time, each with a short read of its own: no connection is held
 * between reads, so a caller that reads slowly (or forgets to close) blocks nothing.
 */
final class ChunkedContentStream extends InputStream {
    private final Jdbc jdbc;
    private final DocumentId document;
    private final long key;
    private final int chunks;
    private int nextChunk;
    private byte[] current = new byte[0];
    private int position;
    private boolean closed;

    ChunkedContentStream(Jdbc jdbc, DocumentId document, long key, int chunks) {
        this.jdbc = jdbc;
        this.document = document;
        this.key = key;
        this.chunks = chunks;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the content of document " + document + " is closed");
        }
        if (len == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (nextChunk >= chunks) {
                return -1;
            }
            current = fetch(nextChunk++);
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return closed ? 0 : current.length - position;
    }

    @Override
    public void close() {
        closed = true;
        current = new byte[0];
    }

    private byte[] fetch(int chunk) throws IOException {
        try {
            return jdbc.read("read document " + document, tx -> {
                try (PreparedStatement ps = tx.prepare(
                        "SELECT content FROM crm_document_chunk WHERE document_id = ? AND chunk_no = ?")) {
                    ps.setLong(1, key);
                    ps.setInt(2, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new CrmException("document " + document + " was deleted while it was being read");
                        }
                        return rs.getBytes(1);
                    }
                }
            });
        } catch (CrmException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

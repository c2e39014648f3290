package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.DocumentStore;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.Classification;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.DocumentId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.NewDocument;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Documents attached to activities. The content is stored in chunks of {@link #CHUNK_SIZE} bytes, written as it is
 * read from the caller's stream and read back chunk by chunk, so a document of any size costs one chunk of memory.
 */
final class JdbcDocumentStore implements DocumentStore {
    static final int CHUNK_SIZE = 1024 * 1024;

    private final Jdbc jdbc;

    JdbcDocumentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Document attach(EmployeeId actor, ActivityId activity, NewDocument document, InputStream content) {
        String item = "document '" + document.fileName() + "' of activity " + activity;
        return jdbc.write("attach " + item, tx -> {
            long activityKey = Ids.parse(activity.value()).orElseThrow(() -> activityNotFound(activity));
            try (PreparedStatement ps = tx.prepare("SELECT 1 FROM crm_activity WHERE id = ?")) {
                ps.setLong(1, activityKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw activityNotFound(activity);
                    }
                }
            }
            return store(tx, activityKey, document, content, item);
        });
    }

    /**
     * Stores a document with an activity that exists, in the caller's transaction: the row, the content in chunks,
     * the keywords. The document returned is the one written, not re-read.
     */
    static Document store(Jdbc.Tx tx, long activityKey, NewDocument document, InputStream content, String item)
            throws SQLException {
        // the first chunk is read before the row is written: most documents fit in it, so their size is known
        // at once and the row needs no second write
        byte[] first = readChunk(content, item, 0);
        long id;
        Instant createdAt = Jdbc.now();
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO crm_document (activity_id, file_name, "
                + "media_type, size_bytes, category, created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, activityKey);
            ps.setString(2, document.fileName());
            ps.setString(3, document.mediaType());
            ps.setLong(4, first.length);
            ps.setString(5, document.classification().category());
            Jdbc.setInstant(ps, 6, createdAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong("id");
            }
        }
        long size = writeChunks(tx, id, first, content, item);
        if (size != first.length) {
            try (PreparedStatement ps = tx.prepare("UPDATE crm_document SET size_bytes = ? WHERE id = ?")) {
                ps.setLong(1, size);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        writeKeywords(tx, id, document.classification().keywords());
        return new Document(new DocumentId(Ids.format(id)), new ActivityId(Ids.format(activityKey)),
                document.fileName(), document.mediaType(), size, document.classification(), createdAt);
    }

    /** Up to one chunk of the content; shorter only at its end. */
    private static byte[] readChunk(InputStream content, String item, long before) {
        try {
            return content.readNBytes(CHUNK_SIZE);
        } catch (IOException e) {
            throw new CrmException("attach " + item + " failed: reading the content failed after " + before
                    + " bytes: " + e.getMessage(), e);
        }
    }

    private static long writeChunks(Jdbc.Tx tx, long id, byte[] first, InputStream content, String item)
            throws SQLException {
        long size = 0;
        try (PreparedStatement ps = tx.prepare("INSERT INTO crm_document_chunk (document_id, chunk_no, content) VALUES (?, ?, ?)")) {
            int chunk = 0;
            byte[] data = first;
            while (data.length > 0) {
                ps.setLong(1, id);
                ps.setInt(2, chunk++);
                ps.setBytes(3, data);
                ps.executeUpdate();
                size += data.length;
                if (data.length < CHUNK_SIZE) {
                    break;
                }
                data = readChunk(content, item, size);
            }
        }
        return size;
    }

    @Override
    public List<Document> list(EmployeeId actor, ActivityId activity) {
        Optional<Long> key = Ids.parse(activity.value());
        if (key.isEmpty()) {
            throw activityNotFound(activity);
        }
        return jdbc.read("list the documents of activity " + activity, tx -> {
            try (PreparedStatement ps = tx.prepare("SELECT 1 FROM crm_activity WHERE id = ?")) {
                ps.setLong(1, key.get());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw activityNotFound(activity);
                    }
                }
            }
            return load(tx, "SELECT id, activity_id, file_name, media_type, size_bytes, category, created_at FROM crm_document "
                    + "WHERE activity_id = ? ORDER BY id", key.get());
        });
    }

    @Override
    public InputStream open(EmployeeId actor, DocumentId document) {
        long key = Ids.parse(document.value()).orElseThrow(() -> notFound(document));
        int chunks = jdbc.read("open document " + document, tx -> {
            try (PreparedStatement ps = tx.prepare("SELECT (SELECT COUNT(*) FROM crm_document_chunk c WHERE c.document_id = d.id) "
                    + "FROM crm_document d WHERE d.id = ?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(document);
                    }
                    return rs.getInt(1);
                }
            }
        });
        return new ChunkedContentStream(jdbc, document, key, chunks);
    }

    @Override
    public Document classify(EmployeeId actor, DocumentId document, Classification classification) {
        return jdbc.write("classify document " + document, tx -> {
            long key = Ids.parse(document.value()).orElseThrow(() -> notFound(document));
            try (PreparedStatement ps = tx.prepare("UPDATE crm_document SET category = ? WHERE id = ?")) {
                ps.setString(1, classification.category());
                ps.setLong(2, key);
                if (ps.executeUpdate() == 0) {
                    throw notFound(document);
                }
            }
            try (PreparedStatement ps = tx.prepare("DELETE FROM crm_document_keyword WHERE document_id = ?")) {
                ps.setLong(1, key);
                ps.executeUpdate();
            }
            writeKeywords(tx, key, classification.keywords());
            return load(tx, "SELECT id, activity_id, file_name, media_type, size_bytes, category, created_at FROM crm_document "
                    + "WHERE id = ?", key).get(0);
        });
    }

    private static void writeKeywords(Jdbc.Tx tx, long id, List<String> keywords) throws SQLException {
        if (keywords.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepare(
                "INSERT INTO crm_document_keyword (document_id, sort_order, keyword) VALUES (?, ?, ?)")) {
            int order = 0;
            for (String k : keywords) {
                ps.setLong(1, id);
                ps.setInt(2, order++);
                ps.setString(3, k);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private record Row(long id, long activity, String fileName, String mediaType, long size, String category,
                       Instant createdAt) {
    }

    private static List<Document> load(Jdbc.Tx tx, String sql, long parameter) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = tx.prepare(sql)) {
            ps.setLong(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), Jdbc.instant(rs, "created_at").orElseThrow()));
                }
            }
        }
        Map<Long, List<String>> keywords = new LinkedHashMap<>();
        for (List<Row> part : Jdbc.partition(rows)) {
            try (PreparedStatement ps = tx.prepare("SELECT document_id, keyword FROM crm_document_keyword WHERE document_id IN ("
                    + Jdbc.placeholders(part.size()) + ") ORDER BY document_id, sort_order")) {
                int i = 1;
                for (Row r : part) {
                    ps.setLong(i++, r.id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keywords.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        List<Document> result = new ArrayList<>();
        for (Row r : rows) {
            result.add(new Document(new DocumentId(Ids.format(r.id())), new ActivityId(Ids.format(r.activity())), r.fileName(),
                    r.mediaType(), r.size(), new Classification(r.category(), keywords.getOrDefault(r.id(), List.of())),
                    r.createdAt()));
        }
        return result;
    }

    private static CrmNotFoundException notFound(DocumentId id) {
        return new CrmNotFoundException("document " + id + " does not exist");
    }

    private static CrmNotFoundException activityNotFound(ActivityId id) {
        return new CrmNotFoundException("activity " + id + " does not exist");
    }
}

package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each host-CRM call as one JDBC transaction, maps SQL failures to {@link CrmException}s that name the
 * call, and hands the changes a write recorded to the {@link CrmChangeListener} once the transaction committed.
 */
final class Jdbc {
    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
    private static final String UNIQUE_VIOLATION = "23505";

    /** The body of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** One open transaction: its connection, and the changes to announce after the commit. */
    static final class Tx {
        private final Connection connection;
        private final Set<String> knownCatalogEntries;
        private final List<CrmChange> changes = new ArrayList<>();

        private Tx(Connection connection, Set<String> knownCatalogEntries) {
            this.connection = connection;
            this.knownCatalogEntries = knownCatalogEntries;
        }

        /**
         * The status keys and activity types ({@code "S:key"}, {@code "T:key"}) this CRM has seen in the catalog:
         * the catalog only grows (entries are added or relabelled, never removed), so one seen stays valid.
         */
        Set<String> knownCatalogEntries() {
            return knownCatalogEntries;
        }

        Connection connection() {
            return connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            return connection.prepareStatement(sql);
        }

        /** Announces a change once (and only if) this transaction commits. */
        void announce(CrmChange change) {
            changes.add(change);
        }
    }

    /** Thrown when a write hit a unique constraint; callers that race on purpose catch it and re-read. */
    static final class DuplicateKeyException extends CrmException {
        private static final long serialVersionUID = 1L;

        DuplicateKeyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DataSource dataSource;
    private final CrmChangeListener listener;
    private final Set<String> knownCatalogEntries = ConcurrentHashMap.newKeySet();

    Jdbc(DataSource dataSource, CrmChangeListener listener) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs a read on a connection of its own. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(new Tx(c, knownCatalogEntries));
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs a write as one transaction; committed changes go to the listener afterwards. */
    <T> T write(String what, Work<T> work) {
        Tx tx;
        T result;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                tx = new Tx(c, knownCatalogEntries);
                result = work.run(tx);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, what, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
        for (CrmChange change : tx.changes) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                LOG.warn("Announcing {} failed: {}", change, e.toString());
            }
        }
        return result;
    }

    private static void rollback(Connection c, String what, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
            LOG.warn("Rolling back '{}' failed: {}", what, e.getMessage());
        }
    }

    private static CrmException failure(String what, SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new DuplicateKeyException(what + " failed: a unique key is already taken (" + e.getMessage() + ")", e);
        }
        return new CrmException(what + " failed: " + e.getMessage(), e);
    }

    /** Now, to the precision both H2 and PostgreSQL keep, so that what a write returns equals what a read returns. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(index, OffsetDateTime.ofInstant(value.get(), ZoneOffset.UTC));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        setInstant(ps, index, Optional.of(value));
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    static void setString(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    static void setLong(PreparedStatement ps, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.get());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    static Optional<String> string(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Optional<Long> longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** The list in parts small enough for one IN list each. */
    static <T> List<List<T>> partition(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            parts.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return parts;
    }

    /** Reads the rows of one IN list of ids. */
    @FunctionalInterface
    interface PartQuery<T> {
        List<T> query(String inList, List<Object> ids) throws SQLException;
    }

    /**
     * The items with these ids that exist, in the order of the ids: read in IN lists of at most 500, each with
     * {@code query} given the {@code ?, ?} list and its parameters.
     */
    static <T> List<T> byIdsInOrder(java.util.Collection<Long> ids, java.util.function.Function<T, String> idOf,
                                    PartQuery<T> query) throws SQLException {
        java.util.Map<String, T> found = new java.util.HashMap<>();
        for (List<Long> part : partition(List.copyOf(ids))) {
            for (T item : query.query(placeholders(part.size()), List.copyOf(part))) {
                found.put(idOf.apply(item), item);
            }
        }
        List<T> result = new ArrayList<>();
        for (Long id : ids) {
            T item = found.get(Ids.format(id));
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} parameters. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** A LIKE pattern that finds {@code part} anywhere, with LIKE's wildcards in it taken literally (ESCAPE '\'). */
    static String containsPattern(String part) {
        StringBuilder b = new StringBuilder("%");
        for (char ch : part.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.append('%').toString();
    }
}

package io.liaison.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the runtime's stores: portable timestamps, transactions, bounded text. */
final class Sql {

    private Sql() {
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work on a connection of its own in auto-commit mode. */
    static <T> T query(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    static <T> T transaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** The time stored for an instant: microseconds, the finest both H2 and PostgreSQL keep. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setObject(index, null);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC));
        }
    }

    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof OffsetDateTime odt) {
            return Optional.of(odt.toInstant());
        }
        if (value instanceof Timestamp ts) {
            return Optional.of(ts.toInstant());
        }
        return Optional.of(row.getObject(column, OffsetDateTime.class).toInstant());
    }

    static Instant requiredInstant(ResultSet row, String column) throws SQLException {
        return instant(row, column).orElseThrow(() -> new SQLException("column " + column + " is null"));
    }

    /**
     * Cuts text to at most {@code maxLength} characters at the end of a word (or mid-word when the first word alone is
     * longer than half of it), marked with an ellipsis: what the journal keeps of a label or a reason, short enough
     * to keep no more personal data than it needs, still readable.
     */
    static String shortened(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        String cut = text.substring(0, maxLength - 1);
        int space = -1;
        for (int i = cut.length(); i > maxLength / 2; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                space = i;
                break;
            }
        }
        return (space > 0 ? cut.substring(0, space).stripTrailing() : cut) + "…";
    }

    /** Cuts text to a column's length, so that a long message never fails a journal write. */
    static String bounded(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        return text.substring(0, maxLength - 1) + "…";
    }

    /** Whether a failure is a unique or primary key violation (SQLState class 23). */
    static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}

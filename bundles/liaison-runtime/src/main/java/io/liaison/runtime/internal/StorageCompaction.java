package io.liaison.runtime.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes deleted rows unreadable in the database's storage, after an erasure.
 *
 * <p>H2 (2.3, MVStore) writes copy-on-write chunks: a deleted row stays in the file, readable with any text viewer,
 * until its chunk is rewritten, and with {@code WRITE_DELAY=0} no background thread ever rewrites it while the database
 * is open. {@code SHUTDOWN COMPACT} would rewrite the file but closes the database under every pooled connection and
 * every run under way; the MVStore's {@code compactFile} (what H2 does when it closes) fails an assertion of H2's
 * own when called on an open database. What works online is what H2's background writer does when it has one: the
 * MVStore's {@code compact(fillRate, bytes)}, which rewrites the live pages of sparse chunks into new ones, here with
 * the retention time set to 0 meanwhile so that the emptied chunks are freed at once and a checkpoint cuts them off
 * the file's end. Measured on 2.3.232: a 4.1 MB file holding a deleted row's text was 45 KB without it after three
 * rounds, with a second connection open (and H2's assertions on). H2 exports no package for it
 * ({@code org.h2.engine}, {@code org.h2.mvstore.db} are private to its bundle), so it is reached through the
 * connection's public methods by reflection, which needs no import and leaves PostgreSQL installations without H2.
 *
 * <p>PostgreSQL: {@code VACUUM} of the tables touched marks the deleted rows' space free for reuse (and truncates
 * empty pages at the end); {@code VACUUM FULL} would rewrite the tables but locks them against the runs.
 */
final class StorageCompaction {
    /**
     * Rounds of H2's online compaction: measured on 2.3.232, a deleted row's text was still in the file after two
     * rounds and gone after the third (the chunks the first rounds rewrote are freed and the file cut at the third).
     */
    static final int H2_ROUNDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(StorageCompaction.class);

    private final DataSource dataSource;

    StorageCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Compacts after rows of {@code tables} were deleted.
     *
     * @return what was done, for the administrator
     */
    String compact(List<String> tables) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.toLowerCase(Locale.ROOT).contains("h2")) {
                return compactH2(connection);
            }
            if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
                return vacuum(connection, tables);
            }
            return "not compacted: " + product + " is not a database Liaison knows how to compact";
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Compacting the runtime database after an erasure failed; the deleted rows may stay readable in"
                    + " its storage until it is compacted (README \"Personal data\"): {}", e.toString());
            return "not compacted: " + e;
        }
    }

    private static String compactH2(Connection connection) throws SQLException, ReflectiveOperationException {
        // a pool's connection hands out the driver's own: the H2 JdbcConnection is a java.sql.Connection
        Object h2 = connection.unwrap(Connection.class);
        Object store = call(call(call(call(h2, "getSession"), "getDatabase"), "getStore"), "getMvStore");
        Object fileStore = call(store, "getFileStore");
        if (fileStore == null) {
            return "H2 in memory: nothing kept on disk";
        }
        Method compact = store.getClass().getMethod("compact", int.class, int.class);
        long before = (Long) call(fileStore, "size");
        long started = System.nanoTime();
        int retention = (Integer) call(store, "getRetentionTime");
        try (Statement statement = connection.createStatement()) {
            // chunks a compaction empties are freed at once instead of after the retention time, so that the
            // next rounds write over them and the file's end can be cut off
            statement.execute("SET RETENTION_TIME 0");
            try {
                for (int round = 0; round < H2_ROUNDS; round++) {
                    compact.invoke(store, 100, Integer.MAX_VALUE);
                    statement.execute("CHECKPOINT SYNC");
                }
            } finally {
                statement.execute("SET RETENTION_TIME " + retention);
            }
        }
        long after = (Long) call(fileStore, "size");
        return "H2 file compacted online: " + before + " -> " + after + " bytes in "
                + (System.nanoTime() - started) / 1_000_000 + " ms";
    }

    private static String vacuum(Connection connection, List<String> tables) throws SQLException {
        // VACUUM refuses to run inside a transaction block
        connection.setAutoCommit(true);
        List<String> vacuumed = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                // another bundle's tables (the duplicate index's) may live in another database
                if (exists(connection, table)) {
                    statement.execute("VACUUM " + table);
                    vacuumed.add(table);
                }
            }
        }
        return "PostgreSQL: VACUUM of " + String.join(", ", vacuumed);
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet found = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return found.next();
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }
}

package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC index on a real PostgreSQL, beside another module's tables, migrated twice. */
class JdbcMatchKeyIndexOnPostgresTest extends MatchKeyIndexContract {
    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    MatchKeyIndex index() {
        DataSource ds = freshDatabase();
        IndexSchema.migrate(ds);
        return new JdbcMatchKeyIndex(ds);
    }

    private static DataSource freshDatabase() {
        String name = "liaison_" + (++databases);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Test
    void upgradingAV1IndexEmptiesItSoThatItIsRebuiltWithTheStoredKeys() throws SQLException {
        JdbcMatchKeyIndexOnH2Test.assertUpgradeFromV1(freshDatabase());
    }

    @Test
    void aCopyInMemoryLoadsTheTablesInBatchesAfterARestart() {
        CachedMatchKeyIndexTest.assertRestartLoadsTheTables(freshDatabase());
    }

    @Test
    void migratesBesideOtherModulesTablesAndOnlyOnce() throws SQLException {
        DataSource ds = freshDatabase();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE other_module_table (id INTEGER)");
        }
        IndexSchema.migrate(ds);
        IndexSchema.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT COUNT(*) FROM " + IndexSchema.HISTORY_TABLE + " WHERE success AND version IN ('1', '2')")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(2);
        }
        assertThat(new JdbcMatchKeyIndex(ds).size()).isZero();
    }
}

package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The storage contract on a real PostgreSQL (embedded, started once for the class). */
class PostgresRuntimeStorageTest extends RuntimeStorageContract {
    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // a table of another bundle already there: the runtime's migrations must still all apply
            s.execute("CREATE TABLE someone_elses_table (id INTEGER PRIMARY KEY)");
        }
        RuntimeDatabase.migrate(dataSource);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    DataSource emptyDataSource() throws Exception {
        String name = "empty_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Test
    void migratesBesideAnotherBundlesTables() throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet tables = c.getMetaData().getTables(null, "public", "liaison_%", new String[] {"TABLE"})) {
            int count = 0;
            while (tables.next()) {
                count++;
            }
            assertThat(count).as("the runtime's tables, V10 liaison_groupware_preferences the newest").isEqualTo(12);
        }
    }
}

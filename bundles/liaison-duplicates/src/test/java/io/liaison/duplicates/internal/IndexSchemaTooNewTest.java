package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, point 7: an older duplicate index refuses a schema a newer Liaison migrated (Flyway alone only warns),
 * and changes nothing.
 */
class IndexSchemaTooNewTest {

    private static int historyRows(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + IndexSchema.HISTORY_TABLE + "\"")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void anOlderIndexRefusesASchemaANewerLiaisonMigrated() throws SQLException {
        DataSource ds = JdbcMatchKeyIndexOnH2Test.h2();
        IndexSchema.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"" + IndexSchema.HISTORY_TABLE + "\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") VALUES (99, '99', 'from a newer liaison', 'SQL', 'V99__from_a_newer_liaison.sql',"
                    + " 1, 'sa', 1, TRUE)");
        }
        int rows = historyRows(ds);

        assertThatThrownBy(() -> IndexSchema.migrate(ds))
                .isInstanceOf(IndexSchema.SchemaTooNewException.class)
                .hasMessageContaining("duplicate index")
                .hasMessageContaining("at version 99")
                .hasMessageContaining("restore the backup");
        assertThat(historyRows(ds)).isEqualTo(rows);
    }
}

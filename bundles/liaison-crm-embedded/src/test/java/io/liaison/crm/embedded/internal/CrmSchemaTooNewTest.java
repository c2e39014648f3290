package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, point 7: an older embedded CRM refuses a schema a newer Liaison migrated (Flyway alone only warns, and the
 * older code then fails on its first statement that meets a changed table), and changes nothing.
 */
class CrmSchemaTooNewTest {

    /** What a newer Liaison's migration V99 leaves in the history table. */
    static void recordFutureMigration(DataSource ds, String historyTable) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"" + historyTable + "\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from a newer liaison', 'SQL', 'V99__from_a_newer_liaison.sql', 1, 'sa', 1,"
                    + " TRUE)");
        }
    }

    static int historyRows(DataSource ds, String historyTable) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + historyTable + "\"")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void anOlderCrmRefusesASchemaANewerLiaisonMigrated() throws SQLException {
        DataSource ds = Databases.h2();
        CrmSchema.migrate(ds);
        recordFutureMigration(ds, CrmSchema.HISTORY_TABLE);
        int rows = historyRows(ds, CrmSchema.HISTORY_TABLE);

        assertThatThrownBy(() -> CrmSchema.migrate(ds))
                .isInstanceOf(CrmSchema.SchemaTooNewException.class)
                .hasMessageContaining("at version 99")
                .hasMessageContaining("its newest migration is ")
                .hasMessageContaining("restore the backup");
        assertThatThrownBy(() -> new JdbcHostCrm(ds)).isInstanceOf(CrmSchema.SchemaTooNewException.class);
        assertThat(historyRows(ds, CrmSchema.HISTORY_TABLE)).isEqualTo(rows);
    }

    @Test
    void theSameVersionStartsAgain() {
        DataSource ds = Databases.h2();
        CrmSchema.migrate(ds);
        CrmSchema.migrate(ds);
    }
}

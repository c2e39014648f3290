package io.liaison.duplicates.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the duplicate check's tables with the Flyway embedded in this bundle, keeping its own
 * history table so that it lives beside the other Liaison modules' tables in one database.
 */
public final class IndexSchema {
    /** The Flyway history table of this module. */
    public static final String HISTORY_TABLE = "flyway_history_duplicates";

    private IndexSchema() {
    }

    /** Brings the schema up to date. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(IndexSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration/duplicates")
                // the database holds other modules' tables: start our history at 0 so that V1 runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}

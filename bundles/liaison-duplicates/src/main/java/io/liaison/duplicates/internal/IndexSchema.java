package io.liaison.duplicates.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Creates and migrates the duplicate check's tables with the Flyway embedded in this bundle, keeping its own
 * history table so that it lives beside the other Liaison modules' tables in one database.
 */
public final class IndexSchema {
    /** The Flyway history table of this module. */
    public static final String HISTORY_TABLE = "flyway_history_duplicates";

    private IndexSchema() {
    }

    /**
     * Brings the schema up to date.
     *
     * @throws SchemaTooNewException when a newer Liaison already migrated the schema past this code's newest
     *                               migration; nothing is changed then
     */
    public static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(IndexSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration/duplicates")
                // the database holds other modules' tables: start our history at 0 so that V1 runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        refuseNewerSchema(flyway);
        flyway.migrate();
    }

    /**
     * An older Liaison started against a schema a newer one migrated: Flyway by default only warns about such
     * "future" migrations and goes on, and the older code then fails on its first statement that meets a changed
     * table. This stops the start instead, before anything is written, naming both versions (as the runtime does).
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationVersion> newestApplied = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (newestApplied.isEmpty()) {
            return;
        }
        String newestKnown = Arrays.stream(all)
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
        throw new SchemaTooNewException("The duplicate index's schema (" + HISTORY_TABLE + ") is at version "
                + newestApplied.get().getVersion() + ", newer than this Liaison knows (its newest migration is "
                + newestKnown + "): a newer Liaison has upgraded it. Start that newer version, or restore the backup"
                + " taken before the upgrade; an older Liaison does not run against a newer schema.");
    }

    /** The schema was migrated by a newer Liaison than this one. */
    public static final class SchemaTooNewException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SchemaTooNewException(String message) {
            super(message);
        }
    }
}

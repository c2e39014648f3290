package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the embedded CRM's tables with the Flyway embedded in this bundle, keeping its history in
 * {@code flyway_history_crm} so that it can share a database with other Liaison bundles.
 */
public final class CrmSchema {
    /** The Flyway history table of this bundle. */
    public static final String HISTORY_TABLE = "flyway_history_crm";
    /** Where the migrations live, on the class path and in the bundle. */
    public static final String LOCATION = "classpath:io/liaison/crm/embedded/migration";

    private static final Logger LOG = LoggerFactory.getLogger(CrmSchema.class);

    private CrmSchema() {
    }

    /**
     * Brings the schema to the newest version; does nothing when it is there already.
     *
     * @throws SchemaTooNewException when a newer Liaison already migrated the schema past this code's newest
     *                               migration; nothing is changed then
     */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, null);
    }

    /** Brings the schema to {@code target} (a version such as "1"), or to the newest version when null. */
    static void migrate(DataSource dataSource, String target) {
        try {
            var config = Flyway.configure(CrmSchema.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // a database that other bundles already use has tables but not ours: start from nothing
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .placeholders(placeholders(dataSource));
            if (target != null) {
                config = config.target(target);
            }
            Flyway flyway = config.load();
            refuseNewerSchema(flyway);
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Embedded CRM schema migrated from version {} to {} ({} migrations)",
                        result.initialSchemaVersion, result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new CrmException("migrating the embedded CRM's schema failed: " + e.getMessage(), e);
        }
    }

    /** The large text and binary types of the database at hand. */
    private static Map<String, String> placeholders(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new CrmException("connecting to the embedded CRM's database failed: " + e.getMessage(), e);
        }
        if (product.contains("postgres")) {
            return Map.of("text_type", "TEXT", "blob_type", "BYTEA");
        }
        if (!product.contains("h2")) {
            LOG.warn("The embedded CRM is tested on H2 and PostgreSQL, not on {}; using CLOB and BLOB", product);
        }
        return Map.of("text_type", "CLOB", "blob_type", "BLOB");
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
        throw new SchemaTooNewException("The embedded CRM's schema (" + HISTORY_TABLE + ") is at version "
                + newestApplied.get().getVersion() + ", newer than this Liaison knows (its newest migration is "
                + newestKnown + "): a newer Liaison has upgraded it. Start that newer version, or restore the backup"
                + " taken before the upgrade; an older Liaison does not run against a newer schema.");
    }

    /** The schema was migrated by a newer Liaison than this one. */
    public static final class SchemaTooNewException extends CrmException {
        private static final long serialVersionUID = 1L;

        SchemaTooNewException(String message) {
            super(message);
        }
    }
}

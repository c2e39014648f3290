package io.liaison.runtime.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's database: the DataSource named by configuration, with the runtime's tables created and
 * upgraded by Flyway (history table {@value #HISTORY_TABLE}) before any store uses it.
 */
@Component(service = RuntimeDatabase.class, configurationPid = RuntimeConfig.PID)
public class RuntimeDatabase {
    /** Flyway's history table for the runtime's own migrations. */
    public static final String HISTORY_TABLE = "flyway_history_runtime";
    static final String LOCATION = "classpath:db/runtime";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeDatabase.class);

    private final DataSource dataSource;

    /** Migrates the schema of the given DataSource (also the constructor tests use). */
    @Activate
    public RuntimeDatabase(@Reference(name = "dataSource", target = "(dataSourceName=liaison)") DataSource dataSource) {
        this.dataSource = dataSource;
        try {
            migrate(dataSource);
        } catch (SchemaTooNewException e) {
            // said plainly once, beside the activation failure SCR logs
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /**
     * A changed runtime configuration that keeps the DataSource (the PID is shared with the scheduling and the
     * accounts): nothing to do, and no restart of the database and everything that uses it. A new DataSource
     * filter rebinds the reference, which DS does by starting the component again.
     */
    @Modified
    void modified() {
        LOG.debug("Runtime configuration changed; the runtime database stays as it is");
    }

    /** The DataSource, migrated. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Creates or upgrades the runtime's tables. A database that already holds other tables (another bundle's)
     * is baselined at version 0, so that the runtime's migrations still all apply.
     *
     * @throws SchemaTooNewException when a newer Liaison already migrated the schema past this code's newest
     *                               migration; nothing is changed then
     */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, Optional.empty(), List.of(LOCATION));
    }

    /** For tests: migrates up to {@code target} (else the newest), with the migrations found at {@code locations}. */
    static void migrate(DataSource dataSource, Optional<String> target, List<String> locations) {
        FluentConfiguration configuration = Flyway.configure(RuntimeDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("0");
        target.ifPresent(configuration::target);
        Flyway flyway = configuration.load();
        refuseNewerSchema(flyway);
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Liaison runtime schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } else {
            LOG.debug("Liaison runtime schema is up to date");
        }
    }

    /**
     * An older Liaison started against a schema a newer one migrated: Flyway by default only logs a warning about
     * such "future" migrations and goes on, and the older code then fails on its first insert or select of a column
     * that changed. This stops the start instead, before anything is written, naming both versions.
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
        throw new SchemaTooNewException("The runtime database's schema (" + HISTORY_TABLE + ") is at version "
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

package io.liaison.runtime.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
    private static final String LOCATION = "classpath:db/runtime";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeDatabase.class);

    private final DataSource dataSource;

    /** Migrates the schema of the given DataSource (also the constructor tests use). */
    @Activate
    public RuntimeDatabase(@Reference(name = "dataSource", target = "(dataSourceName=liaison)") DataSource dataSource) {
        this.dataSource = dataSource;
        migrate(dataSource);
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
     */
    public static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(RuntimeDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Liaison runtime schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } else {
            LOG.debug("Liaison runtime schema is up to date");
        }
    }
}

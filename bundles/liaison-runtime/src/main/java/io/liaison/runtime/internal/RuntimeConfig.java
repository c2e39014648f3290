package io.liaison.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The runtime's configuration (PID {@value #PID}), shared by its components: where the vault key lives,
 * which DataSource holds the runtime's tables and how many scheduled runs may go at once.
 */
@ObjectClassDefinition(id = RuntimeConfig.PID, name = "Liaison runtime",
        description = "Groupware accounts, credentials vault, sync journal and scheduled sync runs.")
public @interface RuntimeConfig {

    /** The configuration PID of every runtime component. */
    String PID = "io.liaison.runtime";

    /** The default location of the vault key, below Karaf's data directory. */
    String DEFAULT_KEY_FILE = "${karaf.data}/liaison/vault.key";

    @AttributeDefinition(name = "Vault key file",
            description = "File holding the 256-bit key that encrypts the accounts' credentials. Created on first "
                    + "start with owner-only permissions. Keep it out of the database backups' reach, and back it "
                    + "up: without it the stored credentials cannot be read. ${karaf.data} is expanded.")
    String vault_keyFile() default DEFAULT_KEY_FILE;

    @AttributeDefinition(name = "DataSource",
            description = "Filter selecting the DataSource that holds the runtime's tables.")
    String dataSource_target() default "(dataSourceName=liaison)";

    @AttributeDefinition(name = "Parallel scheduled runs",
            description = "How many scheduled sync runs (of different accounts) may go at the same time.", min = "1")
    int maxParallelRuns() default 4;
}

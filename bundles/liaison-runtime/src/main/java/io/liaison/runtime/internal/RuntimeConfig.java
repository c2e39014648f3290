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

    /**
     * The default location of the vault key: beside Karaf's {@code etc/} and {@code data/}, in a directory of its
     * own, so that a backup of {@code data/} (the databases) does not hold the key to the credentials in it.
     */
    String DEFAULT_KEY_FILE = "${karaf.home}/keys/liaison-vault.key";

    /** Where releases before 0.1 kept the key: moved to the default location when found there. */
    String LEGACY_KEY_FILE = "${karaf.data}/liaison/vault.key";

    /** The environment variable that names the key file when the configuration keeps the default. */
    String KEY_FILE_ENVIRONMENT = "LIAISON_VAULT_KEY_FILE";

    @AttributeDefinition(name = "Vault key file",
            description = "File holding the 256-bit key that encrypts the accounts' credentials. Created on first "
                    + "start with owner-only permissions. Keep it apart from the database backups, and back it up "
                    + "on its own: without it the stored credentials cannot be read. While this is the default, "
                    + "the environment variable LIAISON_VAULT_KEY_FILE names the file when set. ${...} system "
                    + "properties (karaf.home, karaf.data, karaf.etc) are expanded.")
    String vault_keyFile() default DEFAULT_KEY_FILE;

    @AttributeDefinition(name = "DataSource",
            description = "Filter selecting the DataSource that holds the runtime's tables.")
    String dataSource_target() default "(dataSourceName=liaison)";

    /** How long the journal keeps runs and their entries, by default. */
    int DEFAULT_RETENTION_DAYS = 90;

    @AttributeDefinition(name = "Journal retention (days)",
            description = "Sync runs and their entries older than this many days are deleted by a purge that runs "
                    + "once a day, in small batches beside the runs. 0 keeps them for ever.", min = "0")
    int journal_retentionDays() default DEFAULT_RETENTION_DAYS;

    @AttributeDefinition(name = "Parallel scheduled runs",
            description = "How many scheduled sync runs (of different accounts) may go at the same time.", min = "1")
    int maxParallelRuns() default 4;
}

package io.liaison.runtime.internal;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A groupware account an administrator (or a distribution, for its sample account) declares in Config Admin,
 * e.g. {@code etc/io.liaison.account-sample.cfg}. It is created once, when no account provisioned by the same
 * configuration exists (the same {@code provisioningId}, or without one the same file name); afterwards it is an ordinary account, and changes made through the shell or the API
 * are kept. Connector settings are the configuration's properties named {@code setting.<name>}.
 */
@Component(configurationPid = ProvisionedAccount.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ProvisionedAccount.class, immediate = true)
@Designate(ocd = ProvisionedAccount.Config.class, factory = true)
public final class ProvisionedAccount {
    /** The factory PID. */
    public static final String PID = "io.liaison.account";
    /** The account setting that names the configuration an account was provisioned from. */
    public static final String PROVISIONED_BY = "provisionedBy";
    private static final String SETTING_PREFIX = "setting.";
    /** The configuration property that gives a provisioned account an id of its own. */
    public static final String PROVISIONING_ID = "provisioningId";
    /** How {@link #PROVISIONED_BY} holds an id of its own (a file name never starts so). */
    static final String OWN_ID_PREFIX = "id:";
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedAccount.class);

    /** A provisioned account's configuration. */
    @ObjectClassDefinition(name = "Liaison provisioned groupware account",
            description = "An account created from configuration when it does not exist yet. Connector settings "
                    + "are further properties named setting.<name>, e.g. setting.root for the local connector.")
    public @interface Config {
        @AttributeDefinition(name = "Employee", description = "The CRM employee id the account belongs to")
        String employee();

        @AttributeDefinition(name = "Connector type", description = "e.g. local or graph")
        String connectorType();

        @AttributeDefinition(name = "Automatic synchronisation")
        boolean autoSync() default false;

        @AttributeDefinition(name = "Interval (minutes)")
        int intervalMinutes() default 15;

        @AttributeDefinition(name = "Areas", description = "MAILS, APPOINTMENTS, TASKS, CONTACTS")
        String[] areas() default {"MAILS"};

        @AttributeDefinition(name = "Conflict policy", description = "CRM_WINS, GROUPWARE_WINS, NEWEST_WINS, KEEP_BOTH")
        String conflictPolicy() default "CRM_WINS";

        @AttributeDefinition(name = "Provisioning id", required = false,
                description = "An id of this account's own: the account provisioned with it is this one, whatever the "
                        + "configuration file is called (without it, the file's name decides, and a renamed file makes "
                        + "a second account)")
        String provisioningId() default "";
    }

    private final GroupwareAccount account;

    @Activate
    public ProvisionedAccount(@Reference AccountService accounts, Config config, Map<String, Object> properties) {
        this.account = provision(accounts, config, properties, provisionedBy(properties));
    }

    /** The account this configuration stands for. */
    public GroupwareAccount account() {
        return account;
    }

    /**
     * What names the configuration for good: its file (etc/io.liaison.account-sample.cfg) when it came from one,
     * which survives Config Admin handing out a new PID, else its PID.
     */
    static String provisionedBy(Map<String, Object> properties) {
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String name = String.valueOf(file);
            return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        }
        return String.valueOf(properties.getOrDefault("service.pid", PID));
    }

    static GroupwareAccount provision(AccountService accounts, Config config, Map<String, Object> properties,
                                      String provisionedBy) {
        // an id of its own names the account whatever the file is called; the file name still finds an account
        // provisioned before the configuration had one
        Optional<String> own = ownId(properties);
        String marker = own.map(id -> OWN_ID_PREFIX + id).orElse(provisionedBy);
        List<GroupwareAccount> all = accounts.list();
        Optional<GroupwareAccount> existing = all.stream()
                .filter(a -> marker.equals(a.settings().get(PROVISIONED_BY))).findFirst()
                .or(() -> all.stream().filter(a -> provisionedBy.equals(a.settings().get(PROVISIONED_BY))).findFirst());
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> settings = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(SETTING_PREFIX) && value != null) {
                settings.put(key.substring(SETTING_PREFIX.length()), String.valueOf(value));
            }
        });
        settings.remove(PROVISIONING_ID);
        settings.put(PROVISIONED_BY, marker);
        AccountRequest request = new AccountRequest(new EmployeeId(config.employee()), config.connectorType(), settings,
                config.autoSync(), Duration.ofMinutes(config.intervalMinutes()), areas(config.areas()),
                ConflictPolicy.valueOf(config.conflictPolicy().trim().toUpperCase(Locale.ROOT)));
        GroupwareAccount created = accounts.create(request);
        LOG.info("Created groupware account {} for employee {} from configuration {}", created.id(),
                created.employee(), provisionedBy);
        return created;
    }

    private static Optional<String> ownId(Map<String, Object> properties) {
        return Optional.ofNullable(properties.get(PROVISIONING_ID)).map(String::valueOf).map(String::strip)
                .filter(id -> !id.isEmpty());
    }

    private static Set<SyncArea> areas(String[] names) {
        return Arrays.stream(names)
                .flatMap(n -> Arrays.stream(n.split(",")))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .map(n -> SyncArea.valueOf(n.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toSet());
    }
}

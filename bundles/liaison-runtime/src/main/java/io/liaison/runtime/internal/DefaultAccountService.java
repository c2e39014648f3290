package io.liaison.runtime.internal;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.CredentialsStore;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.SignInFailedException;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.ConnectorUnavailableException;
import io.liaison.api.runtime.PasswordBlockedException;
import io.liaison.api.runtime.RuntimeEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groupware accounts: stores them, keeps their credentials sealed in the {@link CredentialVault}, tracks the
 * installed connector factories and opens sessions, blocking an account at the first refused sign-in.
 */
@Component(service = {AccountService.class, DefaultAccountService.class}, configurationPid = RuntimeConfig.PID)
@Designate(ocd = RuntimeConfig.class)
public class DefaultAccountService implements AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);

    private final JdbcAccountRepository accounts;
    /** Replaced by a key rotation; sealing and storing hold {@link #vaultLock}, so that none seals with a retired key. */
    private volatile CredentialVault vault;
    private final Object vaultLock = new Object();
    private final Map<String, List<ConnectorFactory>> factories = new ConcurrentHashMap<>();
    private final Map<AccountId, Object> signInLocks = new ConcurrentHashMap<>();
    private final List<AccountListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    /** The key file setting the vault was opened with (null when built without configuration). */
    private String keyFileSetting;

    /** The service as DS activates it: the migrated runtime database and the vault key file configured. */
    @Activate
    public DefaultAccountService(@Reference RuntimeDatabase database, RuntimeConfig config) {
        this(new JdbcAccountRepository(database.dataSource()), VaultKeyFile.resolve(config.vault_keyFile(), System.getenv()));
        this.keyFileSetting = config.vault_keyFile();
    }

    /**
     * A changed runtime configuration (the PID is shared with the scheduling): without this, DS would restart the
     * service and with it every run. The vault key file is read at start only: a new path takes effect at the next
     * start (moving the key while Liaison runs is what {@code liaison:vault-rekey} is for).
     */
    @Modified
    void modified(RuntimeConfig config) {
        if (keyFileSetting != null && !keyFileSetting.equals(config.vault_keyFile())) {
            LOG.warn("The vault key file setting changed; it takes effect when Liaison's runtime is started again");
        }
    }

    private DefaultAccountService(JdbcAccountRepository accounts, Path keyFile) {
        this(accounts, openVault(keyFile, accounts));
    }

    /**
     * For tests and embedding: accounts stored by the repository, credentials sealed by the vault. A factory, not
     * a public constructor, because Felix SCR logs an error for every public constructor whose parameter count
     * equals the activation constructor's but whose types it cannot inject.
     */
    public static DefaultAccountService of(JdbcAccountRepository accounts, CredentialVault vault) {
        return new DefaultAccountService(accounts, vault);
    }

    DefaultAccountService(JdbcAccountRepository accounts, CredentialVault vault) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /**
     * Opens the vault. A missing key file is created; when credentials are stored, the key they were sealed with is
     * lost, and refusing to start would stop every account: instead the accounts whose credentials were sealed with
     * another key are blocked until they are entered again ({@link LostVaultKey}), and the rest run.
     */
    static CredentialVault openVault(Path keyFile, JdbcAccountRepository accounts) {
        VaultKeyFile.moveLegacyKey(keyFile);
        VaultRekey.finishInterrupted(keyFile, accounts);
        boolean lost = !Files.exists(keyFile) && accounts.countCredentials() > 0;
        CredentialVault vault = new CredentialVault(keyFile, true);
        if (lost) {
            LOG.error("The vault key file {} is missing although credentials sealed with it are stored: a new key was"
                    + " made; the accounts with sealed credentials are blocked until their credentials are entered"
                    + " again (or stop Liaison and put the original key file back)", vault.keyFile());
        }
        int blocked = LostVaultKey.check(accounts, vault, Instant.now());
        if (blocked > 0) {
            LOG.warn("{} groupware accounts are blocked because their credentials were sealed with another vault key"
                    + " than the one in {}; the other accounts run", blocked, vault.keyFile());
        }
        int versioned = accounts.resealUnversioned((id, sealed, version) -> vault.seal(id, version,
                vault.open(id, sealed)), Instant.now(), (id, e) -> LOG.warn("The credentials of groupware account {}"
                + " were sealed without a version and cannot be re-sealed with one: {}", id, e.getMessage()));
        if (versioned > 0) {
            LOG.info("{} credentials sealed without a version were re-sealed with version 1", versioned);
        }
        return vault;
    }

    /** Expands {@code ${property}} from the system properties (Karaf sets {@code karaf.data}). */
    static Path keyFile(String configured) {
        return VaultKeyFile.expand(configured);
    }

    // --- tracked services -------------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeConnectorFactory")
    public void addConnectorFactory(ConnectorFactory factory) {
        factories.computeIfAbsent(factory.type(), t -> new CopyOnWriteArrayList<>()).add(factory);
        LOG.debug("Connector type {} available", factory.type());
        sealSecretSettings(factory);
    }

    /**
     * Moves the values of the settings the connector declares secret out of the settings table into the vault: values
     * stored before the declaration existed, or while the connector was not installed.
     */
    private void sealSecretSettings(ConnectorFactory factory) {
        if (factory.secretSettings().isEmpty()) {
            return;
        }
        try {
            java.util.Collection<String> moved;
            synchronized (vaultLock) {
                moved = accounts.moveSecretSettings(factory.type(), secretSettings(factory.type()));
            }
            if (!moved.isEmpty()) {
                LOG.info("Secret settings moved from the settings table into the vault: {}", moved);
            }
        } catch (RuntimeException e) {
            LOG.warn("The secret settings of {} accounts could not be moved into the vault; they stay where they are: {}",
                    factory.type(), e.getMessage());
        }
    }

    /** The settings the connector of a type declares secret (none while it is not installed), sealed by the vault. */
    private SecretSettings secretSettings(String connectorType) {
        CredentialVault sealing = vault;
        return new SecretSettings(factory(connectorType).map(ConnectorFactory::secretSettings).orElse(java.util.Set.of()),
                sealing::sealSetting);
    }

    public void removeConnectorFactory(ConnectorFactory factory) {
        List<ConnectorFactory> ofType = factories.get(factory.type());
        if (ofType != null) {
            ofType.remove(factory);
        }
        LOG.debug("Connector factory of type {} gone", factory.type());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetEventAdmin")
    public void setEventAdmin(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    public void unsetEventAdmin(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    /** Registers a listener for account changes (the sync service and the scheduler). */
    public void addListener(AccountListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AccountListener listener) {
        listeners.remove(listener);
    }

    // --- AccountService ---------------------------------------------------------------------------------

    @Override
    public GroupwareAccount create(AccountRequest request) {
        validate(request);
        checkWithConnector(request);
        AccountId id = AccountId.of(UUID.randomUUID().toString());
        GroupwareAccount account;
        synchronized (vaultLock) {
            account = accounts.insert(id, request, Instant.now(), secretSettings(request.connectorType()));
        }
        LOG.info("Groupware account {} ({}) created for employee {}", id, account.connectorType(), account.employee());
        changed(account);
        return account;
    }

    @Override
    public GroupwareAccount update(AccountId id, AccountRequest request) {
        Objects.requireNonNull(id, "id");
        validate(request);
        checkWithConnector(request);
        java.util.Set<io.liaison.api.domain.SyncArea> areasBefore = accounts.find(id).map(GroupwareAccount::areas)
                .orElse(java.util.Set.of());
        List<String> cleared = new ArrayList<>();
        List<String> otherMailbox = new ArrayList<>();
        GroupwareAccount account;
        synchronized (vaultLock) {
            account = accounts.update(id, request, Instant.now(), (before, after) -> {
                cleared.addAll(changedSettings(before, after, ConnectorFactory::credentialBoundSettings));
                return cleared;
            }, (before, after) -> {
                otherMailbox.addAll(changedSettings(before, after, ConnectorFactory::identitySettings));
                return otherMailbox;
            }, secretSettings(request.connectorType()));
        }
        if (!otherMailbox.isEmpty()) {
            LOG.info("Groupware account {}: {} changed, which names another mailbox; its links and tokens were "
                    + "forgotten, its next run pairs items by the ids they carry", id, String.join(", ", otherMailbox));
        }
        if (cleared.isEmpty()) {
            LOG.info("Groupware account {} changed", id);
        } else {
            LOG.info("Groupware account {} changed; {} changed, so its stored credentials were cleared (state now {})",
                    id, String.join(", ", cleared), account.state());
        }
        changed(account);
        java.util.Set<io.liaison.api.domain.SyncArea> removed = java.util.EnumSet.noneOf(
                io.liaison.api.domain.SyncArea.class);
        removed.addAll(areasBefore);
        removed.removeAll(account.areas());
        if (!removed.isEmpty() && otherMailbox.isEmpty()) {
            // another mailbox forgot everything already; else the modules forget the areas switched off
            for (AccountListener listener : listeners) {
                try {
                    listener.areasRemoved(account, removed);
                } catch (RuntimeException e) {
                    LOG.warn("Account listener failed on areas {} switched off for account {}", removed, id, e);
                }
            }
        }
        return account;
    }

    @Override
    public List<GroupwareAccount> list() {
        return accounts.list();
    }

    @Override
    public Optional<GroupwareAccount> get(AccountId id) {
        return accounts.find(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<GroupwareAccount> forEmployee(EmployeeId employee) {
        return accounts.forEmployee(Objects.requireNonNull(employee, "employee"));
    }

    @Override
    public GroupwareAccount setCredentials(AccountId id, Credentials credentials) {
        Objects.requireNonNull(id, "id");
        if (credentials == null) {
            throw new IllegalArgumentException("credentials must not be null (use Credentials.NONE for none)");
        }
        synchronized (signInLock(id)) {
            synchronized (vaultLock) {
                accounts.storeCredentials(id, version -> vault.seal(id, version, credentials), Instant.now());
            }
            GroupwareAccount account = accounts.unblock(id, Instant.now());
            LOG.info("New credentials stored for groupware account {}; state now {}", id, account.state());
            changed(account);
            for (AccountListener listener : listeners) {
                try {
                    listener.credentialsEntered(account);
                } catch (RuntimeException e) {
                    LOG.warn("Account listener failed on new credentials of account {}", id, e);
                }
            }
            return account;
        }
    }

    @Override
    public String rekeyVault() {
        synchronized (vaultLock) {
            vault = VaultRekey.rekey(vault, accounts);
            return vault.keyFingerprint();
        }
    }

    @Override
    public GroupwareAccount clearCredentials(AccountId id) {
        Objects.requireNonNull(id, "id");
        synchronized (signInLock(id)) {
            GroupwareAccount account = accounts.find(id).orElseThrow(() -> JdbcAccountRepository.notFound(id));
            boolean had = accounts.deleteCredentials(id);
            LOG.info("Credentials of groupware account {} {}", id, had ? "cleared" : "were not stored; nothing cleared");
            changed(account);
            return account;
        }
    }

    @Override
    public GroupwareAccount setEnabled(AccountId id, boolean enabled) {
        GroupwareAccount account = accounts.setEnabled(Objects.requireNonNull(id, "id"), enabled, Instant.now());
        LOG.info("Groupware account {} {}; state now {}", id, enabled ? "enabled" : "disabled", account.state());
        changed(account);
        return account;
    }

    @Override
    public void remove(AccountId id) {
        if (!accounts.delete(Objects.requireNonNull(id, "id"))) {
            throw JdbcAccountRepository.notFound(id);
        }
        signInLocks.remove(id);
        LOG.info("Groupware account {} removed", id);
        for (AccountListener listener : listeners) {
            try {
                listener.accountRemoved(id);
            } catch (RuntimeException e) {
                LOG.warn("Account listener failed on removal of account {}", id, e);
            }
        }
    }

    @Override
    public void resetSyncState(AccountId id) {
        Objects.requireNonNull(id, "id");
        accounts.resetSyncState(id);
        LOG.info("Sync state of groupware account {} forgotten (links, marks, tokens); its next run reads both sides"
                + " whole and pairs items by the ids they carry", id);
    }

    /** The host CRM whose ids the account's links, marks and tokens name; empty before its first run with one. */
    Optional<String> hostCrm(AccountId id) {
        return accounts.hostCrm(id);
    }

    /**
     * The account's runs use {@code hostCrm} from now on. With {@code forget} (another CRM than before), what the
     * account remembers of the CRM before is forgotten, as {@link #resetSyncState} forgets it.
     */
    void rememberHostCrm(AccountId id, String hostCrm, boolean forget) {
        accounts.rememberHostCrm(id, hostCrm, forget);
    }

    @Override
    public ConnectorSession openSession(AccountId id) {
        Objects.requireNonNull(id, "id");
        synchronized (signInLock(id)) {
            GroupwareAccount account = accounts.require(id);
            if (account.state() == AccountState.PASSWORD_BLOCKED) {
                throw new PasswordBlockedException("groupware account " + id + " is PASSWORD_BLOCKED ("
                        + account.stateReason().orElse("sign-in refused") + "): no sign-in is attempted until an"
                        + " administrator enters new credentials");
            }
            if (account.state() == AccountState.DISABLED) {
                throw new IllegalStateException("groupware account " + id + " is disabled: it neither signs in nor runs");
            }
            ConnectorFactory factory = factory(account.connectorType()).orElseThrow(() ->
                    new ConnectorUnavailableException("no connector of type '" + account.connectorType()
                            + "' is installed (needed by groupware account " + id + "); install its feature"));
            CredentialVault opening = vault;
            Credentials credentials = accounts.credentials(id).map(sealed -> opening.open(id, sealed))
                    .orElse(Credentials.NONE);
            Map<String, String> settings = new java.util.HashMap<>(account.settings());
            Map<String, String> secretValues = new java.util.HashMap<>();
            accounts.secretSettings(id).forEach((name, sealed) ->
                    secretValues.put(name, opening.openSetting(id, name, sealed)));
            settings.putAll(secretValues);
            AccountContext context = new AccountContext(id, account.employee(), settings, credentials,
                    new RenewedCredentials(id), accounts.connectorState(id));
            try {
                return factory.open(context);
            } catch (SignInFailedException e) {
                String reason = redact(redact(e.getMessage() == null ? "sign-in refused" : e.getMessage(), credentials),
                        secretValues.values());
                GroupwareAccount blocked = accounts.block(id, reason, Instant.now());
                LOG.warn("Groupware account {} blocked (PASSWORD_BLOCKED): the {} connector refused the sign-in: {}",
                        id, account.connectorType(), reason);
                changed(blocked);
                post(RuntimeEvents.TOPIC_ACCOUNT_BLOCKED, Map.of(
                        RuntimeEvents.PROPERTY_ACCOUNT, id.value(),
                        RuntimeEvents.PROPERTY_EMPLOYEE, account.employee().value()));
                throw new PasswordBlockedException("groupware account " + id + ": the groupware refused the sign-in ("
                        + reason + "); the account is PASSWORD_BLOCKED until an administrator enters new credentials");
            }
        }
    }

    /** The connector's own check of the settings (the hosts they name), when the connector is installed. */
    private void checkWithConnector(AccountRequest request) {
        factory(request.connectorType()).ifPresent(f -> f.checkSettings(request.settings()));
    }

    /**
     * The changed settings of a kind the connector declares (those the credentials are bound to, those naming the
     * mailbox), or, while it is not installed and cannot say, every changed setting; a change of connector type
     * counts as well.
     */
    private List<String> changedSettings(GroupwareAccount before, AccountRequest after,
                                         java.util.function.Function<ConnectorFactory, java.util.Set<String>> kind) {
        if (!before.connectorType().equals(after.connectorType())) {
            return List.of("connectorType");
        }
        Optional<ConnectorFactory> factory = factory(after.connectorType());
        java.util.Set<String> names = new java.util.TreeSet<>(before.settings().keySet());
        names.addAll(after.settings().keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            boolean bound = factory.map(f -> kind.apply(f).contains(name)).orElse(true);
            if (bound && !Objects.equals(before.settings().get(name), after.settings().get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** The connector factory serving a type, if one is installed. */
    public Optional<ConnectorFactory> factory(String connectorType) {
        List<ConnectorFactory> ofType = factories.get(connectorType);
        return ofType == null || ofType.isEmpty() ? Optional.empty() : Optional.of(ofType.get(0));
    }

    /**
     * Where a connector stores credentials it renewed (a rotated refresh token). A named class rather than a lambda:
     * {@code CredentialsStore} is a provider type, and bnd sees that this bundle implements it, and so imports the
     * package's provider range (a minor version change of it is a change this bundle must follow), only from a class
     * that implements it.
     */
    private final class RenewedCredentials implements CredentialsStore {
        private final AccountId account;

        RenewedCredentials(AccountId account) {
            this.account = account;
        }

        @Override
        public void store(Credentials renewed) {
            storeRenewedCredentials(account, renewed);
        }
    }

    private void storeRenewedCredentials(AccountId id, Credentials renewed) {
        Objects.requireNonNull(renewed, "renewed");
        synchronized (vaultLock) {
            accounts.storeCredentials(id, version -> vault.seal(id, version, renewed), Instant.now());
        }
        LOG.debug("Renewed credentials stored for groupware account {}", id);
    }

    private Object signInLock(AccountId id) {
        return signInLocks.computeIfAbsent(id, k -> new Object());
    }

    /**
     * Counts the end of a run of the account (see {@link JdbcAccountRepository#recordRunEnd}); a change to or from
     * FAILING is logged once, at WARN without a stack trace when the account starts failing, and told to the
     * listeners. The runs in between log their failures at DEBUG only.
     */
    void runEnded(AccountId id, boolean failed, String reason, Instant now) {
        Optional<JdbcAccountRepository.RunEndChange> change = accounts.recordRunEnd(id, failed, reason, now);
        if (change.isEmpty() || !change.get().changed()) {
            return;
        }
        GroupwareAccount account = change.get().after();
        if (account.state() == AccountState.FAILING) {
            LOG.warn("Groupware account {} is FAILING: its last {} runs failed, the last one with: {}. Its scheduled"
                    + " runs now back off (up to every {} h); a manual run still runs, and the first run that works"
                    + " makes it ACTIVE again", id, change.get().failedRuns(), reason, RunBackoff.CAP.toHours());
        } else {
            LOG.info("Groupware account {} is {} again: a run worked", id, account.state());
        }
        changed(account);
    }

    /** How many runs of the account failed in a row, and when the last of them ended. */
    RunBackoff.FailureStreak failureStreak(AccountId id) {
        return accounts.failureStreak(id);
    }

    private void changed(GroupwareAccount account) {
        for (AccountListener listener : listeners) {
            try {
                listener.accountChanged(account);
            } catch (RuntimeException e) {
                LOG.warn("Account listener failed on a change of account {}", account.id(), e);
            }
        }
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    /** A connector's message with every secret of the account masked, in case the connector echoed one. */
    static String redact(String message, Credentials credentials) {
        List<Secret> secrets = new ArrayList<>(credentials.more().values());
        secrets.add(credentials.secret());
        String redacted = message;
        for (Secret secret : secrets) {
            if (!secret.isEmpty()) {
                redacted = redacted.replace(secret.reveal(), "******");
            }
        }
        return redacted;
    }

    /** A message with the given secret values masked. */
    static String redact(String message, java.util.Collection<String> secrets) {
        String redacted = message;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                redacted = redacted.replace(secret, "******");
            }
        }
        return redacted;
    }

    static void validate(AccountRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        if (request.employee().value().length() > 255) {
            throw new IllegalArgumentException("employee: longer than 255 characters");
        }
        if (request.connectorType().length() > 100) {
            throw new IllegalArgumentException("connectorType: longer than 100 characters");
        }
        if (request.interval().toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("interval: too long (" + request.interval() + ")");
        }
        for (Map.Entry<String, String> setting : request.settings().entrySet()) {
            if (setting.getKey().isBlank() || setting.getKey().length() > 255) {
                throw new IllegalArgumentException("settings: a setting name must be 1 to 255 characters, not '"
                        + setting.getKey() + "'");
            }
            if (setting.getValue().length() > 4000) {
                throw new IllegalArgumentException("settings." + setting.getKey() + ": longer than 4000 characters");
            }
        }
    }
}

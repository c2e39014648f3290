package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The accounts table and its children (settings, areas, sealed credentials), and the account state
 * transitions: a block survives disabling, only new credentials lift it.
 */
public class JdbcAccountRepository {
    static final String DISABLED_REASON = "disabled by an administrator";

    private static final String SELECT_ACCOUNTS = "SELECT id, employee_id, connector_type, auto_sync, interval_seconds,"
            + " conflict_policy, account_state, state_reason FROM liaison_accounts";

    private final DataSource dataSource;

    /** Uses a DataSource whose schema {@link RuntimeDatabase#migrate} has created. */
    public JdbcAccountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new, active account. */
    public GroupwareAccount insert(AccountId id, AccountRequest request, Instant now) {
        return insert(id, request, now, SecretSettings.none());
    }

    /** Stores a new, active account, its secret settings sealed. */
    public GroupwareAccount insert(AccountId id, AccountRequest request, Instant now, SecretSettings secrets) {
        return Sql.transaction(dataSource, "creating account " + id, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_accounts (id, employee_id,"
                    + " connector_type, auto_sync, interval_seconds, conflict_policy, account_state, state_reason,"
                    + " block_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)")) {
                insert.setString(1, id.value());
                insert.setString(2, request.employee().value());
                insert.setString(3, request.connectorType());
                insert.setBoolean(4, request.autoSync());
                insert.setLong(5, request.interval().toSeconds());
                insert.setString(6, request.conflictPolicy().name());
                insert.setString(7, AccountState.ACTIVE.name());
                Sql.setInstant(insert, 8, now);
                Sql.setInstant(insert, 9, now);
                insert.executeUpdate();
            }
            writeChildren(c, id, request, secrets);
            return load(c, id).orElseThrow();
        });
    }

    /** Replaces an account's settings (no secret ones), keeping its credentials and state. */
    public GroupwareAccount update(AccountId id, AccountRequest request, Instant now) {
        return update(id, request, now, (before, after) -> List.of(), SecretSettings.none());
    }

    /**
     * Replaces an account's settings. When {@code credentialsGoneFor} names settings (those whose change makes the
     * stored credentials go), the credentials are deleted in the same transaction and, if there were any, the account
     * is blocked until new ones are entered, the reason naming the settings.
     *
     * @param credentialsGoneFor given the account as stored and the request, the names of the changed settings that
     *                           the credentials are bound to; empty to keep them
     */
    public GroupwareAccount update(AccountId id, AccountRequest request, Instant now,
                                   BiFunction<GroupwareAccount, AccountRequest, List<String>> credentialsGoneFor,
                                   SecretSettings secrets) {
        return update(id, request, now, credentialsGoneFor, (before, after) -> List.of(), secrets);
    }

    /**
     * Replaces an account's settings as {@link #update(AccountId, AccountRequest, Instant, BiFunction, SecretSettings)}
     * does; when {@code syncStateGoneFor} names settings (those that name the mailbox), the account's links, tokens and
     * failing items are deleted in the same transaction (see {@link #resetSyncState}).
     */
    public GroupwareAccount update(AccountId id, AccountRequest request, Instant now,
                                   BiFunction<GroupwareAccount, AccountRequest, List<String>> credentialsGoneFor,
                                   BiFunction<GroupwareAccount, AccountRequest, List<String>> syncStateGoneFor,
                                   SecretSettings secrets) {
        return Sql.transaction(dataSource, "updating account " + id, c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM liaison_accounts WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id.value());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw notFound(id);
                    }
                }
            }
            GroupwareAccount before = load(c, id).orElseThrow(() -> notFound(id));
            List<String> bound = credentialsGoneFor.apply(before, request);
            List<String> identity = syncStateGoneFor.apply(before, request);
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_accounts SET employee_id = ?,"
                    + " connector_type = ?, auto_sync = ?, interval_seconds = ?, conflict_policy = ?, updated_at = ?"
                    + " WHERE id = ?")) {
                update.setString(1, request.employee().value());
                update.setString(2, request.connectorType());
                update.setBoolean(3, request.autoSync());
                update.setLong(4, request.interval().toSeconds());
                update.setString(5, request.conflictPolicy().name());
                Sql.setInstant(update, 6, now);
                update.setString(7, id.value());
                update.executeUpdate();
            }
            for (String table : List.of("liaison_account_settings", "liaison_account_areas")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE account_id = ?")) {
                    delete.setString(1, id.value());
                    delete.executeUpdate();
                }
            }
            writeChildren(c, id, request, secrets);
            if (!bound.isEmpty() && deleteCredentials(c, id)) {
                blockInTransaction(c, id, credentialsClearedReason(bound), now);
            }
            if (!identity.isEmpty()) {
                forgetSyncState(c, id);
            }
            return load(c, id).orElseThrow();
        });
    }

    /** Why an account whose credential-bound settings changed is blocked. */
    static String credentialsClearedReason(List<String> settings) {
        return "stored credentials cleared because " + (settings.size() == 1 ? "setting " : "settings ")
                + String.join(", ", settings) + " changed: they decide where the credentials go; enter them again";
    }

    private static void blockInTransaction(Connection c, AccountId id, String reason, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE liaison_accounts SET account_state = CASE"
                + " WHEN account_state = ? THEN account_state ELSE ? END, state_reason = CASE WHEN account_state = ?"
                + " THEN state_reason ELSE ? END, block_reason = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, AccountState.DISABLED.name());
            update.setString(2, AccountState.PASSWORD_BLOCKED.name());
            update.setString(3, AccountState.DISABLED.name());
            update.setString(4, Sql.bounded(reason, 2000));
            update.setString(5, Sql.bounded(reason, 2000));
            Sql.setInstant(update, 6, now);
            update.setString(7, id.value());
            update.executeUpdate();
        }
    }

    public Optional<GroupwareAccount> find(AccountId id) {
        return Sql.query(dataSource, "reading account " + id, c -> load(c, id));
    }

    /** The account, or {@link AccountNotFoundException} naming the id. */
    public GroupwareAccount require(AccountId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Every account, oldest first. */
    public List<GroupwareAccount> list() {
        return Sql.query(dataSource, "listing accounts", c -> loadAll(c, null, null));
    }

    public List<GroupwareAccount> forEmployee(EmployeeId employee) {
        return Sql.query(dataSource, "listing the accounts of employee " + employee,
                c -> loadAll(c, "employee_id", employee.value()));
    }

    /** Removes an account; its settings, areas, credentials, links and tokens go with it (cascade). */
    public boolean delete(AccountId id) {
        return Sql.transaction(dataSource, "removing account " + id, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_accounts WHERE id = ?")) {
                delete.setString(1, id.value());
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** The host CRM the account's sync state names, as {@link #rememberHostCrm} stored it; empty before. */
    public Optional<String> hostCrm(AccountId id) {
        return Sql.query(dataSource, "reading the host CRM of account " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT host_crm FROM liaison_accounts WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Stores the host CRM the account's sync state names from now on; with {@code forget}, the sync state of the CRM
     * before is forgotten in the same transaction, as {@link #resetSyncState} does.
     */
    public void rememberHostCrm(AccountId id, String hostCrm, boolean forget) {
        Sql.transaction(dataSource, "storing the host CRM of account " + id, c -> {
            if (forget) {
                forgetSyncState(c, id);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_accounts SET host_crm = ? WHERE id = ?")) {
                update.setString(1, hostCrm);
                update.setString(2, id.value());
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes what the account's runs remembered: links (with the marks kept among them), tokens, failing items and
     * the connector's state.
     *
     * @throws io.liaison.api.runtime.AccountNotFoundException when there is no such account
     */
    public void resetSyncState(AccountId id) {
        Sql.transaction(dataSource, "forgetting the sync state of account " + id, c -> {
            if (load(c, id).isEmpty()) {
                throw notFound(id);
            }
            forgetSyncState(c, id);
            return null;
        });
    }

    private static void forgetSyncState(Connection c, AccountId id) throws SQLException {
        for (String table : List.of("liaison_links", "liaison_tokens", "liaison_failing_items",
                "liaison_connector_state")) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE account_id = ?")) {
                delete.setString(1, id.value());
                delete.executeUpdate();
            }
        }
    }

    /** What the account's connector remembers beside its tokens. */
    io.liaison.api.connector.ConnectorState connectorState(AccountId id) {
        return new JdbcConnectorState(dataSource, id);
    }

    /** Blocks the account after a refused sign-in; a disabled account stays disabled but remembers the block. */
    public GroupwareAccount block(AccountId id, String reason, Instant now) {
        return transition(id, now, current -> current.disabled()
                ? new StateRow(AccountState.DISABLED, current.stateReason(), reason)
                : new StateRow(AccountState.PASSWORD_BLOCKED, reason, reason));
    }

    /** Lifts a block (new credentials were entered). */
    public GroupwareAccount unblock(AccountId id, Instant now) {
        return transition(id, now, current -> current.disabled()
                ? new StateRow(AccountState.DISABLED, current.stateReason(), null)
                : new StateRow(AccountState.ACTIVE, null, null));
    }

    /** An account's state before and after the end of a run was counted. */
    record RunEndChange(AccountState before, GroupwareAccount after, int failedRuns) {
        boolean changed() {
            return before != after.state();
        }
    }

    /**
     * Counts the end of a run: a failed run of an ACTIVE or FAILING account lengthens its failure streak and, from
     * {@link RunBackoff#FAILING_AFTER} on, makes it FAILING with the run's reason; a run that worked ends the streak
     * and makes a FAILING account ACTIVE. A blocked or disabled account keeps its state and its streak (its runs
     * fail for a reason the administrator already sees). Empty when the account was removed meanwhile.
     */
    public Optional<RunEndChange> recordRunEnd(AccountId id, boolean failed, String reason, Instant now) {
        return Sql.transaction(dataSource, "counting a run of account " + id, c -> {
            AccountState state;
            int failedRuns;
            try (PreparedStatement select = c.prepareStatement("SELECT account_state, failed_runs"
                    + " FROM liaison_accounts WHERE id = ? FOR UPDATE")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<RunEndChange>empty();
                    }
                    state = AccountState.valueOf(row.getString(1));
                    failedRuns = row.getInt(2);
                }
            }
            boolean counts = state == AccountState.ACTIVE || state == AccountState.FAILING;
            if (!counts) {
                return Optional.of(new RunEndChange(state, load(c, id).orElseThrow(), failedRuns));
            }
            int streak = failed ? failedRuns + 1 : 0;
            AccountState next = RunBackoff.isFailing(streak) ? AccountState.FAILING : AccountState.ACTIVE;
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_accounts SET account_state = ?,"
                    + " state_reason = ?, failed_runs = ?, last_failed_run_at = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, next.name());
                update.setString(2, next == AccountState.FAILING ? Sql.bounded(reason, 2000) : null);
                update.setInt(3, streak);
                Sql.setInstant(update, 4, failed ? now : null);
                Sql.setInstant(update, 5, now);
                update.setString(6, id.value());
                update.executeUpdate();
            }
            return Optional.of(new RunEndChange(state, load(c, id).orElseThrow(), streak));
        });
    }

    /** How many runs of the account failed in a row, and when the last of them ended. */
    public RunBackoff.FailureStreak failureStreak(AccountId id) {
        return Sql.query(dataSource, "reading the failed runs of account " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT failed_runs, last_failed_run_at"
                    + " FROM liaison_accounts WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? new RunBackoff.FailureStreak(row.getInt(1), Sql.instant(row, "last_failed_run_at"))
                            : RunBackoff.FailureStreak.NONE;
                }
            }
        });
    }

    /** Switches an account off, or on again (back to blocked if it was blocked before). */
    public GroupwareAccount setEnabled(AccountId id, boolean enabled, Instant now) {
        return transition(id, now, current -> {
            if (!enabled) {
                return new StateRow(AccountState.DISABLED, DISABLED_REASON, current.blockReason());
            }
            if (!current.disabled()) {
                return current;
            }
            return current.blockReason() == null
                    ? new StateRow(AccountState.ACTIVE, null, null)
                    : new StateRow(AccountState.PASSWORD_BLOCKED, current.blockReason(), current.blockReason());
        });
    }

    /**
     * The account's sealed credentials, if any were stored.
     *
     * @throws VaultException naming the account when the row is not the account's latest credentials (its
     *                        version is below the account's count of credential writes: an older copy put back)
     */
    public Optional<SealedCredentials> credentials(AccountId id) {
        return Sql.query(dataSource, "reading the credentials of account " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT c.key_fingerprint, c.sealed,"
                    + " c.credentials_version, a.credentials_version FROM liaison_account_credentials c"
                    + " JOIN liaison_accounts a ON a.id = c.account_id WHERE c.account_id = ?")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(current(id, row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Replaces the account's sealed credentials with the next version of them: {@code seal} gets that version
     * number and seals the credentials with it, under the account's row lock.
     *
     * @return the version stored
     */
    public long storeCredentials(AccountId id, LongFunction<SealedCredentials> seal, Instant now) {
        return Sql.transaction(dataSource, "storing the credentials of account " + id, c -> {
            long version = nextVersion(c, id);
            SealedCredentials sealed = seal.apply(version);
            if (sealed.version() != version) {
                throw new IllegalStateException("credentials sealed as version " + sealed.version() + " for version "
                        + version);
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM liaison_account_credentials WHERE account_id = ?")) {
                delete.setString(1, id.value());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_account_credentials"
                    + " (account_id, key_fingerprint, sealed, credentials_version, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, id.value());
                insert.setString(2, sealed.keyFingerprint());
                insert.setString(3, sealed.sealed());
                insert.setLong(4, version);
                Sql.setInstant(insert, 5, now);
                insert.executeUpdate();
            }
            return version;
        });
    }

    /** Opens one account's sealed credentials and seals them again as the given (next) version. */
    @FunctionalInterface
    public interface Reseal {
        SealedCredentials apply(AccountId account, SealedCredentials sealed, long nextVersion);
    }

    /**
     * Re-seals every account's credentials in one transaction (the rows locked): {@code reseal} gets each account's
     * sealed credentials and returns them sealed anew as the next version. A failure for one account changes none.
     *
     * @return how many were re-sealed
     */
    public int resealAll(Reseal reseal, SecretSettings.Reseal resealSetting, Instant now) {
        return Sql.transaction(dataSource, "re-sealing all credentials", c -> {
            Map<AccountId, SealedCredentials> all = lockedCredentials(c, false);
            for (Map.Entry<AccountId, SealedCredentials> row : all.entrySet()) {
                long version = nextVersion(c, row.getKey());
                update(c, row.getKey(), reseal.apply(row.getKey(), row.getValue(), version), version, now);
            }
            return all.size() + SecretSettings.resealAll(c, resealSetting);
        });
    }

    /** The sealed values of the account's secret settings, by name. */
    public Map<String, SealedCredentials> secretSettings(AccountId id) {
        return Sql.query(dataSource, "reading the secret settings of account " + id, c -> SecretSettings.sealed(c, id));
    }

    /**
     * Seals the values of the settings a connector declares secret that accounts of its type hold in the settings
     * table, and deletes them there, in one transaction.
     *
     * @return "account setting" of each value moved
     */
    public java.util.Collection<String> moveSecretSettings(String connectorType, SecretSettings secrets) {
        return Sql.transaction(dataSource, "sealing the secret settings of " + connectorType + " accounts",
                c -> secrets.moveFromSettingsTable(c, connectorType));
    }

    /**
     * Gives the credentials sealed before versions existed their version 1, in one transaction: {@code reseal} opens
     * them the old way and seals them as version 1. Credentials that do not open (another key) are left as they
     * are, so that the error they give names the account when it signs in.
     *
     * @return how many were re-sealed
     */
    public int resealUnversioned(Reseal reseal, Instant now, java.util.function.BiConsumer<AccountId, VaultException> skipped) {
        return Sql.transaction(dataSource, "re-sealing the credentials sealed without a version", c -> {
            int count = 0;
            for (Map.Entry<AccountId, SealedCredentials> row : lockedCredentials(c, true).entrySet()) {
                SealedCredentials resealed;
                try {
                    resealed = reseal.apply(row.getKey(), row.getValue(), 1);
                } catch (VaultException e) {
                    skipped.accept(row.getKey(), e);
                    continue;
                }
                nextVersion(c, row.getKey());
                update(c, row.getKey(), resealed, 1, now);
                count++;
            }
            return count;
        });
    }

    /**
     * The credentials rows, locked, each checked against its account's version; only those sealed without a version
     * (and never written since) when {@code unversionedOnly}.
     */
    private static Map<AccountId, SealedCredentials> lockedCredentials(Connection c, boolean unversionedOnly)
            throws SQLException {
        Map<AccountId, SealedCredentials> all = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT account_id FROM liaison_account_credentials"
                + (unversionedOnly ? " WHERE credentials_version IS NULL" : "") + " ORDER BY account_id FOR UPDATE");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.put(AccountId.of(rows.getString(1)), null);
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT c.key_fingerprint, c.sealed,"
                + " c.credentials_version, a.credentials_version FROM liaison_account_credentials c"
                + " JOIN liaison_accounts a ON a.id = c.account_id WHERE c.account_id = ?")) {
            for (AccountId id : List.copyOf(all.keySet())) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    if (unversionedOnly && row.getLong(4) != SealedCredentials.UNVERSIONED) {
                        all.remove(id);
                        continue;
                    }
                    all.put(id, current(id, row));
                }
            }
        }
        return all;
    }

    /**
     * The row (key fingerprint, sealed, its version, the account's version) as sealed credentials, if it is the
     * account's latest.
     */
    private static SealedCredentials current(AccountId id, ResultSet row) throws SQLException {
        long sealedAs = row.getLong(3);
        if (row.wasNull()) {
            sealedAs = SealedCredentials.UNVERSIONED;
        }
        long written = row.getLong(4);
        if (sealedAs < written) {
            throw new VaultException("the stored credentials of account " + id + " are version " + sealedAs
                    + ", but version " + written + " was written since: the credentials were replaced by an older"
                    + " copy; enter them again");
        }
        if (sealedAs > written) {
            throw new VaultException("the stored credentials of account " + id + " claim version " + sealedAs
                    + ", but only " + written + " were written: they were altered; enter them again");
        }
        return new SealedCredentials(row.getString(1), row.getString(2), sealedAs);
    }

    private static void update(Connection c, AccountId id, SealedCredentials sealed, long version, Instant now)
            throws SQLException {
        if (sealed.version() != version) {
            throw new IllegalStateException("credentials sealed as version " + sealed.version() + " for version "
                    + version);
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE liaison_account_credentials SET key_fingerprint = ?,"
                + " sealed = ?, credentials_version = ?, updated_at = ? WHERE account_id = ?")) {
            update.setString(1, sealed.keyFingerprint());
            update.setString(2, sealed.sealed());
            update.setLong(3, version);
            Sql.setInstant(update, 4, now);
            update.setString(5, id.value());
            update.executeUpdate();
        }
    }

    /**
     * Counts a write of the account's credentials (the account row locked) and returns the new count: the version
     * the credentials written now are sealed as.
     */
    private static long nextVersion(Connection c, AccountId id) throws SQLException {
        long version;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT credentials_version FROM liaison_accounts WHERE id = ? FOR UPDATE")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw notFound(id);
                }
                version = row.getLong(1) + 1;
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE liaison_accounts SET credentials_version = ? WHERE id = ?")) {
            update.setLong(1, version);
            update.setString(2, id.value());
            update.executeUpdate();
        }
        return version;
    }

    /** The fingerprints of the keys that sealed the stored credentials. */
    public Set<String> keyFingerprints() {
        return Sql.query(dataSource, "reading the vault key fingerprints", c -> {
            Set<String> fingerprints = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement("SELECT key_fingerprint FROM liaison_account_credentials"
                    + " UNION SELECT key_fingerprint FROM liaison_account_secret_settings");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fingerprints.add(rows.getString(1));
                }
            }
            return fingerprints;
        });
    }

    /**
     * Deletes the account's sealed credentials; false when it had none. The deletion counts as a write of them, so
     * that the deleted row, put back, is an older copy.
     */
    public boolean deleteCredentials(AccountId id) {
        return Sql.transaction(dataSource, "deleting the credentials of account " + id,
                c -> deleteCredentials(c, id));
    }

    private static boolean deleteCredentials(Connection c, AccountId id) throws SQLException {
        nextVersion(c, id);
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM liaison_account_credentials WHERE account_id = ?")) {
            delete.setString(1, id.value());
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * How many accounts have encrypted credentials, plus how many secret settings are sealed: a lost vault key must
     * not be replaced while any are stored.
     */
    public int countCredentials() {
        return Sql.query(dataSource, "counting stored credentials", c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT (SELECT COUNT(*) FROM liaison_account_credentials)"
                    + " + (SELECT COUNT(*) FROM liaison_account_secret_settings)");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /**
     * The vault keys each account's sealed data (credentials and secret settings) were sealed with, and the reason
     * the account is blocked, if it is.
     *
     * @param fingerprints the key fingerprints found on the account's sealed rows
     * @param blockReason  the account's block reason (a disabled account may remember one), null when not blocked
     */
    record SealedKeys(AccountId account, Set<String> fingerprints, String blockReason) {
    }

    /** For each account that has sealed data, the vault keys it was sealed with (see {@link SealedKeys}). */
    public List<SealedKeys> sealedKeys() {
        return Sql.query(dataSource, "reading which vault keys sealed the stored credentials", c -> {
            Map<AccountId, Set<String>> keys = new LinkedHashMap<>();
            Map<AccountId, String> reasons = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT a.id, a.block_reason, s.key_fingerprint FROM"
                    + " (SELECT account_id, key_fingerprint FROM liaison_account_credentials UNION"
                    + " SELECT account_id, key_fingerprint FROM liaison_account_secret_settings) s"
                    + " JOIN liaison_accounts a ON a.id = s.account_id ORDER BY a.id");
                 ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    AccountId id = AccountId.of(r.getString(1));
                    keys.computeIfAbsent(id, k -> new HashSet<>()).add(r.getString(3));
                    if (r.getString(2) != null) {
                        reasons.put(id, r.getString(2));
                    }
                }
            }
            List<SealedKeys> found = new ArrayList<>();
            keys.forEach((id, fingerprints) -> found.add(new SealedKeys(id, Set.copyOf(fingerprints), reasons.get(id))));
            return found;
        });
    }

    static AccountNotFoundException notFound(AccountId id) {
        return new AccountNotFoundException("there is no groupware account with id '" + id + "'");
    }

    private record StateRow(AccountState state, String stateReason, String blockReason) {
        boolean disabled() {
            return state == AccountState.DISABLED;
        }
    }

    private GroupwareAccount transition(AccountId id, Instant now,
                                        java.util.function.UnaryOperator<StateRow> change) {
        return Sql.transaction(dataSource, "changing the state of account " + id, c -> {
            StateRow current;
            try (PreparedStatement select = c.prepareStatement("SELECT account_state, state_reason, block_reason"
                    + " FROM liaison_accounts WHERE id = ? FOR UPDATE")) {
                select.setString(1, id.value());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw notFound(id);
                    }
                    current = new StateRow(AccountState.valueOf(row.getString(1)), row.getString(2), row.getString(3));
                }
            }
            StateRow next = change.apply(current);
            try (PreparedStatement update = c.prepareStatement("UPDATE liaison_accounts SET account_state = ?,"
                    + " state_reason = ?, block_reason = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, next.state().name());
                update.setString(2, Sql.bounded(next.stateReason(), 2000));
                update.setString(3, Sql.bounded(next.blockReason(), 2000));
                Sql.setInstant(update, 4, now);
                update.setString(5, id.value());
                update.executeUpdate();
            }
            return load(c, id).orElseThrow();
        });
    }

    private static void writeChildren(Connection c, AccountId id, AccountRequest request, SecretSettings secrets)
            throws SQLException {
        secrets.write(c, id, request.settings());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO liaison_account_areas (account_id, area) VALUES (?, ?)")) {
            for (SyncArea area : request.areas()) {
                insert.setString(1, id.value());
                insert.setString(2, area.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<GroupwareAccount> load(Connection c, AccountId id) throws SQLException {
        List<GroupwareAccount> found = loadAll(c, "id", id.value());
        return found.stream().findFirst();
    }

    /** Loads the accounts whose column (a fixed name, never input) equals the parameter; all when column is null. */
    private static List<GroupwareAccount> loadAll(Connection c, String column, String parameter) throws SQLException {
        String where = column == null ? "" : " WHERE " + column + " = ?";
        String childFilter = column == null ? "" : " WHERE a." + column + " = ?";
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(SELECT_ACCOUNTS + where + " ORDER BY created_at, id")) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString("id"), new Row(r.getString("id"), r.getString("employee_id"),
                            r.getString("connector_type"), r.getBoolean("auto_sync"), r.getLong("interval_seconds"),
                            r.getString("conflict_policy"), r.getString("account_state"), r.getString("state_reason")));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> settings = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT s.account_id, s.setting_name, s.setting_value"
                + " FROM liaison_account_settings s JOIN liaison_accounts a ON a.id = s.account_id" + childFilter)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    settings.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2), r.getString(3));
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT s.account_id, s.setting_name"
                + " FROM liaison_account_secret_settings s JOIN liaison_accounts a ON a.id = s.account_id" + childFilter)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    settings.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2),
                            SecretSettings.MASK);
                }
            }
        }
        Map<String, Set<SyncArea>> areas = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT s.account_id, s.area FROM liaison_account_areas s"
                + " JOIN liaison_accounts a ON a.id = s.account_id" + childFilter)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    areas.computeIfAbsent(r.getString(1), k -> EnumSet.noneOf(SyncArea.class))
                            .add(SyncArea.valueOf(r.getString(2)));
                }
            }
        }
        List<GroupwareAccount> accounts = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            accounts.add(new GroupwareAccount(AccountId.of(row.id()), EmployeeId.of(row.employee()),
                    row.connectorType(), settings.getOrDefault(row.id(), Map.of()), row.autoSync(),
                    Duration.ofSeconds(row.intervalSeconds()), areas.getOrDefault(row.id(), Set.of()),
                    ConflictPolicy.valueOf(row.conflictPolicy()), AccountState.valueOf(row.state()),
                    Optional.ofNullable(row.stateReason())));
        }
        return accounts;
    }

    private record Row(String id, String employee, String connectorType, boolean autoSync, long intervalSeconds,
                       String conflictPolicy, String state, String stateReason) {
    }
}

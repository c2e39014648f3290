package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.GroupwarePreferences;
import io.liaison.api.runtime.Erasure;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.flywaydb.core.Flyway;
import java.nio.file.Path;
import java.sql.PreparedStatement;

/**
 * The storage classes' contract, run against each database the runtime supports (H2 and PostgreSQL): every
 * subclass supplies a migrated DataSource shared by its tests, so each test works with fresh ids.
 */
abstract class RuntimeStorageContract {

    /** A DataSource whose schema {@link RuntimeDatabase#migrate} created. */
    abstract DataSource dataSource();

    /** A new, empty database of the same kind. */
    abstract DataSource emptyDataSource() throws Exception;

    @TempDir
    Path directory;

    @Test
    void credentialsSealedWithoutAVersionAreReSealedWithVersionOneAtTheStart() throws Exception {
        DataSource legacy = emptyDataSource();
        Flyway.configure(RuntimeDatabase.class.getClassLoader()).dataSource(legacy)
                .table(RuntimeDatabase.HISTORY_TABLE).locations("classpath:db/runtime").target("1").load().migrate();
        JdbcAccountRepository repository = new JdbcAccountRepository(legacy);
        AccountId id = AccountId.of(UUID.randomUUID().toString());
        try (Connection c = legacy.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO liaison_accounts (id, employee_id, connector_type, auto_sync, interval_seconds,"
                        + " conflict_policy, account_state, created_at, updated_at) VALUES (?, 'emp-legacy', 'test',"
                        + " TRUE, 900, 'CRM_WINS', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, id.value());
            insert.executeUpdate();
        }
        Path keyFile = directory.resolve("vault.key");
        CredentialVault before = new CredentialVault(keyFile);
        String sealedBefore = LegacySealing.seal(keyFile, id, "anna", "legacy-secret");
        try (Connection c = legacy.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO liaison_account_credentials (account_id, key_fingerprint, sealed, updated_at)"
                        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, id.value());
            insert.setString(2, before.keyFingerprint());
            insert.setString(3, sealedBefore);
            insert.executeUpdate();
        }

        RuntimeDatabase.migrate(legacy);
        CredentialVault vault = DefaultAccountService.openVault(keyFile, repository);

        SealedCredentials upgraded = repository.credentials(id).orElseThrow();
        assertThat(upgraded.version()).isEqualTo(1);
        assertThat(upgraded.sealed()).isNotEqualTo(sealedBefore);
        assertThat(vault.open(id, upgraded).secret().reveal()).isEqualTo("legacy-secret");
        // the copy from before the upgrade, put back, is an older one
        try (Connection c = legacy.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE liaison_account_credentials SET sealed = ?, credentials_version = NULL WHERE account_id = ?")) {
            update.setString(1, sealedBefore);
            update.setString(2, id.value());
            update.executeUpdate();
        }
        assertThatThrownBy(() -> repository.credentials(id)).isInstanceOf(VaultException.class)
                .hasMessageContaining(id.value()).hasMessageContaining("older copy");
        // and a second start finds nothing to upgrade
        assertThat(repository.resealUnversioned((a, sealed, v) -> sealed, Instant.now(), (a, e) -> { })).isZero();
    }

    private JdbcAccountRepository accounts() {
        return new JdbcAccountRepository(dataSource());
    }

    @Test
    void migrationRecordsItsHistoryInItsOwnTableAndIsRepeatable() throws Exception {
        RuntimeDatabase.migrate(dataSource());
        try (Connection c = dataSource().getConnection();
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM \"" + RuntimeDatabase.HISTORY_TABLE + "\" WHERE \"success\" = TRUE")) {
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void secretSettingsStoredInClearAreMovedIntoSealedRows() {
        JdbcAccountRepository repository = accounts();
        AccountId id = AccountId.of(UUID.randomUUID().toString());
        String type = "secretive-" + id;
        repository.insert(id, new AccountRequest(EmployeeId.of("emp-" + id), type,
                Map.of("trustStorePassword", "in-clear", "root", "/srv"), false, null, null, null), Instant.now());
        CredentialVault vault = new CredentialVault(directory.resolve("vault.key"));

        assertThat(repository.moveSecretSettings(type, new SecretSettings(Set.of("trustStorePassword"),
                vault::sealSetting))).containsExactly(id + " trustStorePassword");

        assertThat(repository.require(id).settings()).containsEntry("trustStorePassword", SecretSettings.MASK)
                .containsEntry("root", "/srv");
        assertThat(vault.openSetting(id, "trustStorePassword",
                repository.secretSettings(id).get("trustStorePassword"))).isEqualTo("in-clear");
        assertThat(repository.keyFingerprints()).contains(vault.keyFingerprint());
        assertThat(repository.moveSecretSettings(type, new SecretSettings(Set.of("trustStorePassword"),
                vault::sealSetting))).isEmpty();
    }

    @Test
    void accountRoundTripKeepsEverySetting() {
        JdbcAccountRepository repository = accounts();
        AccountId id = AccountId.of(UUID.randomUUID().toString());
        AccountRequest request = new AccountRequest(EmployeeId.of("emp-" + id), "graph",
                Map.of("mailbox", "anna@example.com", "tenant", "contoso", "umlaut", "Grüße"), true,
                Duration.ofMinutes(30), Set.of(SyncArea.MAILS, SyncArea.CONTACTS), ConflictPolicy.NEWEST_WINS);

        GroupwareAccount created = repository.insert(id, request, Instant.now());

        assertThat(repository.find(id)).contains(created);
        assertThat(created.id()).isEqualTo(id);
        assertThat(created.employee()).isEqualTo(request.employee());
        assertThat(created.connectorType()).isEqualTo("graph");
        assertThat(created.settings()).isEqualTo(request.settings());
        assertThat(created.autoSync()).isTrue();
        assertThat(created.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(created.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.CONTACTS);
        assertThat(created.conflictPolicy()).isEqualTo(ConflictPolicy.NEWEST_WINS);
        assertThat(created.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(created.stateReason()).isEmpty();
    }

    @Test
    void newAccountDefaultsToMailsOnlyEveryFifteenMinutes() {
        JdbcAccountRepository repository = accounts();
        AccountId id = AccountId.of(UUID.randomUUID().toString());
        GroupwareAccount created = repository.insert(id, new AccountRequest(EmployeeId.of("e-" + id), "local",
                Map.of(), false, null, null, null), Instant.now());

        assertThat(created.areas()).containsExactly(SyncArea.MAILS);
        assertThat(created.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(created.conflictPolicy()).isEqualTo(ConflictPolicy.CRM_WINS);
        assertThat(created.settings()).isEmpty();
    }

    @Test
    void updateReplacesSettingsAndAreasButKeepsStateAndCredentials() {
        JdbcAccountRepository repository = accounts();
        AccountId id = TestDatabases.account(repository);
        repository.storeCredentials(id, version -> new SealedCredentials("fp", "c2VhbGVk", version), Instant.now());
        repository.block(id, "refused", Instant.now());
        EmployeeId employee = repository.require(id).employee();

        GroupwareAccount updated = repository.update(id, new AccountRequest(employee, "local",
                Map.of("root", "/srv/mail"), false, Duration.ofHours(1), Set.of(SyncArea.TASKS), null), Instant.now());

        assertThat(updated.settings()).containsExactly(Map.entry("root", "/srv/mail"));
        assertThat(updated.areas()).containsExactly(SyncArea.TASKS);
        assertThat(updated.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(updated.autoSync()).isFalse();
        assertThat(updated.state()).isEqualTo(AccountState.PASSWORD_BLOCKED);
        assertThat(repository.credentials(id)).contains(new SealedCredentials("fp", "c2VhbGVk", 1));
    }

    @Test
    void unknownAccountIsNamedInTheError() {
        JdbcAccountRepository repository = accounts();
        AccountId unknown = AccountId.of("no-such-" + UUID.randomUUID());

        assertThat(repository.find(unknown)).isEmpty();
        assertThatThrownBy(() -> repository.require(unknown))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining(unknown.value());
        assertThatThrownBy(() -> repository.update(unknown, TestDatabases.request("x", Set.of()), Instant.now()))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining(unknown.value());
        assertThatThrownBy(() -> repository.block(unknown, "r", Instant.now()))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining(unknown.value());
        assertThat(repository.delete(unknown)).isFalse();
    }

    @Test
    void accountsOfOneEmployee() {
        JdbcAccountRepository repository = accounts();
        EmployeeId employee = EmployeeId.of("emp-" + UUID.randomUUID());
        AccountId first = AccountId.of(UUID.randomUUID().toString());
        AccountId second = AccountId.of(UUID.randomUUID().toString());
        repository.insert(first, TestDatabases.request(employee.value(), Set.of()), Instant.now());
        repository.insert(second, TestDatabases.request(employee.value(), Set.of(SyncArea.TASKS)),
                Instant.now().plusMillis(5));
        TestDatabases.account(repository);

        assertThat(repository.forEmployee(employee)).extracting(GroupwareAccount::id).containsExactly(first, second);
        assertThat(repository.list()).extracting(GroupwareAccount::id).contains(first, second);
    }

    @Test
    void blockSurvivesDisablingAndOnlyNewCredentialsLiftIt() {
        JdbcAccountRepository repository = accounts();
        AccountId id = TestDatabases.account(repository);

        assertThat(repository.block(id, "invalid_grant", Instant.now()))
                .extracting(GroupwareAccount::state, GroupwareAccount::stateReason)
                .containsExactly(AccountState.PASSWORD_BLOCKED, Optional.of("invalid_grant"));
        assertThat(repository.setEnabled(id, false, Instant.now()).state()).isEqualTo(AccountState.DISABLED);
        assertThat(repository.setEnabled(id, true, Instant.now()))
                .extracting(GroupwareAccount::state, GroupwareAccount::stateReason)
                .containsExactly(AccountState.PASSWORD_BLOCKED, Optional.of("invalid_grant"));
        assertThat(repository.unblock(id, Instant.now()))
                .extracting(GroupwareAccount::state, GroupwareAccount::stateReason)
                .containsExactly(AccountState.ACTIVE, Optional.empty());
        assertThat(repository.setEnabled(id, false, Instant.now()).stateReason())
                .contains(JdbcAccountRepository.DISABLED_REASON);
    }

    @Test
    void credentialsAreReplacedAndCounted() {
        JdbcAccountRepository repository = accounts();
        AccountId id = TestDatabases.account(repository);
        int before = repository.countCredentials();

        assertThat(repository.storeCredentials(id, version -> new SealedCredentials("k1", "Zmlyc3Q=", version),
                Instant.now())).isEqualTo(1);
        assertThat(repository.storeCredentials(id, version -> new SealedCredentials("k1", "c2Vjb25k", version),
                Instant.now())).isEqualTo(2);

        assertThat(repository.credentials(id)).contains(new SealedCredentials("k1", "c2Vjb25k", 2));
        assertThat(repository.countCredentials()).isEqualTo(before + 1);
        assertThatThrownBy(() -> repository.storeCredentials(AccountId.of("missing-" + id),
                version -> new SealedCredentials("k1", "eA==", version), Instant.now()))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("missing-" + id);
    }

    @Test
    void removingAnAccountRemovesCredentialsLinksAndTokensButKeepsTheJournal() {
        JdbcAccountRepository repository = accounts();
        AccountId id = TestDatabases.account(repository);
        JdbcLinkStore links = new JdbcLinkStore(dataSource());
        JdbcTokenStore tokens = new JdbcTokenStore(dataSource());
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource());
        repository.storeCredentials(id, version -> new SealedCredentials("k", "eA==", version), Instant.now());
        links.save(link(id, "TASKS", "crm-1", "gw-1"));
        tokens.put(id, "events", new SyncToken("delta-1"));
        SyncRun run = journal.start(repository.require(id), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, Instant.now());

        assertThat(repository.delete(id)).isTrue();

        assertThat(repository.find(id)).isEmpty();
        assertThat(repository.credentials(id)).isEmpty();
        assertThat(links.list(id, "TASKS")).isEmpty();
        assertThat(tokens.get(id, "events")).isEmpty();
        assertThat(journal.run(run.id())).isPresent();
    }

    @Test
    void connectorStateIsKeptPerAccountAndScopeAndGoesWithAReset() {
        JdbcAccountRepository repository = accounts();
        AccountId id = TestDatabases.account(repository);
        AccountId other = TestDatabases.account(repository);
        io.liaison.api.connector.ConnectorState state = repository.connectorState(id);
        String longId = "AAMkAGI2" + "x".repeat(900);

        state.put("graph-calendar-series", Map.of(longId, "live", "master-2", "live"));
        state.put("graph-calendar-series", Map.of("master-2", "dropped@2026-12-07T10:00:00Z"));
        repository.connectorState(other).put("graph-calendar-series", Map.of("master-9", "live"));

        assertThat(state.entries("graph-calendar-series")).containsOnly(Map.entry(longId, "live"),
                Map.entry("master-2", "dropped@2026-12-07T10:00:00Z"));
        assertThat(state.entries("another-scope")).isEmpty();
        state.remove("graph-calendar-series", List.of("master-2", "unknown"));
        assertThat(state.entries("graph-calendar-series")).containsOnlyKeys(longId);

        repository.resetSyncState(id);
        assertThat(state.entries("graph-calendar-series")).isEmpty();
        assertThat(repository.connectorState(other).entries("graph-calendar-series")).containsOnlyKeys("master-9");
    }

    @Test
    void linkIsFoundFromBothSides() {
        AccountId id = TestDatabases.account(accounts());
        JdbcLinkStore links = new JdbcLinkStore(dataSource());
        Link link = link(id, "APPOINTMENTS", "act-1", "AAMkAGI2-immutable");

        links.save(link);

        assertThat(links.byCrmId(id, "APPOINTMENTS", "act-1")).contains(link);
        assertThat(links.byGroupwareId(id, "APPOINTMENTS", "AAMkAGI2-immutable")).contains(link);
        assertThat(links.byCrmId(id, "TASKS", "act-1")).isEmpty();
        assertThat(links.list(id, "APPOINTMENTS")).containsExactly(link);
    }

    @Test
    void savingALinkReplacesWhatEitherIdWasLinkedTo() {
        AccountId id = TestDatabases.account(accounts());
        JdbcLinkStore links = new JdbcLinkStore(dataSource());
        links.save(link(id, "TASKS", "crm-1", "gw-1"));
        links.save(link(id, "TASKS", "crm-2", "gw-2"));

        Link newVersion = new Link(id, "TASKS", "crm-1", "v2", "gw-1", "ck2", "hash2",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        links.save(newVersion);
        assertThat(links.byCrmId(id, "TASKS", "crm-1")).contains(newVersion);

        // gw-2 now belongs to crm-3: the pair crm-2/gw-2 is gone, unique per groupware id
        Link moved = link(id, "TASKS", "crm-3", "gw-2");
        links.save(moved);
        assertThat(links.byCrmId(id, "TASKS", "crm-2")).isEmpty();
        assertThat(links.byGroupwareId(id, "TASKS", "gw-2")).contains(moved);
        assertThat(links.list(id, "TASKS")).extracting(Link::crmId).containsExactly("crm-1", "crm-3");

        links.delete(id, "TASKS", "crm-1");
        assertThat(links.list(id, "TASKS")).containsExactly(moved);
    }

    @Test
    void linksAreSeparatePerAccount() {
        JdbcAccountRepository repository = accounts();
        AccountId first = TestDatabases.account(repository);
        AccountId second = TestDatabases.account(repository);
        JdbcLinkStore links = new JdbcLinkStore(dataSource());

        links.save(link(first, "CONTACTS", "c-1", "gw-1"));
        links.save(link(second, "CONTACTS", "c-1", "gw-1"));

        assertThat(links.list(first, "CONTACTS")).hasSize(1);
        assertThat(links.list(second, "CONTACTS")).hasSize(1);
    }

    @Test
    void linkOfAnUnknownAccountIsRefused() {
        JdbcLinkStore links = new JdbcLinkStore(dataSource());
        assertThatThrownBy(() -> links.save(link(AccountId.of("ghost-" + UUID.randomUUID()), "TASKS", "a", "b")))
                .isInstanceOf(StorageException.class).hasMessageContaining("TASKS").hasMessageContaining("ghost-");
    }

    @Test
    void tokenIsStoredReplacedAndCleared() {
        AccountId id = TestDatabases.account(accounts());
        JdbcTokenStore tokens = new JdbcTokenStore(dataSource());
        String longDeltaLink = "https://graph.microsoft.com/v1.0/me/mailFolders/x/messages/delta?$deltatoken="
                + "A".repeat(3000);

        assertThat(tokens.get(id, "mail:inbox")).isEmpty();
        tokens.put(id, "mail:inbox", new SyncToken("first"));
        tokens.put(id, "mail:inbox", new SyncToken(longDeltaLink));
        tokens.put(id, "events", new SyncToken("events-1"));

        assertThat(tokens.get(id, "mail:inbox")).contains(new SyncToken(longDeltaLink));
        tokens.clear(id, "mail:inbox");
        assertThat(tokens.get(id, "mail:inbox")).isEmpty();
        assertThat(tokens.get(id, "events")).contains(new SyncToken("events-1"));
    }

    /** Issue 25, point 3: an area switched off forgets its per-item tokens by their scope's prefix, and no others. */
    @Test
    void tokensAreClearedByTheirScopesPrefixTakenLiterally() {
        AccountId id = TestDatabases.account(accounts());
        AccountId other = TestDatabases.account(accounts());
        JdbcTokenStore tokens = new JdbcTokenStore(dataSource());
        tokens.put(id, "mail-failures:aa", new SyncToken("1"));
        tokens.put(id, "mail-failures:bb", new SyncToken("2"));
        tokens.put(id, "mail-failuresXcc", new SyncToken("3")); // '_' or '%' in a prefix are no wildcards
        tokens.put(id, "mail_failures:dd", new SyncToken("4"));
        tokens.put(id, "events", new SyncToken("5"));
        tokens.put(other, "mail-failures:aa", new SyncToken("6"));

        assertThat(tokens.clearStartingWith(id, "mail-failures:")).isEqualTo(2);
        assertThat(tokens.clearStartingWith(id, "mail_f")).isEqualTo(1);
        assertThat(tokens.clearStartingWith(id, "%")).isZero();

        assertThat(tokens.get(id, "mail-failures:aa")).isEmpty();
        assertThat(tokens.get(id, "mail-failures:bb")).isEmpty();
        assertThat(tokens.get(id, "mail_failures:dd")).isEmpty();
        assertThat(tokens.get(id, "mail-failuresXcc")).contains(new SyncToken("3"));
        assertThat(tokens.get(id, "events")).contains(new SyncToken("5"));
        assertThat(tokens.get(other, "mail-failures:aa")).contains(new SyncToken("6"));
    }

    @Test
    void journalKeepsRunsEntriesCountsAndCreatedActivities() {
        JdbcAccountRepository repository = accounts();
        GroupwareAccount account = repository.require(TestDatabases.account(repository));
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource());
        Instant start = Instant.now();

        SyncRun run = journal.start(account, Set.of(SyncArea.MAILS, SyncArea.CONTACTS), SyncTrigger.MANUAL, start);
        assertThat(journal.run(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        journal.append(entry(run, SyncArea.MAILS, "Offer.eml", Outcome.CREATED, "act-7"), 1);
        journal.append(entry(run, SyncArea.MAILS, "Re: Offer.eml", Outcome.CREATED, "act-8"), 2);
        journal.append(entry(run, SyncArea.CONTACTS, "Anna Berg", Outcome.CREATED, "cp-1"), 3);
        journal.append(entry(run, SyncArea.MAILS, "broken.eml", Outcome.FAILED, null), 4);
        SyncRun finished = journal.finish(run.id(), RunStatus.COMPLETED_WITH_ERRORS, Optional.empty(),
                start.plusSeconds(3));

        assertThat(finished.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(finished.startedAt()).isEqualTo(start.truncatedTo(ChronoUnit.MICROS));
        assertThat(finished.endedAt()).contains(start.plusSeconds(3).truncatedTo(ChronoUnit.MICROS));
        assertThat(finished.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.CONTACTS);
        assertThat(finished.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(finished.count(Outcome.CREATED)).isEqualTo(3);
        assertThat(finished.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(finished.count(Outcome.UPDATED)).isZero();
        assertThat(finished.createdActivities()).containsExactly("act-7", "act-8");
        assertThat(journal.entries(run.id())).extracting(JournalEntry::item)
                .containsExactly("Offer.eml", "Re: Offer.eml", "Anna Berg", "broken.eml");
        assertThat(journal.entries(run.id()).get(3).crmId()).isEmpty();
    }

    @Test
    void journalListsNewestRunsFirstPerAccountAndBounded() {
        JdbcAccountRepository repository = accounts();
        GroupwareAccount account = repository.require(TestDatabases.account(repository));
        GroupwareAccount other = repository.require(TestDatabases.account(repository));
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource());
        Instant now = Instant.now();
        SyncRun oldest = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED, now.minusSeconds(20));
        SyncRun middle = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, now.minusSeconds(10));
        SyncRun newest = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.PUSH, now);
        journal.start(other, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, now);

        assertThat(journal.runs(Optional.of(account.id()), 10)).extracting(SyncRun::id)
                .containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(journal.runs(Optional.of(account.id()), 2)).extracting(SyncRun::id)
                .containsExactly(newest.id(), middle.id());
        assertThat(journal.runs(Optional.empty(), 1000)).extracting(SyncRun::id)
                .contains(newest.id(), middle.id(), oldest.id());
        assertThat(journal.run("no-such-run")).isEmpty();
        assertThatThrownBy(() -> journal.runs(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void longJournalTextIsCutNotRefused() {
        JdbcAccountRepository repository = accounts();
        GroupwareAccount account = repository.require(TestDatabases.account(repository));
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource());
        SyncRun run = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, Instant.now());

        journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, "s".repeat(5000), Outcome.FAILED,
                "m".repeat(10_000), Optional.empty()), 1);

        JournalEntry stored = journal.entries(run.id()).get(0);
        // one word each: cut mid-word, to the sizes of issue 25 (200 and 1,000 characters)
        assertThat(stored.item()).hasSize(200).endsWith("s…");
        assertThat(stored.message()).hasSize(1000).endsWith("m…");
    }

    private static Link link(AccountId account, String scope, String crmId, String groupwareId) {
        return new Link(account, scope, crmId, "v1", groupwareId, "ck1", "hash",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static JournalEntry entry(SyncRun run, SyncArea area, String item, Outcome outcome, String crmId) {
        return new JournalEntry(run.id(), Instant.now(), area, item, outcome, "", Optional.ofNullable(crmId));
    }

    /** Issue 17, point 5: the spec's "User preferences / Groupware", kept per employee. */
    @Test
    void groupwarePreferencesAreKeptPerEmployeeWithTheSpecsDefaults(@TempDir Path vault) {
        DefaultAccountService accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource()),
                new CredentialVault(vault.resolve("vault.key")));
        accounts.addConnectorFactory(new TestPlugins.TestConnectorFactory());
        DefaultGroupwarePreferences preferences = new DefaultGroupwarePreferences(dataSource(), accounts);
        EmployeeId anna = EmployeeId.of("anna-" + UUID.randomUUID());
        EmployeeId ben = EmployeeId.of("ben-" + UUID.randomUUID());

        // "By default, only emails are imported"; "By default, only activities of the current import are displayed"
        assertThat(preferences.get(anna).wizardAreas()).containsExactly(SyncArea.MAILS);
        assertThat(preferences.get(anna).onlyCurrentImport()).isTrue();
        assertThat(preferences.get(anna).syncOnOpen()).isFalse();

        preferences.set(anna, new GroupwarePreferences(Set.of(SyncArea.MAILS, SyncArea.TASKS), false, true));
        preferences.set(anna, new GroupwarePreferences(Set.of(SyncArea.TASKS, SyncArea.APPOINTMENTS), false, true));
        assertThat(preferences.get(anna)).isEqualTo(
                new GroupwarePreferences(Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS), false, true));
        assertThat(preferences.get(ben)).as("another employee keeps the defaults").isEqualTo(GroupwarePreferences.DEFAULTS);

        // the spec: with automatic synchronisation on, "Activity synchronization when activity window is opened"
        // becomes inactive
        assertThat(preferences.syncOnOpenActive(anna)).isTrue();
        accounts.create(new AccountRequest(anna, "test", Map.of(), true, Duration.ofMinutes(5), Set.of(SyncArea.MAILS),
                null));
        assertThat(preferences.syncOnOpenActive(anna)).isFalse();
        assertThatThrownBy(() -> new GroupwarePreferences(Set.of(), true, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one area");
    }

    /** Issue 25, point 5: a contact person's rows go, an activity that has the same CRM id keeps its own. */
    @Test
    void erasingAContactPersonDeletesItsEntriesLinksAndSwitchMemoryInEveryAccount(@TempDir Path vault) {
        DefaultAccountService service = DefaultAccountService.of(accounts(), new CredentialVault(vault.resolve("k")));
        JdbcLinkStore links = new JdbcLinkStore(dataSource());
        JdbcTokenStore tokens = new JdbcTokenStore(dataSource());
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource());
        AccountId anna = TestDatabases.account(accounts());
        AccountId ben = TestDatabases.account(accounts());
        String contact = "cp-" + UUID.randomUUID();
        String address = "z.quellbrunn_" + UUID.randomUUID() + "@example.org";
        links.save(link(anna, "CONTACTS", contact, "gw-contact-anna"));
        links.save(link(ben, "CONTACTS", contact, "gw-contact-ben"));
        links.save(link(anna, "TASKS", contact, "gw-task-with-the-same-crm-id"));
        links.save(link(anna, "CONTACTS", "cp-other-" + contact, "gw-other"));
        tokens.put(anna, "contact-switch:" + contact, new SyncToken("photos"));
        tokens.put(anna, "contacts", new SyncToken("feed-position"));
        SyncRun run = journal.start(accounts().require(anna), Set.of(SyncArea.CONTACTS, SyncArea.MAILS),
                SyncTrigger.MANUAL, Instant.now());
        journal.append(entry(run, SyncArea.CONTACTS, "Zacharias Quellbrunn", Outcome.CREATED, contact), 1);
        journal.append(entry(run, SyncArea.TASKS, "Call back", Outcome.UPDATED, contact), 2);
        journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, "Offer from " + address.toUpperCase(),
                Outcome.CREATED, "", Optional.of("act-1")), 3);
        journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, "Offer.eml", Outcome.FAILED,
                "no partner found for " + address, Optional.empty()), 4);
        // '_' in the address is a LIKE wildcard unless escaped: this one differs there and must stay
        journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, address.replace('_', 'x'),
                Outcome.CREATED, "", Optional.of("act-2")), 5);
        // failing items (a hash of the label) of a FAILED entry naming the address, and of one that does not
        FailingItems failing = FailingItems.of(dataSource(), anna);
        assertThat(failing.failedAgain(SyncArea.MAILS, "Offer.eml", "no partner found for " + address,
                Instant.now())).isFalse();
        assertThat(failing.failedAgain(SyncArea.MAILS, "Unrelated.eml", "too large", Instant.now())).isFalse();
        journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, "Unrelated.eml", Outcome.FAILED,
                "too large", Optional.empty()), 6);

        List<ContactPersonId> erasedFromTheIndex = new java.util.ArrayList<>();
        DefaultErasureService erasures = new DefaultErasureService(dataSource(), service);
        erasures.setDuplicateCheck(new io.liaison.api.duplicates.DuplicateCheck() {
            @Override
            public io.liaison.api.duplicates.DuplicateResult check(EmployeeId actor,
                    io.liaison.api.duplicates.ContactCandidate candidate) {
                throw new AssertionError("an erasure checks nothing");
            }

            @Override
            public int erase(ContactPersonId erased) {
                erasedFromTheIndex.add(erased);
                return 4;
            }
        });
        Erasure erasure = erasures.eraseContactPerson(ContactPersonId.of(contact), Set.of(address));

        assertThat(erasure.count(Erasure.Kind.JOURNAL_ENTRIES)).isEqualTo(3);
        assertThat(erasure.count(Erasure.Kind.FAILING_ITEMS)).isEqualTo(1);
        FailingItems after = FailingItems.of(dataSource(), anna);
        assertThat(after.failedAgain(SyncArea.MAILS, "Offer.eml", "no partner found for " + address, Instant.now()))
                .as("its failing item went: the same failure is journaled again").isFalse();
        assertThat(after.failedAgain(SyncArea.MAILS, "Unrelated.eml", "too large", Instant.now()))
                .as("another item's failing item stays").isTrue();
        assertThat(erasure.count(Erasure.Kind.LINKS)).isEqualTo(2);
        assertThat(erasure.count(Erasure.Kind.TOKENS)).isEqualTo(1);
        assertThat(erasure.count(Erasure.Kind.DUPLICATE_INDEX_ROWS)).isEqualTo(4);
        assertThat(erasedFromTheIndex).containsExactly(ContactPersonId.of(contact));
        // the duplicate index's tables are not in this database: the compaction does what it can without them
        assertThat(erasure.compaction()).doesNotStartWith("not compacted");
        assertThat(journal.entries(run.id())).extracting(JournalEntry::item)
                .containsExactly("Call back", address.replace('_', 'x'), "Unrelated.eml");
        assertThat(links.byCrmId(anna, "CONTACTS", contact)).isEmpty();
        assertThat(links.byCrmId(ben, "CONTACTS", contact)).isEmpty();
        assertThat(links.byCrmId(anna, "TASKS", contact)).isPresent();
        assertThat(links.byCrmId(anna, "CONTACTS", "cp-other-" + contact)).isPresent();
        assertThat(tokens.get(anna, "contact-switch:" + contact)).isEmpty();
        assertThat(tokens.get(anna, "contacts")).isPresent();
    }

    /** Issue 25, point 5: an employee's accounts, credentials, links, tokens, runs and preferences go; others stay. */
    @Test
    void erasingAnEmployeeDeletesAccountsCredentialsJournalAndPreferences(@TempDir Path vault) {
        DefaultAccountService service = DefaultAccountService.of(accounts(), new CredentialVault(vault.resolve("k")));
        service.addConnectorFactory(new TestPlugins.TestConnectorFactory());
        DefaultGroupwarePreferences preferences = new DefaultGroupwarePreferences(dataSource(), service);
        JdbcLinkStore links = new JdbcLinkStore(dataSource());
        JdbcTokenStore tokens = new JdbcTokenStore(dataSource());
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource());
        EmployeeId leaving = EmployeeId.of("leaving-" + UUID.randomUUID());
        EmployeeId staying = EmployeeId.of("staying-" + UUID.randomUUID());
        GroupwareAccount first = service.create(TestDatabases.request(leaving.value(), Set.of(SyncArea.MAILS)));
        GroupwareAccount second = service.create(TestDatabases.request(leaving.value(), Set.of(SyncArea.TASKS)));
        GroupwareAccount other = service.create(TestDatabases.request(staying.value(), Set.of(SyncArea.MAILS)));
        service.setCredentials(first.id(), new Credentials("leaving", Secret.of("their-password"), Map.of()));
        links.save(link(first.id(), "TASKS", "t-1", "gw-1"));
        links.save(link(second.id(), "ACTIVITY_SYNC_MARKS", "t-2", "mark"));
        links.save(link(other.id(), "TASKS", "t-1", "gw-1"));
        tokens.put(second.id(), "tasks", new SyncToken("delta"));
        SyncRun run = journal.start(first, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, Instant.now());
        journal.append(entry(run, SyncArea.MAILS, "Offer.eml", Outcome.CREATED, "act-1"), 1);
        journal.append(entry(run, SyncArea.MAILS, "Re: Offer.eml", Outcome.CREATED, "act-2"), 2);
        // the journal outlives accounts: a run of an account removed before is the employee's too
        GroupwareAccount gone = service.create(TestDatabases.request(leaving.value(), Set.of(SyncArea.TASKS)));
        SyncRun ofRemovedAccount = journal.start(gone, Set.of(SyncArea.TASKS), SyncTrigger.MANUAL, Instant.now());
        service.remove(gone.id());
        SyncRun othersRun = journal.start(other, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, Instant.now());
        journal.append(entry(othersRun, SyncArea.MAILS, "Theirs.eml", Outcome.CREATED, "act-3"), 1);
        preferences.set(leaving, new GroupwarePreferences(Set.of(SyncArea.TASKS), false, true));
        preferences.set(staying, new GroupwarePreferences(Set.of(SyncArea.TASKS), false, true));

        Erasure erasure = new DefaultErasureService(dataSource(), service).eraseEmployee(leaving);
        assertThat(erasure.compaction()).doesNotStartWith("not compacted");

        assertThat(erasure.count(Erasure.Kind.ACCOUNTS)).isEqualTo(2);
        assertThat(erasure.count(Erasure.Kind.CREDENTIALS)).isEqualTo(1);
        assertThat(erasure.count(Erasure.Kind.LINKS)).as("a link and a mark").isEqualTo(2);
        assertThat(erasure.count(Erasure.Kind.TOKENS)).isEqualTo(1);
        assertThat(erasure.count(Erasure.Kind.JOURNAL_RUNS)).isEqualTo(2);
        assertThat(erasure.count(Erasure.Kind.JOURNAL_ENTRIES)).isEqualTo(2);
        assertThat(erasure.count(Erasure.Kind.GROUPWARE_PREFERENCES)).isEqualTo(1);
        assertThat(service.forEmployee(leaving)).isEmpty();
        assertThat(accounts().credentials(first.id())).isEmpty();
        assertThat(links.list(first.id(), "TASKS")).isEmpty();
        assertThat(journal.run(run.id())).isEmpty();
        assertThat(journal.run(ofRemovedAccount.id())).isEmpty();
        assertThat(preferences.get(leaving)).isEqualTo(GroupwarePreferences.DEFAULTS);
        assertThat(service.get(other.id())).isPresent();
        assertThat(links.list(other.id(), "TASKS")).hasSize(1);
        assertThat(journal.entries(othersRun.id())).hasSize(1);
        assertThat(preferences.get(staying).wizardAreas()).containsExactly(SyncArea.TASKS);
    }
}

package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, point 3: what changing, resetting and removing an account does to what its runs remembered. */
class AccountLifecycleTest {
    @TempDir
    Path directory;

    private DefaultAccountService service;
    private JdbcLinkStore links;
    private JdbcTokenStore tokens;
    private JdbcSyncJournal journal;
    private final TestPlugins.TestConnectorFactory connector = new TestPlugins.TestConnectorFactory();

    @BeforeEach
    void setUp() {
        DataSource dataSource = TestDatabases.h2();
        service = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        service.addConnectorFactory(connector);
        links = new JdbcLinkStore(dataSource);
        tokens = new JdbcTokenStore(dataSource);
        journal = new JdbcSyncJournal(dataSource);
    }

    private static AccountRequest request(Map<String, String> settings, Set<SyncArea> areas) {
        return new AccountRequest(EmployeeId.of("emp-1"), "test", settings, true, Duration.ofMinutes(5), areas, null);
    }

    /** The account with a link, a mark, a token and a failing item, as its runs leave them. */
    private GroupwareAccount synced(Map<String, String> settings) {
        GroupwareAccount account = service.create(request(settings, Set.of(SyncArea.MAILS, SyncArea.TASKS)));
        service.setCredentials(account.id(), new Credentials("anna", Secret.of("pw"), Map.of()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        links.save(new Link(account.id(), "TASKS", "act-1", "1", "old-mailbox-task-1", "ck", "h", now));
        links.save(new Link(account.id(), "ACTIVITY_SYNC_MARKS", "act-2", "EXCLUDED", "mark:act-2", "-", "", now));
        tokens.put(account.id(), "tasks", new SyncToken("delta-of-the-old-mailbox"));
        journal.failingItems(account.id()).failedAgain(SyncArea.MAILS, "broken.eml", "unreadable", now);
        return account;
    }

    private void assertSyncStateGone(AccountId id) {
        assertThat(links.list(id, "TASKS")).isEmpty();
        assertThat(links.list(id, "ACTIVITY_SYNC_MARKS")).isEmpty();
        assertThat(tokens.get(id, "tasks")).isEmpty();
        assertThat(journal.failingItems(id).failedAgain(SyncArea.MAILS, "broken.eml", "unreadable", Instant.now()))
                .as("a failure after the reset is journaled again").isFalse();
    }

    @Test
    void switchingTheMailboxForgetsTheOldMailboxsLinksAndTokens() {
        GroupwareAccount account = synced(Map.of("mailbox", "anna@old.example", "folder", "Inbox"));

        service.update(account.id(), request(Map.of("mailbox", "anna@new.example", "folder", "Inbox"),
                account.areas()));

        assertSyncStateGone(account.id());
        // the mailbox is not where the credentials go: they stay, and the account stays active
        assertThat(service.get(account.id()).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void changingAnotherSettingKeepsTheLinksAndTokens() {
        GroupwareAccount account = synced(Map.of("mailbox", "anna@old.example", "folder", "Inbox"));

        service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("mailbox", "anna@old.example", "folder", "Archive"), false, Duration.ofMinutes(30),
                account.areas(), null));

        assertThat(links.list(account.id(), "TASKS")).hasSize(1);
        assertThat(tokens.get(account.id(), "tasks")).isPresent();
    }

    @Test
    void whileTheConnectorIsNotInstalledAnyChangedSettingCountsAsAnotherMailbox() {
        GroupwareAccount account = synced(Map.of("folder", "Inbox"));
        service.removeConnectorFactory(connector);

        service.update(account.id(), request(Map.of("folder", "Archive"), account.areas()));

        assertSyncStateGone(account.id());
    }

    @Test
    void anAreaSwitchedOffIsForgottenByTheModuleServingIt() {
        DefaultSyncService sync = new DefaultSyncService(service, journal);
        TestPlugins.TestSynchronizer tasks = new TestPlugins.TestSynchronizer(Set.of(SyncArea.TASKS), (a, c) -> { });
        TestPlugins.TestSynchronizer mails = new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (a, c) -> { });
        sync.addAreaSynchronizer(tasks);
        sync.addAreaSynchronizer(mails);
        GroupwareAccount account = synced(Map.of("mailbox", "anna@example.com"));

        service.update(account.id(), request(Map.of("mailbox", "anna@example.com", "folder", "Inbox"), account.areas()));
        assertThat(tasks.forgotten).as("no area switched off").isEmpty();
        journal.failingItems(account.id()).failedAgain(SyncArea.TASKS, "Call Anna", "CRM refused", Instant.now());

        service.update(account.id(), request(Map.of("mailbox", "anna@example.com"), Set.of(SyncArea.MAILS)));

        assertThat(tasks.forgotten).containsExactly(account.id().value() + "/TASKS");
        assertThat(mails.forgotten).isEmpty();
        // what the other area remembers stays
        assertThat(tokens.get(account.id(), "tasks")).as("the module forgets its own scopes").isPresent();
        assertThat(journal.failingItems(account.id()).failedAgain(SyncArea.MAILS, "broken.eml", "unreadable",
                Instant.now())).isTrue();
        assertThat(journal.failingItems(account.id()).failedAgain(SyncArea.TASKS, "Call Anna", "CRM refused",
                Instant.now())).as("the switched-off area's failures are forgotten").isFalse();
    }

    @Test
    void resetForgetsLinksMarksTokensAndFailuresButKeepsTheAccount() {
        GroupwareAccount account = synced(Map.of("mailbox", "anna@example.com"));

        service.resetSyncState(account.id());

        assertSyncStateGone(account.id());
        GroupwareAccount kept = service.get(account.id()).orElseThrow();
        assertThat(kept.settings()).containsEntry("mailbox", "anna@example.com");
        assertThat(kept.state()).isEqualTo(AccountState.ACTIVE);
        assertThatThrownBy(() -> service.resetSyncState(AccountId.of("nope")))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void removingAnAccountRemovesItsLinksMarksTokensFailuresAndCredentials() {
        GroupwareAccount account = synced(Map.of("mailbox", "anna@example.com"));

        service.remove(account.id());

        assertThat(links.list(account.id(), "TASKS")).isEmpty();
        assertThat(links.list(account.id(), "ACTIVITY_SYNC_MARKS")).isEmpty();
        assertThat(tokens.get(account.id(), "tasks")).isEmpty();
        assertThat(service.get(account.id())).isEmpty();
    }

    /**
     * Issue 23, point 6: a CRM vendor's host CRM took over from the embedded one. The account's links name the
     * embedded CRM's ids, which mean nothing in the vendor's CRM (looked up there they read as deleted), so the first
     * run against the new CRM forgets them and says so; runs against the same CRM keep them.
     */
    @Test
    void aRunAgainstAnotherHostCrmForgetsWhatTheAccountRememberedOfTheCrmBefore() {
        DefaultSyncService sync = new DefaultSyncService(service, journal);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS, SyncArea.TASKS), (a, c) -> { }));
        GroupwareAccount account = synced(Map.of("mailbox", "anna@example.com"));
        HostCrm embedded = FailingAccountTest.crmWithEmployees(List.of("emp-1"));
        sync.setHostCrm(embedded, Map.of("liaison.crm.id", "io.liaison.crm.embedded"));

        SyncRun first = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);
        SyncRun second = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);

        assertThat(links.list(account.id(), "TASKS")).as("the same CRM: nothing forgotten").hasSize(1);
        assertThat(tokens.get(account.id(), "tasks")).isPresent();
        assertThat(journal.entries(first.id())).extracting(JournalEntry::item).doesNotContain("host CRM");
        assertThat(journal.entries(second.id())).extracting(JournalEntry::item).doesNotContain("host CRM");

        sync.unsetHostCrm(embedded);
        sync.setHostCrm(FailingAccountTest.crmWithEmployees(List.of("emp-1")), Map.of("liaison.crm.id", "com.example.crm"));
        SyncRun third = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);

        assertSyncStateGone(account.id());
        assertThat(journal.entries(third.id())).filteredOn(e -> e.item().equals("host CRM"))
                .extracting(JournalEntry::area, JournalEntry::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SyncArea.MAILS, Outcome.WARNING),
                        org.assertj.core.groups.Tuple.tuple(SyncArea.TASKS, Outcome.WARNING));
        assertThat(journal.entries(third.id())).filteredOn(e -> e.item().equals("host CRM")).first()
                .satisfies(e -> assertThat(e.message()).contains("io.liaison.crm.embedded").contains("com.example.crm"));

        links.save(new Link(account.id(), "TASKS", "vendor-1", "1", "task-1", "ck", "h", Instant.now()));
        sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);
        assertThat(links.list(account.id(), "TASKS")).as("the new CRM's links stay").hasSize(1);
    }
}

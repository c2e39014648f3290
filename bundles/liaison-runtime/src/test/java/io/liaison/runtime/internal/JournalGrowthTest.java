package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, point 1: runs that find nothing to do and items that keep failing do not make the journal grow. */
class JournalGrowthTest {
    @TempDir
    Path directory;

    private DefaultAccountService accounts;
    private JdbcSyncJournal journal;
    private DefaultSyncService sync;
    private GroupwareAccount account;
    /** What the test synchronizer does in the next run. */
    private final AtomicReference<TestPlugins.Work> work = new AtomicReference<>((area, context) -> { });

    @BeforeEach
    void setUp() {
        DataSource dataSource = TestDatabases.h2();
        accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        accounts.addConnectorFactory(new TestPlugins.TestConnectorFactory());
        journal = new JdbcSyncJournal(dataSource);
        sync = new DefaultSyncService(accounts, journal);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS),
                (area, context) -> work.get().run(area, context)));
        account = accounts.create(new AccountRequest(EmployeeId.of("emp-1"), "test", Map.of(), true, null,
                Set.of(SyncArea.MAILS), null));
    }

    @Test
    void scheduledRunsThatFindNothingAreCountedNotJournaled() {
        for (int i = 0; i < 5; i++) {
            SyncRun run = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(journal.run(run.id())).isEmpty();
        }

        assertThat(journal.runs(Optional.of(account.id()), 100)).isEmpty();
        assertThat(journal.idleRuns(account.id()).count()).isEqualTo(5);
        assertThat(journal.idleRuns(account.id()).last()).isPresent();
    }

    @Test
    void scheduledRunThatDidSomethingAndManualRunsKeepTheirRows() {
        work.set((area, context) -> context.journal().record(area, "a.eml", Outcome.CREATED, "", Optional.of("act-1")));
        SyncRun busy = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        work.set((area, context) -> { });
        SyncRun manual = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);

        assertThat(journal.run(busy.id())).contains(busy);
        assertThat(journal.entries(busy.id())).extracting(JournalEntry::item).containsExactly("a.eml");
        assertThat(journal.run(manual.id())).contains(manual);
        assertThat(journal.idleRuns(account.id()).count()).isZero();
    }

    @Test
    void failedScheduledRunKeepsItsRowAndReason() {
        work.set((area, context) -> {
            throw new IllegalStateException("mailbox not found");
        });

        SyncRun run = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(journal.run(run.id()).orElseThrow().error()).hasValueSatisfying(e ->
                assertThat(e).contains("mailbox not found"));
    }

    @Test
    void itemThatKeepsFailingIsJournaledOncePerChangeOfItsFailure() {
        AtomicReference<String> reason = new AtomicReference<>("unreadable: truncated MIME");
        work.set((area, context) -> {
            context.journal().record(area, "broken.eml", Outcome.FAILED, reason.get(), Optional.empty());
            context.journal().record(area, "fine.eml", Outcome.UNCHANGED, "", Optional.empty());
        });

        SyncRun first = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        SyncRun second = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        SyncRun third = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        reason.set("unreadable: attachment too large");
        SyncRun changed = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);

        assertThat(journal.entries(first.id())).extracting(JournalEntry::item).containsExactly("broken.eml", "fine.eml");
        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        // the run failed on the item too, and says so; the journal shows the failure once
        assertThat(second.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(journal.entries(second.id())).extracting(JournalEntry::outcome).containsExactly(Outcome.UNCHANGED);
        assertThat(journal.run(second.id()).orElseThrow().count(Outcome.FAILED)).isZero();
        assertThat(journal.entries(third.id())).extracting(JournalEntry::outcome).containsExactly(Outcome.UNCHANGED);
        assertThat(journal.entries(changed.id())).extracting(JournalEntry::message)
                .contains("unreadable: attachment too large");
    }

    @Test
    void itemThatFailsAgainAfterSucceedingIsJournaledAgain() {
        AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.FAILED);
        work.set((area, context) -> context.journal().record(area, "offer.eml", outcome.get(), "CRM refused",
                Optional.empty()));

        SyncRun failed = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        SyncRun repeated = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        outcome.set(Outcome.UPDATED);
        sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        outcome.set(Outcome.FAILED);
        SyncRun again = sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);

        assertThat(journal.entries(failed.id())).hasSize(1);
        assertThat(journal.run(repeated.id())).isEmpty();
        assertThat(repeated.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(journal.entries(again.id())).extracting(JournalEntry::outcome).containsExactly(Outcome.FAILED);
    }

    @Test
    void onlyRepeatedFailuresLeaveNoRowButTheFirstEntryStays() {
        work.set((area, context) -> context.journal().record(area, "broken.eml", Outcome.FAILED, "unreadable",
                Optional.empty()));

        for (int i = 0; i < 10; i++) {
            sync.sync(account.id(), Set.of(), SyncTrigger.SCHEDULED);
        }

        List<SyncRun> runs = journal.runs(Optional.of(account.id()), 100);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).count(Outcome.FAILED)).isEqualTo(1);
        assertThat(journal.idleRuns(account.id()).count()).isEqualTo(9);
    }
}

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, point 1: the journal keeps runs for the retention period only, purged beside the runs. */
class JournalRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @TempDir
    Path directory;

    private DataSource dataSource;
    private JdbcSyncJournal journal;
    private DefaultAccountService accounts;
    private GroupwareAccount account;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        journal = new JdbcSyncJournal(dataSource);
        accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        accounts.addConnectorFactory(new TestPlugins.TestConnectorFactory());
        account = accounts.create(new AccountRequest(EmployeeId.of("emp-1"), "test", Map.of(), false, null,
                Set.of(SyncArea.MAILS), null));
    }

    private SyncRun run(Instant startedAt, int entries) {
        SyncRun run = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED, startedAt);
        for (int i = 1; i <= entries; i++) {
            journal.append(new JournalEntry(run.id(), startedAt, SyncArea.MAILS, "mail-" + i + ".eml",
                    Outcome.CREATED, "", Optional.of("act-" + i)), i);
        }
        return journal.finish(run.id(), RunStatus.SUCCEEDED, Optional.empty(), startedAt.plusSeconds(1));
    }

    @Test
    void runsOlderThanTheRetentionGoWithTheirEntriesAndNewerOnesStay() {
        SyncRun old = run(NOW.minus(Duration.ofDays(91)), 3);
        SyncRun recent = run(NOW.minus(Duration.ofDays(89)), 2);
        JournalRetention retention = new JournalRetention(journal, 90, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(retention.purge()).isEqualTo(1);

        assertThat(journal.run(old.id())).isEmpty();
        assertThat(journal.entries(old.id())).isEmpty();
        assertThat(journal.run(recent.id())).isPresent();
        assertThat(journal.entries(recent.id())).hasSize(2);
    }

    @Test
    void retentionZeroKeepsEverything() {
        SyncRun old = run(NOW.minus(Duration.ofDays(2000)), 1);

        assertThat(new JournalRetention(journal, 0, Clock.fixed(NOW, ZoneOffset.UTC)).purge()).isZero();
        assertThat(journal.run(old.id())).isPresent();
    }

    @Test
    void aRunStillUnderWayIsNotPurged() {
        SyncRun running = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL,
                NOW.minus(Duration.ofDays(200)));

        new JournalRetention(journal, 90, Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertThat(journal.run(running.id())).isPresent();
    }

    @Test
    void failingItemWhoseEntryWasPurgedIsJournaledAgain() {
        Instant old = NOW.minus(Duration.ofDays(100));
        FailingItems failing = journal.failingItems(account.id());
        assertThat(failing.failedAgain(SyncArea.MAILS, "broken.eml", "unreadable", old)).isFalse();
        assertThat(failing.failedAgain(SyncArea.MAILS, "broken.eml", "unreadable", old)).isTrue();

        new JournalRetention(journal, 90, Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertThat(journal.failingItems(account.id()).failedAgain(SyncArea.MAILS, "broken.eml", "unreadable", NOW))
                .isFalse();
    }

    @Test
    void purgeUnderLoadDeletesInBatchesWhileRunsGoOn() throws Exception {
        int oldRuns = 2_000;
        for (int i = 0; i < oldRuns; i++) {
            run(NOW.minus(Duration.ofDays(120)).plusSeconds(60L * i), 3);
        }
        DefaultSyncService sync = new DefaultSyncService(accounts, journal);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) ->
                context.journal().record(area, "new.eml", Outcome.CREATED, "", Optional.of("act-new"))));
        JournalRetention retention = new JournalRetention(journal, 90, Clock.fixed(NOW, ZoneOffset.UTC));

        CompletableFuture<Integer> purge = CompletableFuture.supplyAsync(retention::purge);
        List<SyncRun> during = new ArrayList<>();
        long slowestMillis = 0;
        while (!purge.isDone()) {
            long start = System.nanoTime();
            during.add(sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL));
            slowestMillis = Math.max(slowestMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }

        assertThat(purge.get(60, TimeUnit.SECONDS)).isEqualTo(oldRuns);
        assertThat(during).isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(journal.run(r.id())).isPresent();
        });
        // a run beside the purge waits for one batch at most, never for the whole purge
        assertThat(slowestMillis).isLessThan(2_000);
        assertThat(journal.runs(Optional.of(account.id()), JdbcSyncJournal.MAX_LIMIT)).hasSize(during.size());
    }
}

package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomaticSyncTest {
    @TempDir
    Path directory;

    private DefaultAccountService accounts;
    private JdbcSyncJournal journal;
    private DefaultSyncService sync;
    private AutomaticSync automatic;
    private final FakeScheduler scheduler = new FakeScheduler();
    private final TestPlugins.TestConnectorFactory connector = new TestPlugins.TestConnectorFactory();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile CountDownLatch inside = new CountDownLatch(1);
    private volatile boolean holdRuns;
    private volatile boolean runUntilCancelled;
    private volatile Boolean interruptedInRun;
    private volatile boolean failNextRun;
    /** Whether runs journal an item (else they find nothing to do and get no journal row). */
    private volatile boolean journalAnItem = true;

    @BeforeEach
    void setUp() {
        DataSource dataSource = TestDatabases.h2();
        accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        accounts.addConnectorFactory(connector);
        journal = new JdbcSyncJournal(dataSource);
        sync = new DefaultSyncService(accounts, journal);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(java.util.Set.of(SyncArea.MAILS), (a, c) -> {
            if (failNextRun) {
                failNextRun = false;
                throw new IllegalStateException("mailbox not found");
            }
            if (holdRuns) {
                inside.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            }
            if (runUntilCancelled) {
                inside.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!c.isCancelled() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                interruptedInRun = Thread.currentThread().isInterrupted();
            }
            if (journalAnItem) {
                c.journal().record(a, "Offer.eml", io.liaison.api.runtime.Outcome.UNCHANGED, "", Optional.empty());
            }
        }));
        automatic = new AutomaticSync(accounts, sync, 2);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        automatic.deactivate();
    }

    private GroupwareAccount account(boolean autoSync) {
        return accounts.create(new AccountRequest(EmployeeId.of("emp"), "test", Map.of(), autoSync,
                Duration.ofMinutes(10), null, null));
    }

    private static String job(GroupwareAccount account) {
        return AccountScheduler.jobName(account.id());
    }

    @Test
    void schedulerArrivingSchedulesTheAutomaticAccounts() {
        GroupwareAccount auto = account(true);
        account(false);

        automatic.setScheduler(scheduler);

        assertThat(scheduler.jobs).containsOnlyKeys(job(auto));
        assertThat(scheduler.jobs.get(job(auto)).options().periodSeconds).isEqualTo(600);
    }

    @Test
    void accountChangesAreFollowed() {
        automatic.setScheduler(scheduler);
        GroupwareAccount account = account(true);
        assertThat(scheduler.jobs).containsOnlyKeys(job(account));

        connector.refusal = "password expired";
        sync.sync(account.id(), java.util.Set.of(), SyncTrigger.MANUAL);
        assertThat(scheduler.jobs).isEmpty();

        connector.refusal = null;
        accounts.setCredentials(account.id(), Credentials.NONE);
        assertThat(scheduler.jobs).containsOnlyKeys(job(account));

        accounts.setEnabled(account.id(), false);
        assertThat(scheduler.jobs).isEmpty();
        accounts.setEnabled(account.id(), true);
        assertThat(scheduler.jobs).containsOnlyKeys(job(account));

        accounts.remove(account.id());
        assertThat(scheduler.jobs).isEmpty();
    }

    @Test
    void firingJobRunsAScheduledSync() {
        automatic.setScheduler(scheduler);
        GroupwareAccount account = account(true);
        journalAnItem = false;

        scheduler.trigger(job(account));

        // the run found nothing to do: counted on the account, no journal row (issue 25)
        await(() -> Optional.of(journal.idleRuns(account.id())).filter(idle -> idle.count() == 1));
        assertThat(journal.runs(Optional.of(account.id()), 10)).isEmpty();
    }

    @Test
    void firingJobOfAnAccountWithWorkJournalsAScheduledRun() {
        automatic.setScheduler(scheduler);
        GroupwareAccount account = account(true);
        failNextRun = true;

        scheduler.trigger(job(account));

        SyncRun run = await(() -> journal.runs(Optional.of(account.id()), 10).stream()
                .filter(r -> r.status() != RunStatus.RUNNING).findFirst());
        assertThat(run.trigger()).isEqualTo(SyncTrigger.SCHEDULED);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void newCredentialsStartARunAtOnceInsteadOfOneIntervalLater() {
        automatic.setScheduler(scheduler);
        GroupwareAccount account = account(true);
        connector.refusal = "password expired";
        sync.sync(account.id(), java.util.Set.of(), SyncTrigger.MANUAL);
        connector.refusal = null;
        journalAnItem = false;
        int signInsBefore = connector.signIns.get();

        accounts.setCredentials(account.id(), Credentials.NONE);

        // no job fired: the run comes from the new credentials
        await(() -> Optional.of(connector.signIns.get()).filter(n -> n > signInsBefore));
        await(() -> Optional.of(journal.idleRuns(account.id())).filter(idle -> idle.count() == 1));
    }

    @Test
    void newCredentialsOfAnAccountWithoutAutoSyncStartNothing() throws Exception {
        automatic.setScheduler(scheduler);
        GroupwareAccount account = account(false);
        int signInsBefore = connector.signIns.get();

        accounts.setCredentials(account.id(), Credentials.NONE);

        Thread.sleep(300);
        assertThat(connector.signIns.get()).isEqualTo(signInsBefore);
    }

    @Test
    void tickDuringARunIsSkipped() throws Exception {
        automatic.setScheduler(scheduler);
        GroupwareAccount account = account(true);
        holdRuns = true;

        scheduler.trigger(job(account));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        scheduler.trigger(job(account));
        scheduler.trigger(job(account));
        release.countDown();

        await(() -> journal.runs(Optional.of(account.id()), 10).stream()
                .filter(r -> r.status() != RunStatus.RUNNING).findFirst());
        await(() -> automatic.isIdle(account.id()) ? Optional.of(true) : Optional.empty());
        assertThat(journal.runs(Optional.of(account.id()), 10)).hasSize(1);

        holdRuns = false;
        scheduler.trigger(job(account));
        await(() -> journal.runs(Optional.of(account.id()), 10).size() == 2
                && journal.runs(Optional.of(account.id()), 10).stream().noneMatch(r -> r.status() == RunStatus.RUNNING)
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void schedulerLeavingOrDeactivationRemovesEveryJob() {
        automatic.setScheduler(scheduler);
        account(true);
        account(true);
        assertThat(scheduler.jobs).hasSize(2);

        automatic.unsetScheduler(scheduler);
        assertThat(scheduler.jobs).isEmpty();

        automatic.setScheduler(scheduler);
        assertThat(scheduler.jobs).hasSize(2);
        automatic.deactivate();
        assertThat(scheduler.jobs).isEmpty();
        account(true);
        assertThat(scheduler.jobs).isEmpty();
    }

    @Test
    void deactivationCancelsAScheduledRunAndWaitsForItWithoutInterruptingItsThread() throws Exception {
        // an interrupt in the middle of H2 or file I/O closes the database under everyone (issue 23)
        runUntilCancelled = true;
        GroupwareAccount account = account(true);
        automatic.enqueue(account.id());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        automatic.deactivate();

        assertThat(interruptedInRun).isFalse();
        assertThat(journal.runs(Optional.of(account.id()), 10)).singleElement()
                .satisfies(r -> assertThat(r.status()).isNotEqualTo(RunStatus.RUNNING));
    }

    @Test
    void aNewNumberOfParallelRunsAppliesWithoutCancellingTheRunUnderWay() throws Exception {
        holdRuns = true;
        GroupwareAccount account = account(true);
        automatic.enqueue(account.id());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        automatic.setMaxParallelRuns(6);
        assertThat(automatic.maxParallelRuns()).isEqualTo(6);
        automatic.setMaxParallelRuns(1);
        automatic.setMaxParallelRuns(0); // refused, kept
        release.countDown();

        SyncRun run = await(() -> journal.runs(Optional.of(account.id()), 10).stream()
                .filter(r -> r.status() != RunStatus.RUNNING).findFirst());
        assertThat(run.status()).as("the run under way went on").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(automatic.maxParallelRuns()).isEqualTo(1);
    }

    @Test
    void withoutSchedulerAccountsStillSyncOnRequest() {
        GroupwareAccount account = account(true);

        assertThat(automatic.accountScheduler()).isEmpty();
        assertThat(sync.sync(account.id(), java.util.Set.of(), SyncTrigger.MANUAL).status())
                .isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void parallelRunsMustBeAtLeastOne() {
        assertThatThrownBy(() -> new AutomaticSync(accounts, sync, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxParallelRuns");
    }

    /** Polls until the supplier has a value, for at most 30 seconds. */
    private static <T> T await(Supplier<Optional<T>> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("condition not met within 30 s");
    }
}

package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.RuntimeEvents;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class DefaultSyncServiceTest {
    @TempDir
    Path directory;

    private DefaultAccountService accounts;
    private JdbcSyncJournal journal;
    private DefaultSyncService sync;
    private final TestPlugins.TestConnectorFactory connector = new TestPlugins.TestConnectorFactory();
    private final TestPlugins.RecordingEventAdmin events = new TestPlugins.RecordingEventAdmin();

    @BeforeEach
    void setUp() {
        DataSource dataSource = TestDatabases.h2();
        accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        accounts.addConnectorFactory(connector);
        accounts.setEventAdmin(events);
        journal = new JdbcSyncJournal(dataSource);
        sync = new DefaultSyncService(accounts, journal);
        sync.setEventAdmin(events);
    }

    private GroupwareAccount account(Set<SyncArea> areas) {
        return accounts.create(new AccountRequest(EmployeeId.of("emp-7"), "test", Map.of(), true, null, areas, null));
    }

    @Test
    void runJournalsEveryItemAndCountsOutcomes() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS, SyncArea.CONTACTS));
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            context.journal().record(area, "Offer.eml", Outcome.CREATED, "", Optional.of("act-1"));
            context.journal().record(area, "Invoice.eml", Outcome.CREATED, "", Optional.of("act-2"));
            context.journal().record(area, "Old.eml", Outcome.UNCHANGED, "", Optional.empty());
        }));
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.CONTACTS), (area, context) ->
                context.journal().record(area, "Anna Berg", Outcome.CREATED, "", Optional.of("cp-9"))));

        SyncRun run = sync.sync(account.id(), Set.of(SyncArea.MAILS, SyncArea.CONTACTS), SyncTrigger.MANUAL);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.count(Outcome.CREATED)).isEqualTo(3);
        assertThat(run.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(run.createdActivities()).containsExactly("act-1", "act-2");
        assertThat(run.endedAt()).isPresent();
        assertThat(run.error()).isEmpty();
        assertThat(journal.run(run.id())).contains(run);
        assertThat(journal.entries(run.id())).extracting(JournalEntry::item)
                .containsExactly("Offer.eml", "Invoice.eml", "Old.eml", "Anna Berg");
        assertThat(connector.sessions).singleElement().satisfies(s -> assertThat(s.closed).isTrue());
    }

    @Test
    void runCompletedEventCarriesCountsAndCreatedActivities() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            context.journal().record(area, "a.eml", Outcome.CREATED, "", Optional.of("act-10"));
            context.journal().record(area, "b.eml", Outcome.FAILED, "unreadable", Optional.empty());
        }));

        SyncRun run = sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        List<Event> posted = events.onTopic(RuntimeEvents.TOPIC_RUN_COMPLETED);
        assertThat(posted).hasSize(1);
        Event event = posted.get(0);
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_RUN_ID)).isEqualTo(run.id());
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_ACCOUNT)).isEqualTo(account.id().value());
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_EMPLOYEE)).isEqualTo("emp-7");
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_STATUS)).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat((String[]) event.getProperty(RuntimeEvents.PROPERTY_CREATED_ACTIVITIES)).containsExactly("act-10");
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_COUNT_PREFIX + "CREATED")).isEqualTo(1);
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_COUNT_PREFIX + "FAILED")).isEqualTo(1);
        assertThat(event.getProperty(RuntimeEvents.PROPERTY_COUNT_PREFIX + "UPDATED")).isEqualTo(0);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void failingAreaDoesNotStopTheOthers() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS, SyncArea.APPOINTMENTS, SyncArea.TASKS));
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.APPOINTMENTS), (area, context) -> {
            throw new IllegalStateException("calendar folder not found");
        }));
        TestPlugins.TestSynchronizer mails = new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS, SyncArea.TASKS),
                (area, context) -> context.journal().record(area, area + "-item", Outcome.CREATED, "",
                        Optional.of("crm-" + area)));
        sync.addAreaSynchronizer(mails);

        SyncRun run = sync.sync(account.id(), Set.of(SyncArea.MAILS, SyncArea.APPOINTMENTS, SyncArea.TASKS),
                SyncTrigger.MANUAL);

        assertThat(mails.calls).hasValue(2);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(run.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(run.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(run.createdActivities()).containsExactly("crm-MAILS", "crm-TASKS");
        JournalEntry failure = journal.entries(run.id()).stream()
                .filter(e -> e.outcome() == Outcome.FAILED).findFirst().orElseThrow();
        assertThat(failure.area()).isEqualTo(SyncArea.APPOINTMENTS);
        assertThat(failure.message()).contains("calendar folder not found");
        assertThat(connector.sessions.get(0).closed).isTrue();
    }

    @Test
    void runWhoseOnlyAreaFailsIsFailed() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            throw new java.io.IOException("import root missing");
        }));

        SyncRun run = sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error().orElseThrow()).contains("MAILS").contains("import root missing");
        assertThat(connector.sessions.get(0).closed).isTrue();
    }

    @Test
    void refusedSignInFailsTheRunBlocksTheAccountAndIsNotRetriedUntilNewCredentials() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        accounts.setCredentials(account.id(), new Credentials("anna", Secret.of("wrong"), Map.of()));
        TestPlugins.TestSynchronizer mails = new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS),
                (area, context) -> context.journal().record(area, "x.eml", Outcome.CREATED, "", Optional.of("a-1")));
        sync.addAreaSynchronizer(mails);
        connector.refusal = "invalid_grant";

        SyncRun first = sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED);
        SyncRun second = sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        assertThat(first.status()).isEqualTo(RunStatus.FAILED);
        assertThat(first.error().orElseThrow()).contains("invalid_grant").contains("PASSWORD_BLOCKED");
        assertThat(second.status()).isEqualTo(RunStatus.FAILED);
        assertThat(connector.signIns).hasValue(1);
        assertThat(mails.calls).hasValue(0);
        assertThat(accounts.get(account.id()).orElseThrow().state()).isEqualTo(AccountState.PASSWORD_BLOCKED);
        assertThat(events.onTopic(RuntimeEvents.TOPIC_ACCOUNT_BLOCKED)).hasSize(1);
        assertThat(events.onTopic(RuntimeEvents.TOPIC_RUN_COMPLETED)).extracting(
                e -> e.getProperty(RuntimeEvents.PROPERTY_STATUS)).containsExactly("FAILED", "FAILED");

        connector.refusal = null;
        accounts.setCredentials(account.id(), new Credentials("anna", Secret.of("right"), Map.of()));
        SyncRun third = sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        assertThat(third.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(connector.signIns).hasValue(2);
        assertThat(mails.calls).hasValue(1);
    }

    @Test
    void areaTheAccountHasNotEnabledIsSkippedWithAWarning() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        TestPlugins.TestSynchronizer contacts = new TestPlugins.TestSynchronizer(Set.of(SyncArea.CONTACTS),
                (area, context) -> context.journal().record(area, "c", Outcome.CREATED, "", Optional.empty()));
        sync.addAreaSynchronizer(contacts);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> { }));

        SyncRun run = sync.sync(account.id(), Set.of(SyncArea.MAILS, SyncArea.CONTACTS), SyncTrigger.MANUAL);

        assertThat(contacts.calls).hasValue(0);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(journal.entries(run.id())).singleElement().satisfies(entry -> {
            assertThat(entry.area()).isEqualTo(SyncArea.CONTACTS);
            assertThat(entry.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(entry.message()).contains("not enabled");
        });
    }

    @Test
    void areaNoModuleServesIsSkippedWithAWarning() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS, SyncArea.TASKS));
        TestPlugins.TestSynchronizer tasks = new TestPlugins.TestSynchronizer(Set.of(SyncArea.TASKS), (a, c) -> { });
        sync.addAreaSynchronizer(tasks);
        sync.removeAreaSynchronizer(tasks);

        SyncRun run = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);

        assertThat(run.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(run.count(Outcome.WARNING)).isEqualTo(2);
        assertThat(journal.entries(run.id())).extracting(JournalEntry::message)
                .allSatisfy(message -> assertThat(message).contains("no installed module serves"));
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void aScheduledRunIsRefusedWhileARunGoesAndAPersonsRunWaitsForItAndRunsRightAfter() throws Exception {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        GroupwareAccount other = account(Set.of(SyncArea.MAILS));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            if (context.account().id().equals(account.id()) && held.compareAndSet(false, true)) {
                inside.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            }
        }));

        CompletableFuture<SyncRun> first = CompletableFuture.supplyAsync(
                () -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<SyncRun> person;
        try {
            assertThatThrownBy(() -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED))
                    .isInstanceOf(SyncAlreadyRunningException.class).hasMessageContaining(account.id().value());
            // "synchronise now" pressed during the scheduled run: queued, not refused
            person = CompletableFuture.supplyAsync(
                    () -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    // a scheduled run leaves the turn to the person waiting
                    sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.PUSH);
                    throw new AssertionError("a pushed run started while a run was under way");
                } catch (SyncAlreadyRunningException e) {
                    if (e.getMessage().contains("waits to run")) {
                        break;
                    }
                }
                assertThat(System.nanoTime()).as("the person's run is waiting").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(person).isNotDone();
            assertThat(sync.isRunning(account.id())).isTrue();
            // another account is not held up
            assertThat(sync.sync(other.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL).status())
                    .isEqualTo(RunStatus.SUCCEEDED);
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
        SyncRun queued = person.get(30, TimeUnit.SECONDS);
        assertThat(queued.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(queued.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(sync.isRunning(account.id())).isFalse();
    }

    @Test
    void aPersonsRunThatWaitedTooLongForARunUnderWaySaysSo() throws Exception {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            inside.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        }));
        sync.personWait(java.time.Duration.ofMillis(300));
        CompletableFuture<SyncRun> first = CompletableFuture.supplyAsync(
                () -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL))
                    .isInstanceOf(SyncAlreadyRunningException.class).hasMessageContaining("still under way after");
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void anErrorEndsTheRunAsFailedInTheJournalInsteadOfLeavingItRunning() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            throw new OutOfMemoryError("Java heap space");
        }));

        assertThatThrownBy(() -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL))
                .isInstanceOf(OutOfMemoryError.class);

        SyncRun run = journal.runs(Optional.empty(), 10).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error().orElseThrow()).contains("OutOfMemoryError", "Java heap space");
        assertThat(sync.isRunning(account.id())).isFalse();
    }

    @Test
    void aModuleThatGoesAwayCancelsItsRunsAndOnlyThose() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS, SyncArea.CONTACTS));
        AtomicBoolean sawCancel = new AtomicBoolean();
        TestPlugins.TestSynchronizer[] mails = new TestPlugins.TestSynchronizer[1];
        mails[0] = new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            assertThat(context.isCancelled()).isFalse();
            sync.removeAreaSynchronizer(mails[0]);
            sawCancel.set(context.isCancelled());
        });
        sync.addAreaSynchronizer(mails[0]);

        sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        assertThat(sawCancel).isTrue();
        // another module's run goes on
        AtomicBoolean contactsCancelled = new AtomicBoolean(true);
        TestPlugins.TestSynchronizer other = new TestPlugins.TestSynchronizer(Set.of(SyncArea.CONTACTS),
                (area, context) -> contactsCancelled.set(context.isCancelled()));
        sync.addAreaSynchronizer(other);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> { }));
        sync.sync(account.id(), Set.of(SyncArea.CONTACTS), SyncTrigger.MANUAL);
        assertThat(contactsCancelled).isFalse();
    }

    @Test
    void aModuleRemovedDuringARunWaitsForItsRunWhichEndsCancelledWithTheReason() throws Exception {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        CountDownLatch inside = new CountDownLatch(1);
        AtomicBoolean itemDoneBeforeRemovalReturned = new AtomicBoolean();
        AtomicBoolean removalReturned = new AtomicBoolean();
        TestPlugins.TestSynchronizer mails = new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS),
                (area, context) -> {
                    inside.countDown();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!context.isCancelled() && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    // the item under way is finished before the module's service is gone
                    itemDoneBeforeRemovalReturned.set(!removalReturned.get());
                });
        sync.addAreaSynchronizer(mails);
        SyncRun[] result = new SyncRun[1];
        Thread runner = new Thread(() -> result[0] = sync.sync(account.id(), Set.of(SyncArea.MAILS),
                SyncTrigger.SCHEDULED));
        runner.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        sync.removeAreaSynchronizer(mails);
        removalReturned.set(true);
        runner.join(10_000);

        assertThat(itemDoneBeforeRemovalReturned).isTrue();
        assertThat(result[0].status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result[0].error().orElseThrow()).contains("the module serving MAILS was stopped or removed",
                "left for the next run");
    }

    @Test
    void stoppingCancelsTheRunsUnderWayAndWaitsForThemWithoutInterrupting() throws Exception {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        CountDownLatch inside = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            inside.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!context.isCancelled() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        }));
        Thread runner = new Thread(() -> sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL));
        runner.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        sync.deactivate();

        assertThat(sync.isRunning(account.id())).isFalse();
        runner.join(10_000);
        assertThat(interrupted).isFalse();
        assertThat(journal.runs(Optional.empty(), 10).get(0).status()).isNotEqualTo(RunStatus.RUNNING);
    }

    @Test
    void removingTheAccountCancelsItsRun() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        AtomicBoolean sawCancel = new AtomicBoolean();
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            assertThat(context.isCancelled()).isFalse();
            accounts.remove(context.account().id());
            sawCancel.set(context.isCancelled());
        }));

        SyncRun run = sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL);

        assertThat(sawCancel).isTrue();
        assertThat(journal.run(run.id())).isPresent();
    }

    @Test
    void unknownAccountIsNamed() {
        assertThatThrownBy(() -> sync.sync(AccountId.of("acc-missing"), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("acc-missing");
    }

    @Test
    void runWithoutConnectorFailsWithTheReason() {
        GroupwareAccount account = accounts.create(new AccountRequest(EmployeeId.of("e"), "graph", Map.of(), false,
                null, null, null));

        SyncRun run = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error().orElseThrow()).contains("no connector of type 'graph'");
    }

    @Test
    void runsCutOffByAStopAreClosedAsFailedOnStart() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        SyncRun cutOff = journal.start(account, Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED, Instant.now());

        new DefaultSyncService(accounts, journal);

        SyncRun closed = journal.run(cutOff.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(closed.error().orElseThrow()).contains("interrupted");
    }

    @Test
    void withoutEventAdminTheRunStillEnds() {
        GroupwareAccount account = account(Set.of(SyncArea.MAILS));
        sync.unsetEventAdmin(events);
        accounts.unsetEventAdmin(events);
        sync.addAreaSynchronizer(new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (a, c) -> { }));

        assertThat(sync.sync(account.id(), Set.of(SyncArea.MAILS), SyncTrigger.MANUAL).status())
                .isEqualTo(RunStatus.SUCCEEDED);
        assertThat(events.events).isEmpty();
    }
}

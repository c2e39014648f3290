package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.EmployeeDirectory;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 4: an account whose runs keep failing is FAILING with the reason and its scheduled runs back off
 * (interval × 2^k, at most a day), on a fake clock; a manual run still runs and a run that works clears it; a run of
 * an employee no longer in the CRM fails with that reason.
 */
class FailingAccountTest {
    private static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path directory;

    private final FakeClock clock = new FakeClock(T0);
    private final FakeScheduler scheduler = new FakeScheduler();
    private DefaultAccountService accounts;
    private DefaultSyncService sync;
    private AutomaticSync automatic;
    private TestPlugins.TestSynchronizer mails;
    private volatile boolean mailboxGone = true;

    @BeforeEach
    void setUp() {
        DataSource dataSource = TestDatabases.h2();
        accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        accounts.addConnectorFactory(new TestPlugins.TestConnectorFactory());
        sync = new DefaultSyncService(accounts, new JdbcSyncJournal(dataSource), clock);
        mails = new TestPlugins.TestSynchronizer(Set.of(SyncArea.MAILS), (area, context) -> {
            if (mailboxGone) {
                throw new IllegalStateException("mailbox not found");
            }
        });
        sync.addAreaSynchronizer(mails);
        automatic = new AutomaticSync(accounts, sync, 1, clock);
        automatic.setScheduler(scheduler);
    }

    @AfterEach
    void tearDown() {
        automatic.deactivate();
    }

    private GroupwareAccount account(String employee) {
        return accounts.create(new AccountRequest(EmployeeId.of(employee), "test", Map.of(), true, INTERVAL, null,
                null));
    }

    private GroupwareAccount reread(GroupwareAccount account) {
        return accounts.get(account.id()).orElseThrow();
    }

    /** Fires the account's job at the clock's time, waits for what it queued; whether a run was made. */
    private boolean tick(GroupwareAccount account) {
        int before = mails.calls.get();
        assertThat(scheduler.trigger(AccountScheduler.jobName(account.id()))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!automatic.isIdle(account.id()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(automatic.isIdle(account.id())).isTrue();
        return mails.calls.get() > before;
    }

    @Test
    void threeFailedRunsInARowMakeTheAccountFailingWithTheReason() {
        GroupwareAccount account = account("emp");

        assertThat(tick(account)).isTrue();
        assertThat(tick(account)).isTrue();
        assertThat(reread(account).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(tick(account)).isTrue();

        GroupwareAccount failing = reread(account);
        assertThat(failing.state()).isEqualTo(AccountState.FAILING);
        assertThat(failing.stateReason()).hasValueSatisfying(r -> assertThat(r).contains("mailbox not found"));
        assertThat(accounts.list()).extracting(GroupwareAccount::state).containsExactly(AccountState.FAILING);
        // still scheduled: not blocked
        assertThat(scheduler.jobs).containsKey(AccountScheduler.jobName(account.id()));
    }

    @Test
    void scheduledRunsOfAFailingAccountBackOffExponentially() {
        GroupwareAccount account = account("emp");
        for (int i = 0; i < 3; i++) {
            assertThat(tick(account)).isTrue();
        }
        // third failure at T0: the next run waits 2 intervals, then 4, then 8
        clock.set(T0.plus(INTERVAL));
        assertThat(tick(account)).isFalse();
        clock.set(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(tick(account)).isTrue();
        Instant fourth = clock.instant();
        clock.set(fourth.plus(INTERVAL.multipliedBy(3)));
        assertThat(tick(account)).isFalse();
        clock.set(fourth.plus(INTERVAL.multipliedBy(4)));
        assertThat(tick(account)).isTrue();
        Instant fifth = clock.instant();
        clock.set(fifth.plus(INTERVAL.multipliedBy(7)));
        assertThat(tick(account)).isFalse();
        clock.set(fifth.plus(INTERVAL.multipliedBy(8)));
        assertThat(tick(account)).isTrue();
        assertThat(reread(account).state()).isEqualTo(AccountState.FAILING);
    }

    @Test
    void theWaitDoublesUpToADay() {
        assertThat(RunBackoff.delay(INTERVAL, 2)).isZero();
        assertThat(RunBackoff.delay(INTERVAL, 3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(RunBackoff.delay(INTERVAL, 4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(RunBackoff.delay(INTERVAL, 9)).isEqualTo(Duration.ofMinutes(1280));
        assertThat(RunBackoff.delay(INTERVAL, 10)).isEqualTo(Duration.ofHours(24));
        assertThat(RunBackoff.delay(INTERVAL, 10_000)).isEqualTo(Duration.ofHours(24));
        // an interval longer than the cap is never shortened
        assertThat(RunBackoff.delay(Duration.ofDays(2), 5)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void aManualRunStillRunsAndARunThatWorksClearsTheState() {
        GroupwareAccount account = account("emp");
        for (int i = 0; i < 3; i++) {
            assertThat(tick(account)).isTrue();
        }
        clock.set(T0.plus(Duration.ofMinutes(1)));

        SyncRun manual = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);
        assertThat(manual.status()).isEqualTo(RunStatus.FAILED);

        mailboxGone = false;
        SyncRun fixed = sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);
        assertThat(fixed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(reread(account).state()).isEqualTo(AccountState.ACTIVE);
        assertThat(reread(account).stateReason()).isEmpty();
        // no back-off left: the next tick runs, and two failures later the account is not FAILING yet
        assertThat(tick(account)).isTrue();
        mailboxGone = true;
        assertThat(tick(account)).isTrue();
        assertThat(tick(account)).isTrue();
        assertThat(reread(account).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void aRunOfAnEmployeeNoLongerInTheCrmFailsWithThatReasonAndCountsTowardsFailing() {
        mailboxGone = false;
        sync.setHostCrm(crmWithEmployees(List.of("emp")), Map.of());
        GroupwareAccount present = account("emp");
        GroupwareAccount departed = account("left");

        assertThat(sync.sync(present.id(), Set.of(), SyncTrigger.MANUAL).status()).isEqualTo(RunStatus.SUCCEEDED);
        int calls = mails.calls.get();
        SyncRun run = sync.sync(departed.id(), Set.of(), SyncTrigger.MANUAL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("employee left").contains("no longer exists in the CRM"));
        assertThat(mails.calls.get()).isEqualTo(calls);
        sync.sync(departed.id(), Set.of(), SyncTrigger.MANUAL);
        sync.sync(departed.id(), Set.of(), SyncTrigger.MANUAL);
        assertThat(reread(departed).state()).isEqualTo(AccountState.FAILING);
        assertThat(reread(departed).stateReason()).hasValueSatisfying(r -> assertThat(r).contains("left"));
        assertThat(reread(present).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void disablingAndEnablingAFailingAccountKeepsItsStreakButNotAFailingState() {
        GroupwareAccount account = account("emp");
        for (int i = 0; i < 3; i++) {
            assertThat(tick(account)).isTrue();
        }
        accounts.setEnabled(account.id(), false);
        assertThat(reread(account).state()).isEqualTo(AccountState.DISABLED);
        accounts.setEnabled(account.id(), true);
        assertThat(reread(account).state()).isEqualTo(AccountState.ACTIVE);
        // the streak goes on: the next failure is the fourth
        sync.sync(account.id(), Set.of(), SyncTrigger.MANUAL);
        assertThat(reread(account).state()).isEqualTo(AccountState.FAILING);
    }

    /** A CRM whose employee directory holds only these ids; nothing else of it is used. */
    static HostCrm crmWithEmployees(List<String> ids) {
        EmployeeDirectory directory = (EmployeeDirectory) Proxy.newProxyInstance(
                FailingAccountTest.class.getClassLoader(), new Class<?>[] {EmployeeDirectory.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> ids.contains(((EmployeeId) args[0]).value())
                            ? Optional.of(new Employee((EmployeeId) args[0], "login", "", ""))
                            : Optional.empty();
                    case "list" -> ids.stream().map(id -> new Employee(EmployeeId.of(id), id, "", "")).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HostCrm) Proxy.newProxyInstance(FailingAccountTest.class.getClassLoader(),
                new Class<?>[] {HostCrm.class}, (proxy, method, args) -> {
                    if (method.getName().equals("employees")) {
                        return directory;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class FakeClock extends Clock {
        private volatile Instant now;

        FakeClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

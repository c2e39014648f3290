package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AccountSchedulerTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<AccountId> fired = new CopyOnWriteArrayList<>();
    private final AccountScheduler accounts = new AccountScheduler(scheduler, fired::add);

    private static GroupwareAccount account(String id, boolean autoSync, Duration interval, AccountState state) {
        return new GroupwareAccount(AccountId.of(id), EmployeeId.of("e"), "local", Map.of(), autoSync, interval,
                Set.of(SyncArea.MAILS), ConflictPolicy.CRM_WINS, state, Optional.empty());
    }

    @Test
    void activeAutoSyncAccountGetsAJobOnItsInterval() {
        long before = System.currentTimeMillis();
        accounts.reschedule(account("a1", true, Duration.ofMinutes(15), AccountState.ACTIVE));
        long after = System.currentTimeMillis();

        FakeScheduler.Job job = scheduler.jobs.get("liaison-account-a1");
        assertThat(job).isNotNull();
        assertThat(job.options().periodSeconds).isEqualTo(900);
        assertThat(job.options().times).isEqualTo(-1);
        assertThat(job.options().canRunConcurrently()).isFalse();
        long offset = AccountScheduler.offsetSeconds(AccountId.of("a1"), 900) * 1000;
        assertThat(job.options().at.getTime()).isBetween(before + 900_000 + offset, after + 900_000 + offset);
        assertThat(accounts.scheduled()).containsEntry(AccountId.of("a1"), Duration.ofMinutes(15));
    }

    @Test
    void accountsWithTheSameIntervalAreSpreadOverItInsteadOfFiringInTheSameSecond() {
        long before = System.currentTimeMillis();
        java.util.Map<Long, Integer> perMinute = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            accounts.reschedule(account(java.util.UUID.randomUUID().toString(), true, Duration.ofMinutes(15),
                    AccountState.ACTIVE));
        }
        long after = System.currentTimeMillis();

        for (FakeScheduler.Job job : scheduler.jobs.values()) {
            long at = job.options().at.getTime();
            // after one interval, within the next one
            assertThat(at).isBetween(before + 900_000, after + 1_800_000);
            perMinute.merge((at - before - 900_000) / 60_000, 1, Integer::sum);
        }
        // 300 accounts over 15 minutes: 20 a minute on average; every minute gets some, none gets most
        assertThat(perMinute).hasSizeGreaterThanOrEqualTo(15);
        assertThat(perMinute.values()).allSatisfy(n -> assertThat(n).isLessThan(60));
        assertThat(AccountScheduler.offsetSeconds(AccountId.of("a1"), 900))
                .as("an account keeps its place across restarts").isEqualTo(AccountScheduler.offsetSeconds(
                        AccountId.of("a1"), 900));
    }

    @Test
    void firingJobHandsTheAccountToTheRunner() {
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));

        assertThat(scheduler.trigger("liaison-account-a1")).isTrue();

        assertThat(fired).containsExactly(AccountId.of("a1"));
    }

    @Test
    void accountsThatDoNotRunAutomaticallyHaveNoJob() {
        accounts.scheduleAll(List.of(
                account("manual", false, Duration.ofMinutes(5), AccountState.ACTIVE),
                account("blocked", true, Duration.ofMinutes(5), AccountState.PASSWORD_BLOCKED),
                account("disabled", true, Duration.ofMinutes(5), AccountState.DISABLED),
                account("auto", true, Duration.ofMinutes(5), AccountState.ACTIVE)));

        assertThat(scheduler.jobs).containsOnlyKeys("liaison-account-auto");
    }

    @Test
    void blockingOrSwitchingOffRemovesTheJob() {
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        accounts.reschedule(account("a2", true, Duration.ofMinutes(5), AccountState.ACTIVE));

        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.PASSWORD_BLOCKED));
        accounts.reschedule(account("a2", false, Duration.ofMinutes(5), AccountState.ACTIVE));

        assertThat(scheduler.jobs).isEmpty();
        assertThat(accounts.scheduled()).isEmpty();

        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        assertThat(scheduler.jobs).containsOnlyKeys("liaison-account-a1");
    }

    @Test
    void changedIntervalReplacesTheJobAndAnUnchangedOneKeepsIt() {
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        assertThat(scheduler.scheduleCalls).hasValue(1);

        accounts.reschedule(account("a1", true, Duration.ofMinutes(60), AccountState.ACTIVE));

        assertThat(scheduler.scheduleCalls).hasValue(2);
        assertThat(scheduler.jobs.get("liaison-account-a1").options().periodSeconds).isEqualTo(3600);
    }

    @Test
    void unscheduleAllRemovesOnlyOurJobs() throws Exception {
        scheduler.schedule((Runnable) () -> { }, scheduler.NOW().name("someone-elses-job"));
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        accounts.reschedule(account("a2", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        accounts.unschedule(AccountId.of("a1"));
        assertThat(scheduler.jobs).containsOnlyKeys("someone-elses-job", "liaison-account-a2");

        accounts.unscheduleAll();

        assertThat(scheduler.jobs).containsOnlyKeys("someone-elses-job");
    }

    @Test
    void schedulerFailureLeavesTheAccountUnscheduledToBeRetried() {
        scheduler.failing = true;
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        assertThat(accounts.scheduled()).isEmpty();

        scheduler.failing = false;
        accounts.reschedule(account("a1", true, Duration.ofMinutes(5), AccountState.ACTIVE));
        assertThat(scheduler.jobs).containsOnlyKeys("liaison-account-a1");
    }
}

package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.GroupwareAccount;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.karaf.scheduler.ScheduleOptions;
import org.apache.karaf.scheduler.Scheduler;
import org.apache.karaf.scheduler.SchedulerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Karaf scheduler job per account that synchronises automatically (auto-sync on, state ACTIVE or FAILING),
 * firing on the account's interval, never concurrently with itself; every other account has no job. The job
 * only hands the account id to a runner (which queues the run); it does no work on the scheduler's thread.
 */
public class AccountScheduler {
    /** The job name prefix; the account id follows. */
    public static final String JOB_PREFIX = "liaison-account-";
    private static final Logger LOG = LoggerFactory.getLogger(AccountScheduler.class);

    private final Scheduler scheduler;
    private final Consumer<AccountId> runner;
    private final Map<AccountId, Duration> scheduled = new ConcurrentHashMap<>();

    /**
     * @param scheduler the Karaf scheduler
     * @param runner    called with the account id each time its job fires
     */
    public AccountScheduler(Scheduler scheduler, Consumer<AccountId> runner) {
        this.scheduler = scheduler;
        this.runner = runner;
    }

    /** The job name of an account. */
    public static String jobName(AccountId account) {
        return JOB_PREFIX + account.value();
    }

    /** Whether an account synchronises automatically. */
    public static boolean runsAutomatically(GroupwareAccount account) {
        // a FAILING account keeps its job: each firing decides whether its back-off has passed (RunBackoff)
        return account.autoSync()
                && (account.state() == AccountState.ACTIVE || account.state() == AccountState.FAILING);
    }

    /** Schedules every account that runs automatically (on start, or when the scheduler appears). */
    public void scheduleAll(List<GroupwareAccount> accounts) {
        accounts.forEach(this::reschedule);
    }

    /**
     * Brings an account's job in line with the account: created, replaced when the interval changed, removed
     * when the account no longer runs automatically.
     */
    public synchronized void reschedule(GroupwareAccount account) {
        AccountId id = account.id();
        if (!runsAutomatically(account)) {
            unschedule(id);
            return;
        }
        if (account.interval().equals(scheduled.get(id))) {
            return;
        }
        unschedule(id);
        long periodSeconds = Math.max(60, account.interval().toSeconds());
        // the first run comes one interval from now plus the account's own offset within the interval, so that
        // neither a restart nor many accounts with the same interval fire all in the same second
        Date first = new Date(System.currentTimeMillis() + (periodSeconds + offsetSeconds(id, periodSeconds)) * 1000);
        ScheduleOptions options = scheduler.AT(first, -1, periodSeconds)
                .name(jobName(id))
                .canRunConcurrently(false);
        try {
            scheduler.schedule((Runnable) () -> runner.accept(id), options);
            scheduled.put(id, account.interval());
            LOG.debug("Account {} scheduled every {} s", id, periodSeconds);
        } catch (SchedulerError | RuntimeException e) {
            LOG.warn("Could not schedule automatic sync of account {}: {}", id, e.toString());
        }
    }

    /**
     * Where in its interval an account's runs fall: from 0 to {@code periodSeconds - 1}, derived from the account's id,
     * so that accounts spread evenly over the interval and an account keeps its place across restarts.
     */
    static long offsetSeconds(AccountId id, long periodSeconds) {
        return Math.floorMod(mix(id.value().hashCode()), periodSeconds);
    }

    /** Spreads the bits of a string hash (ids that differ in their last characters land far apart). */
    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** Removes an account's job, if it has one. */
    public synchronized void unschedule(AccountId id) {
        if (scheduled.remove(id) != null) {
            try {
                scheduler.unschedule(jobName(id));
                LOG.debug("Account {} unscheduled", id);
            } catch (RuntimeException e) {
                LOG.warn("Could not unschedule automatic sync of account {}: {}", id, e.toString());
            }
        }
    }

    /** Removes every job this scheduler created (on deactivation, or when the scheduler goes). */
    public synchronized void unscheduleAll() {
        for (AccountId id : Set.copyOf(scheduled.keySet())) {
            unschedule(id);
        }
    }

    /** The accounts that have a job, with their intervals. */
    public Map<AccountId, Duration> scheduled() {
        return Map.copyOf(scheduled);
    }
}

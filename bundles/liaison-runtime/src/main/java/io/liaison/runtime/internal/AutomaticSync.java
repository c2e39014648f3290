package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.karaf.scheduler.Scheduler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic synchronisation: while the Karaf scheduler is there, every account with auto-sync on and state
 * ACTIVE or FAILING gets a job on its interval (see {@link AccountScheduler}); a firing job queues a SCHEDULED run
 * on a bounded pool ({@code maxParallelRuns} at once). A tick that finds the account's run queued or under way is
 * skipped, and so is one of a FAILING account whose back-off ({@link RunBackoff}) has not passed. Without the
 * scheduler, accounts are synchronised on request only.
 */
@Component(service = {}, configurationPid = RuntimeConfig.PID)
public class AutomaticSync implements AccountListener {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticSync.class);

    private static final long STOP_WAIT_SECONDS = 30;

    private final DefaultAccountService accounts;
    private final SyncService syncService;
    private final ThreadPoolExecutor pool;
    private final Set<AccountId> queued = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Jobs> jobs = new AtomicReference<>();
    private final Clock clock;

    private record Jobs(Scheduler scheduler, AccountScheduler accounts) {
    }

    @Activate
    public AutomaticSync(@Reference DefaultAccountService accounts, @Reference SyncService syncService,
                         RuntimeConfig config) {
        this(accounts, syncService, config.maxParallelRuns());
    }

    /**
     * A changed runtime configuration: a new number of parallel runs applies to the runs started from now on; the
     * runs under way go on (before, DS restarted the component and so cancelled them).
     */
    @Modified
    void modified(RuntimeConfig config) {
        setMaxParallelRuns(config.maxParallelRuns());
    }

    /** Lets at most {@code maxParallelRuns} scheduled runs go at once from now on. */
    void setMaxParallelRuns(int maxParallelRuns) {
        if (maxParallelRuns < 1) {
            LOG.warn("maxParallelRuns must be at least 1, not {}; keeping {}", maxParallelRuns,
                    pool.getMaximumPoolSize());
            return;
        }
        // the order keeps core <= maximum at every step, as ThreadPoolExecutor requires
        if (maxParallelRuns > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(maxParallelRuns);
            pool.setCorePoolSize(maxParallelRuns);
        } else {
            pool.setCorePoolSize(maxParallelRuns);
            pool.setMaximumPoolSize(maxParallelRuns);
        }
    }

    /** How many scheduled runs may go at once. */
    int maxParallelRuns() {
        return pool.getMaximumPoolSize();
    }

    /** For tests: runs at most {@code maxParallelRuns} scheduled runs at once. */
    public AutomaticSync(DefaultAccountService accounts, SyncService syncService, int maxParallelRuns) {
        this(accounts, syncService, maxParallelRuns, Clock.systemUTC());
    }

    /** For tests: whether a FAILING account's back-off has passed is judged by {@code clock}. */
    AutomaticSync(DefaultAccountService accounts, SyncService syncService, int maxParallelRuns, Clock clock) {
        this.clock = clock;
        if (maxParallelRuns < 1) {
            throw new IllegalArgumentException("maxParallelRuns: must be at least 1, not " + maxParallelRuns);
        }
        this.accounts = accounts;
        this.syncService = syncService;
        this.pool = new ThreadPoolExecutor(maxParallelRuns, maxParallelRuns, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads());
        this.pool.allowCoreThreadTimeOut(true);
        accounts.addListener(this);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetScheduler")
    public void setScheduler(Scheduler scheduler) {
        Jobs next = new Jobs(scheduler, new AccountScheduler(scheduler, this::enqueue));
        Jobs previous = jobs.getAndSet(next);
        if (previous != null) {
            previous.accounts().unscheduleAll();
        }
        next.accounts().scheduleAll(accounts.list());
        LOG.info("Automatic sync scheduled for {} accounts", next.accounts().scheduled().size());
    }

    public void unsetScheduler(Scheduler scheduler) {
        Jobs current = jobs.get();
        if (current != null && current.scheduler() == scheduler && jobs.compareAndSet(current, null)) {
            current.accounts().unscheduleAll();
            LOG.info("The Karaf scheduler is gone: accounts are synchronised on request only");
        }
    }

    /**
     * Removes every job, drops the queued runs and cancels the ones under way (they stop between two items), waiting a
     * bounded time for them. No thread is interrupted: an interrupt in the middle of H2 or file I/O closes the
     * database under everyone ("The database has been closed") and can leave a mail moved without its activity.
     */
    @Deactivate
    public void deactivate() {
        accounts.removeListener(this);
        Jobs current = jobs.getAndSet(null);
        if (current != null) {
            current.accounts().unscheduleAll();
        }
        pool.getQueue().clear();
        pool.shutdown();
        if (syncService instanceof DefaultSyncService service) {
            service.cancelAll();
        }
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Scheduled sync runs still under way after {} s; they end when their current item is done",
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void accountChanged(GroupwareAccount account) {
        Jobs current = jobs.get();
        if (current != null) {
            current.accounts().reschedule(account);
        }
    }

    /** New credentials: an account that runs automatically runs now, not one interval later. */
    @Override
    public void credentialsEntered(GroupwareAccount account) {
        if (jobs.get() != null && AccountScheduler.runsAutomatically(account)) {
            enqueue(account.id());
        }
    }

    @Override
    public void accountRemoved(AccountId account) {
        Jobs current = jobs.get();
        if (current != null) {
            current.accounts().unschedule(account);
        }
    }

    /** The scheduling of the accounts, while a scheduler is bound. */
    public Optional<AccountScheduler> accountScheduler() {
        return Optional.ofNullable(jobs.get()).map(Jobs::accounts);
    }

    /** Whether no scheduled run of the account is queued or under way. */
    boolean isIdle(AccountId id) {
        return !queued.contains(id);
    }

    /** Queues a scheduled run of the account unless one is queued or under way already. */
    void enqueue(AccountId id) {
        if (!queued.add(id)) {
            LOG.debug("Scheduled run of account {} skipped: one is queued or under way", id);
            return;
        }
        try {
            pool.execute(() -> runScheduled(id));
        } catch (RejectedExecutionException e) {
            queued.remove(id);
            LOG.debug("Scheduled run of account {} not queued: automatic sync is stopping", id);
        }
    }

    private void runScheduled(AccountId id) {
        try {
            Optional<GroupwareAccount> account = accounts.get(id);
            if (account.isEmpty() || !AccountScheduler.runsAutomatically(account.get())) {
                return;
            }
            Optional<Instant> notBefore = RunBackoff.notBefore(accounts.failureStreak(id), account.get().interval());
            if (notBefore.isPresent() && clock.instant().isBefore(notBefore.get())) {
                LOG.debug("Scheduled run of FAILING account {} skipped: backing off until {}", id, notBefore.get());
                return;
            }
            syncService.sync(id, account.get().areas(), SyncTrigger.SCHEDULED);
        } catch (SyncAlreadyRunningException e) {
            LOG.debug("Scheduled run of account {} skipped: a run is under way", id);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled run of account {} could not run: {}", id, e.getMessage(), e);
        } finally {
            queued.remove(id);
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "liaison-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

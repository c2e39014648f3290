package io.liaison.runtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.karaf.scheduler.ScheduleOptions;
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
 * The journal's retention: once a day (the first time an hour after the start, so that a restart does not add work
 * to its busiest minute) the runs older than {@code journal.retentionDays} are deleted with their entries, in
 * batches of {@value #BATCH_SIZE} runs per transaction on a thread of its own, so that the sync runs journaling
 * meanwhile never wait for it. Without the Karaf scheduler nothing is purged.
 */
@Component(service = JournalRetention.class, configurationPid = RuntimeConfig.PID, immediate = true)
public class JournalRetention {
    /** The scheduler job's name. */
    public static final String JOB_NAME = "liaison-journal-retention";
    /** Runs deleted per transaction: small enough that a transaction takes milliseconds. */
    static final int BATCH_SIZE = 200;
    private static final Duration PERIOD = Duration.ofDays(1);
    private static final Duration FIRST_DELAY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    private final JdbcSyncJournal journal;
    private final Clock clock;
    private volatile int retentionDays;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "liaison-journal-retention");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean purging = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Scheduler> scheduler = new AtomicReference<>();

    @Activate
    public JournalRetention(@Reference JdbcSyncJournal journal, RuntimeConfig config) {
        this(journal, config.journal_retentionDays(), Clock.systemUTC());
    }

    /** For tests: keeps {@code retentionDays} days (0: for ever), the time read from {@code clock}. */
    JournalRetention(JdbcSyncJournal journal, int retentionDays, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        this.retentionDays = Math.max(0, retentionDays);
    }

    /** A new retention applies from the next purge on; no restart of the runtime. */
    @Modified
    void modified(RuntimeConfig config) {
        retentionDays = Math.max(0, config.journal_retentionDays());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetScheduler")
    public void setScheduler(Scheduler next) {
        Scheduler previous = scheduler.getAndSet(next);
        if (previous != null) {
            unschedule(previous);
        }
        ScheduleOptions options = next.AT(new Date(System.currentTimeMillis() + FIRST_DELAY.toMillis()), -1,
                PERIOD.toSeconds()).name(JOB_NAME).canRunConcurrently(false);
        try {
            next.schedule((Runnable) this::purgeInBackground, options);
        } catch (RuntimeException | org.apache.karaf.scheduler.SchedulerError e) {
            LOG.warn("Could not schedule the journal's daily purge: {}", e.toString());
        }
    }

    public void unsetScheduler(Scheduler gone) {
        if (scheduler.compareAndSet(gone, null)) {
            unschedule(gone);
        }
    }

    private static void unschedule(Scheduler from) {
        try {
            from.unschedule(JOB_NAME);
        } catch (RuntimeException e) {
            LOG.debug("Unscheduling the journal's purge: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        stopping.set(true);
        Scheduler current = scheduler.getAndSet(null);
        if (current != null) {
            unschedule(current);
        }
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands the purge to its own thread (the scheduler's thread only starts it); one purge at a time. */
    void purgeInBackground() {
        try {
            worker.execute(this::purge);
        } catch (RejectedExecutionException e) {
            LOG.debug("Journal purge not started: the runtime is stopping");
        }
    }

    /**
     * Deletes the runs that started more than {@code retentionDays} days ago, with their entries; nothing when the
     * retention is 0 or a purge is under way.
     *
     * @return how many runs were deleted
     */
    int purge() {
        int days = retentionDays;
        if (days == 0 || !purging.compareAndSet(false, true)) {
            return 0;
        }
        try {
            Instant cutoff = clock.instant().minus(Duration.ofDays(days));
            long started = System.nanoTime();
            int purged = journal.purge(cutoff, BATCH_SIZE, stopping::get);
            if (purged > 0) {
                LOG.info("Journal purge: {} sync runs older than {} days deleted with their entries in {} ms", purged,
                        days, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            return purged;
        } catch (RuntimeException e) {
            LOG.warn("Journal purge failed; the next one tries again: {}", e.getMessage());
            return 0;
        } finally {
            purging.set(false);
        }
    }
}

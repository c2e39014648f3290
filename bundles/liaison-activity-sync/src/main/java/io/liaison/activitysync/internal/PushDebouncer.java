package io.liaison.activitysync.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces pushed requests per account: the first request of an account schedules a run after the delay, later
 * ones until then join it; a run that finds another run of the account under way is tried again after the delay,
 * so a change made during a run is never left for the interval.
 */
final class PushDebouncer {
    private static final Logger LOG = LoggerFactory.getLogger(PushDebouncer.class);
    /** A run that keeps finding the account busy gives up after this many tries (the interval takes over). */
    private static final int MAX_RETRIES = 30;

    private final SyncService sync;
    private final ScheduledExecutorService executor;
    private volatile long delayMillis;
    private final Map<AccountId, Set<SyncArea>> pending = new HashMap<>();

    /** Uses another delay for the requests from now on (a configuration change). */
    void setDelayMillis(long delayMillis) {
        this.delayMillis = Math.max(0, delayMillis);
    }

    PushDebouncer(SyncService sync, ScheduledExecutorService executor, long delayMillis) {
        this.sync = sync;
        this.executor = executor;
        this.delayMillis = Math.max(0, delayMillis);
    }

    /** Asks for a run of these areas of the account soon. */
    void request(AccountId account, Set<SyncArea> areas) {
        request(account, areas, 0);
    }

    private void request(AccountId account, Set<SyncArea> areas, int attempt) {
        synchronized (pending) {
            Set<SyncArea> waiting = pending.get(account);
            if (waiting != null) {
                waiting.addAll(areas);
                return;
            }
            pending.put(account, EnumSet.copyOf(areas));
        }
        try {
            executor.schedule(() -> fire(account, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // shut down: the interval takes over
            synchronized (pending) {
                pending.remove(account);
            }
        }
    }

    private void fire(AccountId account, int attempt) {
        Set<SyncArea> areas;
        synchronized (pending) {
            areas = pending.remove(account);
        }
        if (areas == null || areas.isEmpty()) {
            return;
        }
        try {
            sync.sync(account, areas, SyncTrigger.PUSH);
        } catch (SyncAlreadyRunningException e) {
            if (attempt < MAX_RETRIES) {
                request(account, areas, attempt + 1);
            } else {
                LOG.info("Account {} stayed busy; its pushed changes wait for the next interval", account);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pushed sync of account {} failed: {}", account, e.toString());
        }
    }
}

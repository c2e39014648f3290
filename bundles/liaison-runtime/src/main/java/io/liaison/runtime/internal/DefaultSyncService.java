package io.liaison.runtime.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AreaSynchronizer;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.RuntimeEvents;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sync run of one account: one run per account at a time, the session opened once, each requested
 * area handed to the module that serves it (a failing area does not stop the others), everything journaled,
 * and {@link RuntimeEvents#TOPIC_RUN_COMPLETED} posted at the end.
 */
@Component(service = {SyncService.class, DefaultSyncService.class})
public class DefaultSyncService implements SyncService, AccountListener {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSyncService.class);

    /** How long stopping waits for the runs under way to end between two items. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /**
     * How long a person's run waits for a run of the account under way: long enough for a scheduled run of a busy
     * mailbox, bounded so that a stuck run does not hold a shell or a page for ever.
     */
    static final Duration PERSON_WAIT = Duration.ofMinutes(10);

    private final DefaultAccountService accounts;
    private final JdbcSyncJournal journal;
    private final List<AreaSynchronizer> synchronizers = new CopyOnWriteArrayList<>();
    private final Map<AccountId, RunCancellation> running = new ConcurrentHashMap<>();
    /** Per account, the persons' runs waiting for the run under way: a scheduled or pushed run does not go first. */
    private final Map<AccountId, AtomicInteger> waitingPersons = new ConcurrentHashMap<>();
    private Duration personWait = PERSON_WAIT;
    /** The cancellations of the runs each synchronizer is working for now. */
    private final Map<AreaSynchronizer, Set<RunCancellation>> working = new ConcurrentHashMap<>();
    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    /** The CRM whose employee directory says whether an account's employee is still there, and which one it is. */
    private final AtomicReference<BoundCrm> crm = new AtomicReference<>();
    private final Clock clock;

    /** Closes runs a previous stop cut off, and listens to account changes (to cancel runs of removed accounts). */
    @Activate
    public DefaultSyncService(@Reference DefaultAccountService accounts, @Reference JdbcSyncJournal journal) {
        this(accounts, journal, Clock.systemUTC());
    }

    /** For tests: the runs' times (and so the back-off of failing accounts) come from {@code clock}. */
    DefaultSyncService(DefaultAccountService accounts, JdbcSyncJournal journal, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.journal = Objects.requireNonNull(journal, "journal");
        int interrupted = journal.failInterruptedRuns(clock.instant());
        if (interrupted > 0) {
            LOG.warn("{} sync runs were cut off by the last stop; they are journaled as FAILED", interrupted);
        }
        accounts.addListener(this);
    }

    /**
     * Cancels the runs under way (their synchronizers see {@code isCancelled()}), waits a bounded time for them to end
     * and stops listening. No thread is interrupted: a thread interrupted in the middle of JDBC or file work can close
     * an H2 database under everyone or leave a write half done.
     */
    @Deactivate
    public void deactivate() {
        accounts.removeListener(this);
        cancelAll();
        awaitIdle(STOP_WAIT);
    }

    /** Cancels every run under way: Liaison's runtime is stopping. */
    public void cancelAll() {
        running.values().forEach(c -> c.cancel("Liaison's runtime is stopping"));
    }

    /** Waits until no run is under way, at most {@code limit}; true when none is. */
    public boolean awaitIdle(Duration limit) {
        boolean idle = awaitUntil(running::isEmpty, limit);
        if (!idle) {
            LOG.warn("{} sync runs still under way after {} s; they end when their current item is done",
                    running.size(), limit.toSeconds());
        }
        return idle;
    }

    /** Polls {@code done} until it holds or {@code limit} has passed (or this thread is interrupted); its last value. */
    private static boolean awaitUntil(BooleanSupplier done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return done.getAsBoolean();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeAreaSynchronizer")
    public void addAreaSynchronizer(AreaSynchronizer synchronizer) {
        synchronizers.add(synchronizer);
        LOG.debug("Area synchronizer for {} available", synchronizer.areas());
    }

    /**
     * A module that goes away: its runs are cancelled (they stop between items) and awaited, a bounded time, before
     * its service is gone, so that none goes on with a stopped service or one the module's own deactivation is
     * about to close (DS calls this while the module's service is being unregistered, before the module and the
     * services it uses are deactivated). A run that removes its own module is not waited for: it is this thread.
     */
    public void removeAreaSynchronizer(AreaSynchronizer synchronizer) {
        synchronizers.remove(synchronizer);
        Set<RunCancellation> runs = working.getOrDefault(synchronizer, Set.of());
        runs.forEach(c -> c.cancel("the module serving " + areaNames(synchronizer) + " was stopped or removed"));
        if (!awaitUntil(() -> runs.stream().allMatch(RunCancellation::isRunByCurrentThread), STOP_WAIT)) {
            LOG.warn("Runs of the module serving {} still under way after {} s; they end when their current item is "
                    + "done", areaNames(synchronizer), STOP_WAIT.toSeconds());
        }
    }

    private static String areaNames(AreaSynchronizer synchronizer) {
        return synchronizer.areas().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetEventAdmin")
    public void setEventAdmin(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    public void unsetEventAdmin(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetHostCrm")
    public void setHostCrm(HostCrm hostCrm, Map<String, Object> properties) {
        crm.set(new BoundCrm(hostCrm, BoundCrm.identify(hostCrm, properties)));
    }

    public void unsetHostCrm(HostCrm hostCrm) {
        crm.getAndUpdate(bound -> bound != null && bound.crm() == hostCrm ? null : bound);
    }

    /**
     * An account's links, marks and tokens name the ids of the host CRM they were made with. When a run finds another
     * CRM (a CRM vendor's host CRM took over from the embedded one), those ids mean nothing there: looked up, they
     * would read as deleted CRM items. So the run forgets them first, as {@code liaison:account-reset} does, and
     * pairs items again by the ids they carry; it deletes nothing on the strength of the change. The first run that
     * meets a CRM only notes it (accounts from before this check, and new accounts, keep what they have).
     */
    private void checkHostCrm(GroupwareAccount account, Set<SyncArea> areas, RunRecorder recorder) {
        BoundCrm bound = crm.get();
        if (bound == null) {
            return;
        }
        Optional<String> before = accounts.hostCrm(account.id());
        if (before.isEmpty()) {
            accounts.rememberHostCrm(account.id(), bound.identity(), false);
        } else if (!before.get().equals(bound.identity())) {
            accounts.rememberHostCrm(account.id(), bound.identity(), true);
            String why = "the host CRM changed from " + before.get() + " to " + bound.identity() + ": links, marks and"
                    + " tokens of the CRM before were forgotten, items are paired again by the ids they carry";
            LOG.warn("Groupware account {}: {}", account.id(), why);
            for (SyncArea area : areas) {
                recorder.record(area, "host CRM", Outcome.WARNING, why, Optional.empty());
            }
        }
    }

    /**
     * A run acts in the name of the account's employee: one who has left the CRM (or was never there) must not have
     * their mailbox read nor CRM data written for them, so the run fails before signing in, with the reason, and
     * counts towards FAILING. Without a CRM installed there is nothing to check (and no module could run).
     */
    private void checkEmployee(GroupwareAccount account) {
        BoundCrm bound = crm.get();
        if (bound != null && bound.crm().employees().get(account.employee()).isEmpty()) {
            throw new IllegalStateException("employee " + account.employee() + " of groupware account " + account.id()
                    + " no longer exists in the CRM: nothing is synchronised in their name (remove the account, or"
                    + " disable it)");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>An empty set of areas means every area the account has enabled. A failing area is journaled as FAILED
     * and the other areas still run. The run is FAILED when the session cannot be opened or every area that ran
     * failed as a whole; CANCELLED when it was cancelled (a stop, its module removed, the account removed or
     * disabled) before its end, with the reason; COMPLETED_WITH_ERRORS when any entry failed, warned or conflicted
     * (an area failed while others worked, an area was skipped); SUCCEEDED otherwise.
     */
    @Override
    public SyncRun sync(AccountId id, Set<SyncArea> areas, SyncTrigger trigger) {
        Objects.requireNonNull(id, "account");
        Objects.requireNonNull(trigger, "trigger");
        GroupwareAccount account = accounts.get(id).orElseThrow(() -> JdbcAccountRepository.notFound(id));
        RunCancellation cancelled = new RunCancellation();
        claim(id, trigger, cancelled);
        try {
            EnumSet<SyncArea> requested = EnumSet.noneOf(SyncArea.class);
            requested.addAll(areas == null || areas.isEmpty() ? account.areas() : areas);
            return run(account, requested, trigger, cancelled);
        } finally {
            running.remove(id, cancelled);
        }
    }

    /**
     * Makes this the account's run under way. A person's run waits (at most {@link #PERSON_WAIT}) for the run under
     * way and goes right after it: "synchronise now" pressed during a scheduled run is a run, not an error. Other
     * runs do not wait, and leave the turn to a person's run that waits.
     */
    private void claim(AccountId id, SyncTrigger trigger, RunCancellation cancelled) {
        boolean person = trigger == SyncTrigger.MANUAL || trigger == SyncTrigger.ACCEPT_DELETES;
        if (!person) {
            AtomicInteger waiting = waitingPersons.get(id);
            if (waiting != null && waiting.get() > 0) {
                throw new SyncAlreadyRunningException("a person's sync run of groupware account " + id
                        + " waits to run");
            }
            if (running.putIfAbsent(id, cancelled) != null) {
                throw new SyncAlreadyRunningException("a sync run of groupware account " + id + " is already under way");
            }
            return;
        }
        AtomicInteger waiting =
                waitingPersons.computeIfAbsent(id, k -> new AtomicInteger());
        waiting.incrementAndGet();
        try {
            long deadline = System.nanoTime() + personWait.toNanos();
            while (running.putIfAbsent(id, cancelled) != null) {
                if (System.nanoTime() >= deadline || !awaitUntil(() -> !running.containsKey(id),
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    throw new SyncAlreadyRunningException("a sync run of groupware account " + id
                            + " is still under way after " + personWait.toMinutes() + " minutes of waiting for it");
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** For tests: how long a person's run waits for the run under way. */
    void personWait(Duration wait) {
        this.personWait = wait;
    }

    /** Whether a run of the account is under way on this node. */
    public boolean isRunning(AccountId id) {
        return running.containsKey(id);
    }

    @Override
    public void accountChanged(GroupwareAccount account) {
        if (account.state() == AccountState.DISABLED) {
            cancel(account.id(), "groupware account " + account.id() + " was disabled");
        }
    }

    /**
     * Areas switched off: the run under way is cancelled and awaited (a bounded time), then each module serving such
     * an area forgets what it remembers for it, so that the area switched on again starts clean. An area whose module
     * is not installed keeps what it had.
     */
    @Override
    public void areasRemoved(GroupwareAccount account, Set<SyncArea> removed) {
        cancel(account.id(), "areas " + removed + " were switched off for groupware account " + account.id());
        if (!awaitUntil(() -> !running.containsKey(account.id()), STOP_WAIT)) {
            LOG.warn("A run of account {} is still under way; areas {} are forgotten beside it", account.id(), removed);
        }
        for (SyncArea area : removed) {
            journal.forgetFailingItems(account.id(), area);
            List<AreaSynchronizer> serving = synchronizers.stream().filter(s -> s.areas().contains(area)).toList();
            if (serving.isEmpty()) {
                LOG.warn("Area {} was switched off for account {}, but no installed module serves it: what was synced"
                        + " for it stays (liaison:account-reset forgets everything of the account)", area, account.id());
            }
            for (AreaSynchronizer synchronizer : serving) {
                try {
                    synchronizer.forget(account.id(), area);
                    LOG.info("Area {} switched off for account {}: its links, marks and tokens were forgotten", area,
                            account.id());
                } catch (RuntimeException e) {
                    LOG.warn("Forgetting area {} of account {} failed: {}", area, account.id(), e.toString());
                }
            }
        }
    }

    @Override
    public void accountRemoved(AccountId account) {
        cancel(account, "groupware account " + account + " was removed");
    }

    private void cancel(AccountId id, String reason) {
        RunCancellation run = running.get(id);
        if (run != null) {
            run.cancel(reason);
        }
    }

    private SyncRun run(GroupwareAccount account, EnumSet<SyncArea> areas, SyncTrigger trigger,
                        RunCancellation cancelled) {
        SyncRun started = journal.newRun(account, areas, trigger, clock.instant());
        LOG.debug("Sync run {} of account {} started ({}, areas {})", started.id(), account.id(), trigger, areas);
        RunRecorder recorder = new RunRecorder(journal, started, account.employee(), journal.failingItems(account.id()));
        RunStatus status;
        Optional<String> error;
        try {
            checkHostCrm(account, areas, recorder);
            checkEmployee(account);
            ConnectorSession session = accounts.openSession(account.id());
            try {
                AreaResults results = runAreas(account, areas, trigger, cancelled, session, started, recorder);
                if (results.allFailed()) {
                    status = RunStatus.FAILED;
                    error = Optional.of(String.join("; ", results.failures()));
                } else if (cancelled.isCancelled()) {
                    // what was done is journaled; what was not stays for the next run
                    status = RunStatus.CANCELLED;
                    error = Optional.of("cancelled: " + cancelled.reason().orElse("")
                            + "; what was not done is left for the next run");
                } else {
                    status = recorder.hasProblems() ? RunStatus.COMPLETED_WITH_ERRORS : RunStatus.SUCCEEDED;
                    error = Optional.empty();
                }
            } finally {
                close(session, account.id());
            }
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            error = Optional.of(describe(e));
            if (account.state() == AccountState.FAILING) {
                // said once, when the account started failing
                LOG.debug("Sync run {} of FAILING account {} failed: {}", started.id(), account.id(), error.get());
            } else {
                LOG.warn("Sync run {} of account {} failed: {}", started.id(), account.id(), error.get());
            }
        } catch (Error e) {
            // out of memory, a stack overflow in a parser: the run ends FAILED in the journal (never RUNNING until a
            // restart) and the error goes on to the thread's owner
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            try {
                recorder.finish(RunStatus.FAILED, Optional.of("the run stopped on " + reason), clock.instant());
            } catch (RuntimeException | Error journalFailure) {
                e.addSuppressed(journalFailure);
            }
            LOG.error("Sync run {} of account {} stopped on {}", started.id(), account.id(), reason);
            throw e;
        }
        SyncRun finished = recorder.finish(status, error, clock.instant());
        if (status != RunStatus.CANCELLED) {
            try {
                accounts.runEnded(account.id(), status == RunStatus.FAILED, error.orElse(""), clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Could not count sync run {} of account {} towards its state: {}", finished.id(),
                        account.id(), e.toString());
            }
        }
        if (recorder.repeatedFailures() > 0) {
            LOG.info("Sync run {} of account {} ended {}: {}; {} items failed again as before (journaled once)",
                    finished.id(), account.id(), finished.status(), finished.counts(), recorder.repeatedFailures());
        } else {
            LOG.info("Sync run {} of account {} ended {}: {}", finished.id(), account.id(), finished.status(),
                    finished.counts());
        }
        postCompleted(account, finished, recorder);
        return finished;
    }

    /** How the areas handed to modules went: how many were run, and why each failed one failed. */
    private record AreaResults(int attempted, List<String> failures) {
        boolean allFailed() {
            return attempted > 0 && failures.size() == attempted;
        }
    }

    /** Runs each area the account enabled and a module serves; the others are journaled as skipped. */
    private AreaResults runAreas(GroupwareAccount account, EnumSet<SyncArea> areas, SyncTrigger trigger,
                                  RunCancellation cancelled, ConnectorSession session, SyncRun run,
                                  RunRecorder recorder) {
        DefaultSyncContext context = new DefaultSyncContext(account, session, trigger, run.id(), recorder, cancelled);
        List<String> failed = new ArrayList<>();
        int attempted = 0;
        for (SyncArea area : areas) {
            if (cancelled.isCancelled()) {
                recorder.record(area, area.name(), Outcome.WARNING, "not run: the run was cancelled ("
                        + cancelled.reason().orElse("") + ")", Optional.empty());
                continue;
            }
            if (!account.areas().contains(area)) {
                recorder.record(area, area.name(), Outcome.WARNING, "skipped: area " + area
                        + " is not enabled for groupware account " + account.id(), Optional.empty());
                continue;
            }
            Optional<AreaSynchronizer> synchronizer = synchronizers.stream()
                    .filter(s -> s.areas().contains(area)).findFirst();
            if (synchronizer.isEmpty()) {
                recorder.record(area, area.name(), Outcome.WARNING, "skipped: no installed module serves area "
                        + area, Optional.empty());
                continue;
            }
            attempted++;
            Set<RunCancellation> flags = working.computeIfAbsent(synchronizer.get(), s -> ConcurrentHashMap.newKeySet());
            flags.add(cancelled);
            try {
                if (!synchronizers.contains(synchronizer.get())) {
                    // went away between the look-up and now
                    cancelled.cancel("the module serving " + areaNames(synchronizer.get()) + " was stopped or removed");
                }
                synchronizer.get().synchronize(area, context);
            } catch (Exception e) {
                String reason = describe(e);
                if (account.state() == AccountState.FAILING) {
                    // the stack trace was logged while the account was still ACTIVE; said again, it only fills the log
                    LOG.debug("Area {} of sync run {} (FAILING account {}) failed: {}", area, run.id(), account.id(),
                            reason, e);
                } else {
                    LOG.warn("Area {} of sync run {} (account {}) failed: {}", area, run.id(), account.id(), reason, e);
                }
                recorder.record(area, area.name(), Outcome.FAILED, "area failed: " + reason, Optional.empty());
                failed.add(area + " failed: " + reason);
            } finally {
                flags.remove(cancelled);
            }
        }
        return new AreaResults(attempted, failed);
    }

    private void postCompleted(GroupwareAccount account, SyncRun run, RunRecorder recorder) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(RuntimeEvents.PROPERTY_RUN_ID, run.id());
        properties.put(RuntimeEvents.PROPERTY_ACCOUNT, account.id().value());
        properties.put(RuntimeEvents.PROPERTY_EMPLOYEE, account.employee().value());
        properties.put(RuntimeEvents.PROPERTY_STATUS, run.status().name());
        properties.put(RuntimeEvents.PROPERTY_CREATED_ACTIVITIES, recorder.createdActivities().toArray(String[]::new));
        Map<Outcome, Integer> counts = recorder.counts();
        for (Outcome outcome : Outcome.values()) {
            properties.put(RuntimeEvents.PROPERTY_COUNT_PREFIX + outcome.name(), counts.getOrDefault(outcome, 0));
        }
        try {
            admin.postEvent(new Event(RuntimeEvents.TOPIC_RUN_COMPLETED, properties));
        } catch (RuntimeException e) {
            LOG.warn("Could not post the end of sync run {}: {}", run.id(), e.toString());
        }
    }

    private static void close(ConnectorSession session, AccountId account) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the connector session of account {} failed: {}", account, e.toString());
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

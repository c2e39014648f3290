package io.liaison.runtime.internal;

import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link RunJournal} of one run: writes each entry to the journal at once (so a crash keeps what was done)
 * and counts outcomes and created activities for the run's status and its event.
 *
 * <p>What keeps the journal from growing with every run (issue 25): the run's row is written with its first entry,
 * and a scheduled or pushed run that ends without any entry gets none (the account counts it, see
 * {@link JdbcSyncJournal#countIdleRun}); a run a person started always gets its row, since they may look it up. A
 * FAILED outcome that repeats the failure last journaled for the same item is counted, not journaled again (see
 * {@link FailingItems}).
 */
final class RunRecorder implements RunJournal {
    private static final Set<Outcome> PROBLEMS = EnumSet.of(Outcome.FAILED, Outcome.WARNING, Outcome.CONFLICT);
    /** The triggers whose runs go without a row when they journal nothing: nobody waits to look them up. */
    private static final Set<SyncTrigger> UNATTENDED = EnumSet.of(SyncTrigger.SCHEDULED, SyncTrigger.PUSH);

    private final JdbcSyncJournal journal;
    private final SyncRun run;
    private final EmployeeId employee;
    private final FailingItems failing;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<String> createdActivities = new ArrayList<>();
    private int seq;
    private int repeatedFailures;
    private boolean written;

    /** Starts recording a run that {@link JdbcSyncJournal#newRun} described; writes its row now unless unattended. */
    RunRecorder(JdbcSyncJournal journal, SyncRun run, EmployeeId employee, FailingItems failing) {
        this.journal = journal;
        this.run = run;
        this.employee = employee;
        this.failing = failing;
        if (!UNATTENDED.contains(run.trigger())) {
            writeRow();
        }
    }

    String runId() {
        return run.id();
    }

    @Override
    public synchronized void record(SyncArea area, String item, Outcome outcome, String message,
                                    Optional<String> crmId) {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(outcome, "outcome");
        Optional<String> crm = crmId == null ? Optional.empty() : crmId;
        String name = item == null ? "" : item;
        Instant now = Instant.now();
        if (outcome == Outcome.FAILED) {
            if (failing.failedAgain(area, name, message, now)) {
                repeatedFailures++;
                return;
            }
        } else {
            failing.settled(area, name);
        }
        writeRow();
        journal.append(new JournalEntry(run.id(), now, area, name, outcome, message, crm), ++seq);
        counts.merge(outcome, 1, Integer::sum);
        if (outcome == Outcome.CREATED && crm.isPresent() && JdbcSyncJournal.ACTIVITY_AREAS.contains(area)) {
            createdActivities.add(crm.get());
        }
    }

    private void writeRow() {
        if (!written) {
            journal.insert(run, employee);
            written = true;
        }
    }

    /**
     * Ends the run: its row gets the status; a run without a row that journaled nothing is counted as idle on its
     * account, any other (a failed or cancelled one) gets its row now.
     */
    synchronized SyncRun finish(RunStatus status, Optional<String> error, Instant now) {
        if (!written && seq == 0 && (status == RunStatus.SUCCEEDED || status == RunStatus.COMPLETED_WITH_ERRORS)) {
            journal.countIdleRun(run.account(), now);
            return new SyncRun(run.id(), run.account(), run.areas(), run.trigger(), run.startedAt(),
                    Optional.of(Sql.truncate(now)), status, counts(), List.of(), error);
        }
        writeRow();
        SyncRun finished = journal.finish(run.id(), status, error, now);
        if (repeatedFailures == 0) {
            return finished;
        }
        // the run as its caller and its event see it: its failures include those journaled by an earlier run
        return new SyncRun(finished.id(), finished.account(), finished.areas(), finished.trigger(),
                finished.startedAt(), finished.endedAt(), finished.status(), counts(), finished.createdActivities(),
                finished.error());
    }

    /**
     * How many items had each outcome so far; FAILED includes the failures that repeated one journaled before (they
     * failed in this run too, though the journal shows them once).
     */
    synchronized Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> all = new EnumMap<>(counts);
        if (repeatedFailures > 0) {
            all.merge(Outcome.FAILED, repeatedFailures, Integer::sum);
        }
        return Map.copyOf(all);
    }

    synchronized List<String> createdActivities() {
        return List.copyOf(createdActivities);
    }

    /** Failures that repeated the one last journaled for their item, counted instead of journaled. */
    synchronized int repeatedFailures() {
        return repeatedFailures;
    }

    /** Whether any entry failed, warned or reported a conflict, or a known failure repeated. */
    synchronized boolean hasProblems() {
        return repeatedFailures > 0 || counts.keySet().stream().anyMatch(PROBLEMS::contains);
    }
}

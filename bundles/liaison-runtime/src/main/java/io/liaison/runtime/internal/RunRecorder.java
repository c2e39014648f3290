package io.liaison.runtime.internal;

import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
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
 */
final class RunRecorder implements RunJournal {
    private static final Set<Outcome> PROBLEMS = EnumSet.of(Outcome.FAILED, Outcome.WARNING, Outcome.CONFLICT);

    private final JdbcSyncJournal journal;
    private final String runId;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<String> createdActivities = new ArrayList<>();
    private int seq;

    RunRecorder(JdbcSyncJournal journal, String runId) {
        this.journal = journal;
        this.runId = runId;
    }

    @Override
    public synchronized void record(SyncArea area, String item, Outcome outcome, String message,
                                    Optional<String> crmId) {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(outcome, "outcome");
        Optional<String> crm = crmId == null ? Optional.empty() : crmId;
        journal.append(new JournalEntry(runId, Instant.now(), area, item == null ? "" : item, outcome, message, crm),
                ++seq);
        counts.merge(outcome, 1, Integer::sum);
        if (outcome == Outcome.CREATED && crm.isPresent() && JdbcSyncJournal.ACTIVITY_AREAS.contains(area)) {
            createdActivities.add(crm.get());
        }
    }

    /** How many entries had each outcome so far. */
    synchronized Map<Outcome, Integer> counts() {
        return Map.copyOf(counts);
    }

    synchronized List<String> createdActivities() {
        return List.copyOf(createdActivities);
    }

    /** Whether any entry failed, warned or reported a conflict. */
    synchronized boolean hasProblems() {
        return counts.keySet().stream().anyMatch(PROBLEMS::contains);
    }
}

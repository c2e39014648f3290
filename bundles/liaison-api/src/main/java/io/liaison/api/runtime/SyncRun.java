package io.liaison.api.runtime;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.SyncArea;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sync run as the journal keeps it.
 *
 * @param id                 the run's id
 * @param account            the account
 * @param areas              the areas asked for
 * @param trigger            what started it
 * @param startedAt          when it started
 * @param endedAt            when it ended; empty while it runs
 * @param status             how it ended
 * @param counts             how many items had each outcome
 * @param createdActivities  ids of the CRM activities it created, for the spec's "N activities imported" link
 * @param error              for a failed run: why
 */
public record SyncRun(String id, AccountId account, Set<SyncArea> areas, SyncTrigger trigger, Instant startedAt,
                      Optional<Instant> endedAt, RunStatus status, Map<Outcome, Integer> counts,
                      List<String> createdActivities, Optional<String> error) {
    public SyncRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        areas = Set.copyOf(areas);
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(status, "status");
        counts = Map.copyOf(counts);
        createdActivities = List.copyOf(createdActivities);
        Objects.requireNonNull(error, "error");
    }

    /** How many items had this outcome. */
    public int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }
}

package io.liaison.api.runtime;

import io.liaison.api.domain.SyncArea;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item's outcome in a sync run.
 *
 * @param runId   the run
 * @param at      when it was recorded
 * @param area    the area
 * @param item    what identifies the item to a person
 * @param outcome what happened
 * @param message the reason or details
 * @param crmId   the CRM id concerned, if any
 */
public record JournalEntry(String runId, Instant at, SyncArea area, String item, Outcome outcome, String message,
                           Optional<String> crmId) {
    public JournalEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
        Objects.requireNonNull(crmId, "crmId");
    }
}

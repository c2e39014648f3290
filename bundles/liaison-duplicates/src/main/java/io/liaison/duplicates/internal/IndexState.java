package io.liaison.duplicates.internal;

import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.EmployeeId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a complete match-key index stands in the CRM's change feed.
 *
 * @param token     the change-feed token to continue from
 * @param actor     the employee whose view of the CRM the index holds
 * @param updatedAt when the index last caught up
 */
public record IndexState(CrmToken token, EmployeeId actor, Instant updatedAt) {
    public IndexState {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

package io.liaison.api.runtime;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an administrator enters to create or change a groupware account.
 *
 * @param employee       the employee it belongs to
 * @param connectorType  e.g. {@code local} or {@code graph}
 * @param settings       connector settings, never secrets
 * @param autoSync       whether it runs on its interval
 * @param interval       the time between automatic runs; at least one minute
 * @param areas          the areas to synchronise; mails only when empty
 * @param conflictPolicy what to do with an item changed on both sides
 */
public record AccountRequest(EmployeeId employee, String connectorType, Map<String, String> settings,
                             boolean autoSync, Duration interval, Set<SyncArea> areas,
                             ConflictPolicy conflictPolicy) {
    /** The interval of a new account when none is given. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    public AccountRequest {
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(connectorType, "connectorType");
        if (connectorType.isBlank()) {
            throw new IllegalArgumentException("connector type must not be blank");
        }
        settings = Map.copyOf(settings);
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least one minute, not " + interval);
        }
        areas = areas == null || areas.isEmpty() ? GroupwareAccount.DEFAULT_AREAS : Set.copyOf(areas);
        conflictPolicy = conflictPolicy == null ? ConflictPolicy.CRM_WINS : conflictPolicy;
    }
}

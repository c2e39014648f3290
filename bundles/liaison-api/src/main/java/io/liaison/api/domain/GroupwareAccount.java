package io.liaison.api.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An employee's link to a groupware mailbox (the spec's employee configuration and "User preferences /
 * Groupware"): which connector, its settings, whether and how often it synchronises, and which areas.
 * Credentials are not part of this record: they stay encrypted in the runtime's vault.
 *
 * @param id             the account's id
 * @param employee       the employee the account belongs to and every sync acts for
 * @param connectorType  the type of the connector that serves it, e.g. {@code graph} or {@code local}
 * @param settings       connector settings (folder path, mailbox address, tenant, …); never secrets
 * @param autoSync       the spec's "Auto synchronization": runs on the interval without a person
 * @param interval       the time between automatic runs
 * @param areas          the areas synchronised
 * @param conflictPolicy what to do with an item changed on both sides
 * @param state          whether sign-in is allowed
 * @param stateReason    why the account is blocked or disabled, when it is
 */
public record GroupwareAccount(
        AccountId id,
        EmployeeId employee,
        String connectorType,
        Map<String, String> settings,
        boolean autoSync,
        Duration interval,
        Set<SyncArea> areas,
        ConflictPolicy conflictPolicy,
        AccountState state,
        Optional<String> stateReason) {

    /** The areas of a new account when none are named: mails only, as the spec says. */
    public static final Set<SyncArea> DEFAULT_AREAS = Set.of(SyncArea.MAILS);

    public GroupwareAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(connectorType, "connectorType");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(interval, "interval");
        areas = Set.copyOf(areas);
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateReason, "stateReason");
    }

    /** The value of a connector setting, if set. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}

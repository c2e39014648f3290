package io.liaison.api.activitysync;

import io.liaison.api.domain.SyncArea;
import java.util.Objects;

/**
 * One change a sync run would make, as the manual sync's preview lists it.
 *
 * @param key         identifies the change, to choose it for the run
 * @param area        appointments or tasks
 * @param direction   {@code TO_CRM} or {@code TO_GROUPWARE}
 * @param action      {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code CONFLICT}
 * @param description the subject and time, for a person
 */
public record PlannedChange(String key, SyncArea area, String direction, String action, String description) {
    public PlannedChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(action, "action");
        description = description == null ? "" : description;
    }
}

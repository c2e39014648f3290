package io.liaison.crm.embedded.internal;

import java.util.Objects;

/**
 * A committed change to an activity or contact person, as announced to a {@link CrmChangeListener}.
 *
 * @param topic    one of the {@link io.liaison.api.crm.CrmEvents} topics
 * @param id       the id of the item
 * @param employee the owner of the activity, or the employee who changed the contact person
 * @param change   {@code CREATED}, {@code UPDATED} or {@code DELETED}
 */
public record CrmChange(String topic, String id, String employee, ChangeKind change) {
    public CrmChange {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(change, "change");
    }
}

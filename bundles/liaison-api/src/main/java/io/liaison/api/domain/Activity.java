package io.liaison.api.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An activity as the host CRM stores it: its content plus the id, version and timestamps the CRM keeps.
 *
 * @param id         the CRM's id
 * @param version    increases with every change; updates name the version they saw
 * @param createdAt  when the CRM created it
 * @param modifiedAt when the CRM last changed it
 * @param sourceKey  the idempotency key it was created with (for an imported mail, its Message-ID), if any
 * @param data       the content
 */
public record Activity(ActivityId id, long version, Instant createdAt, Instant modifiedAt,
                       Optional<String> sourceKey, ActivityData data) {
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(data, "data");
    }
}

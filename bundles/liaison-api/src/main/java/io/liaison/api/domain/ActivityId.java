package io.liaison.api.domain;

import java.util.Objects;

/**
 * The id of an activity in the host CRM. Opaque: only the system that issued it gives it a meaning.
 *
 * @param value the id as the issuing system spells it; never blank
 */
public record ActivityId(String value) {
    public ActivityId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ActivityId must not be blank");
        }
    }

    /** Shorthand for {@code new ActivityId(value)}. */
    public static ActivityId of(String value) {
        return new ActivityId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

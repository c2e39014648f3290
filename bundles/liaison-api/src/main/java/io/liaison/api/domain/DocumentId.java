package io.liaison.api.domain;

import java.util.Objects;

/**
 * The id of a document stored with an activity in the host CRM. Opaque: only the system that issued it gives it a meaning.
 *
 * @param value the id as the issuing system spells it; never blank
 */
public record DocumentId(String value) {
    public DocumentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("DocumentId must not be blank");
        }
    }

    /** Shorthand for {@code new DocumentId(value)}. */
    public static DocumentId of(String value) {
        return new DocumentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

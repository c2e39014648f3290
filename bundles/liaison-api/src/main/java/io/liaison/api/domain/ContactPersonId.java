package io.liaison.api.domain;

import java.util.Objects;

/**
 * The id of a contact person in the host CRM. Opaque: only the system that issued it gives it a meaning.
 *
 * @param value the id as the issuing system spells it; never blank
 */
public record ContactPersonId(String value) {
    public ContactPersonId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ContactPersonId must not be blank");
        }
    }

    /** Shorthand for {@code new ContactPersonId(value)}. */
    public static ContactPersonId of(String value) {
        return new ContactPersonId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

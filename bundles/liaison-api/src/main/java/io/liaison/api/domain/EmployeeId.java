package io.liaison.api.domain;

import java.util.Objects;

/**
 * The id of an employee of the host CRM, the user every call acts for. Opaque: only the system that issued it gives it a meaning.
 *
 * @param value the id as the issuing system spells it; never blank
 */
public record EmployeeId(String value) {
    public EmployeeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("EmployeeId must not be blank");
        }
    }

    /** Shorthand for {@code new EmployeeId(value)}. */
    public static EmployeeId of(String value) {
        return new EmployeeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

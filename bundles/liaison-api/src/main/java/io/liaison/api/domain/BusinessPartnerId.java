package io.liaison.api.domain;

import java.util.Objects;

/**
 * The id of a business partner in the host CRM. Opaque: only the system that issued it gives it a meaning.
 *
 * @param value the id as the issuing system spells it; never blank
 */
public record BusinessPartnerId(String value) {
    public BusinessPartnerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("BusinessPartnerId must not be blank");
        }
    }

    /** Shorthand for {@code new BusinessPartnerId(value)}. */
    public static BusinessPartnerId of(String value) {
        return new BusinessPartnerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

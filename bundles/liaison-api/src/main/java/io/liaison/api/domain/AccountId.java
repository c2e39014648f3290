package io.liaison.api.domain;

import java.util.Objects;

/**
 * The id of a groupware account that Liaison keeps for an employee. Opaque: only the system that issued it gives it a meaning.
 *
 * @param value the id as the issuing system spells it; never blank
 */
public record AccountId(String value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("AccountId must not be blank");
        }
    }

    /** Shorthand for {@code new AccountId(value)}. */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

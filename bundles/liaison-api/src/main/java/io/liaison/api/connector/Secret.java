package io.liaison.api.connector;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (password, client secret, refresh token). Its {@code toString} never shows it, so it
 * cannot end up in a log line by accident; only {@link #reveal()} gives it out.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret(new char[0]);
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    public static Secret empty() {
        return EMPTY;
    }

    /** The secret in clear; hand it to the groupware, never to a log or a message. */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[empty]" : "Secret[******]";
    }
}

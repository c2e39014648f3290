package io.liaison.api.connector;

import java.util.Objects;

/**
 * Makes a create safe to repeat: an item created with a key is found again by the same key. Letters,
 * digits, {@code -}, {@code _} and {@code .} only, at most 200 characters, so that every connector can
 * store it (in a file name, a Graph {@code transactionId}, a CalDAV resource name).
 *
 * @param value the key, e.g. {@code crm-activity-4711}
 */
public record IdempotencyKey(String value) {
    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 200 || !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not an idempotency key: '" + value + "'");
        }
    }
}

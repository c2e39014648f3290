package io.liaison.api.connector;

import java.util.Objects;

/**
 * A connector's position in a change feed (a Graph delta link, a listing snapshot). Opaque to everyone but
 * the connector that issued it.
 *
 * @param value the connector's representation
 */
public record SyncToken(String value) {
    public SyncToken {
        Objects.requireNonNull(value, "value");
    }
}

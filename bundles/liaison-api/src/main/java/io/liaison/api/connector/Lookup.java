package io.liaison.api.connector;

import java.util.Objects;

/**
 * What a look-up by id found: the item, nothing (the groupware confirms it is gone), or an item that exists but
 * cannot be read. Only {@link Gone} lets a caller treat a linked item as deleted.
 *
 * @param <T> the content type
 */
public sealed interface Lookup<T> {

    /** The item exists and was read. */
    record Found<T>(GroupwareItem<T> item) implements Lookup<T> {
        public Found {
            Objects.requireNonNull(item, "item");
        }
    }

    /** The groupware confirms the item is not there (Graph's 404, no file of that id). */
    record Gone<T>() implements Lookup<T> {
    }

    /** The item exists but cannot be read now; {@code reason} says why, for the journal. */
    record Unreadable<T>(String reason) implements Lookup<T> {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package io.liaison.sync.engine;

import java.util.Objects;

/**
 * What a side's look-up by id found: the item, nothing (the side confirms it is gone), an item that exists but
 * cannot be read now, or one that exists but is no longer part of this sync. The engine deletes on the strength of
 * {@link Gone} only.
 *
 * @param <T> the content type
 */
public sealed interface Presence<T> {

    /** The item exists and was read. */
    record Found<T>(SideItem<T> item) implements Presence<T> {
        public Found {
            Objects.requireNonNull(item, "item");
        }
    }

    /** The side confirms the item is not there. */
    record Gone<T>() implements Presence<T> {
    }

    /** The item exists but cannot be read now; {@code reason} says why, for the journal. */
    record Unreadable<T>(String reason) implements Presence<T> {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The item exists but no longer belongs to this sync (a CRM activity whose type or owner changed, a groupware item a
     * filter no longer takes): leaving is not deleting. {@code reason} says why, for the journal.
     */
    record Left<T>(String reason) implements Presence<T> {
        public Left {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

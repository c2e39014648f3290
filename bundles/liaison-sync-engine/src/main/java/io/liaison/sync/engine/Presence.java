package io.liaison.sync.engine;

import java.util.Objects;

/**
 * What a side's look-up by id found: the item, nothing (the side confirms it is gone), an item that exists but
 * cannot be read now, one that exists but is no longer part of this sync, or one the side merged into another of its
 * items. The engine deletes on the strength of {@link Gone} only. A look-up says why an item is gone, not the
 * change feed alone, so that a run that finds a removal again (after an earlier run failed to apply it) decides as
 * the first one did.
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

    /**
     * The side merged the item into another of its items, {@code survivor} (a CRM's merge of duplicate contact
     * persons): the other side's item follows the survivor instead of being deleted ({@link SideChanges#mergedInto}).
     */
    record Merged<T>(String survivor) implements Presence<T> {
        public Merged {
            Objects.requireNonNull(survivor, "survivor");
        }
    }
}

package io.liaison.sync.engine;

import java.util.Optional;

/**
 * The writes the engine makes to one side, converting the other side's content on the way. Adapters translate
 * their side's "not found" into {@link ItemGoneException} and "stale version" into {@link ItemChangedException}.
 *
 * @param <S> this side's content type
 * @param <O> the other side's content type
 */
public interface SideStore<S, O> {

    /** The item, if it exists. */
    Optional<SideItem<S>> get(String id);

    /** The item created before from {@code source} for this reason (after a crash), if any. */
    Optional<SideItem<S>> findCreated(SideItem<O> source, CreateReason reason);

    /** Creates an item from the other side's item, once per source and reason (an idempotency key). */
    SideItem<S> create(SideItem<O> source, CreateReason reason);

    /** Replaces an item's content with the other side's. */
    SideItem<S> update(String id, String expectedVersion, SideItem<O> source);

    /** Deletes an item. */
    void delete(String id, String expectedVersion);

    /**
     * Writes the link to the other side's item into this one if it is missing (the groupware's link back to its
     * CRM activity); returns the item as written, or empty when nothing had to be written.
     */
    Optional<SideItem<S>> ensureLinkTo(SideItem<S> item, SideItem<O> other);

    /**
     * Removes from this item what names the other side's item, when the link goes but this item stays ({@link
     * DeletionRule#UNLINK}, {@link DeletionRule#DELETE_ELSE_DETACH}): the reverse of {@link #ensureLinkTo}. Returns
     * the item as written, or empty when nothing had to be written or it is gone. The default has nothing to remove.
     */
    default Optional<SideItem<S>> detach(String id) {
        return Optional.empty();
    }

    /**
     * Keeps this side's item's content as a separate item without a link to the other side (the groupware's edit of
     * a keep-both conflict under {@link SyncRules.KeepBoth#GROUPWARE_COPY}), once per item and version (an
     * idempotency key), so that repeating it is harmless. The default refuses: a side that keeps no such copies.
     */
    default SideItem<S> keepCopy(SideItem<S> item) {
        throw new UnsupportedOperationException("this side keeps no separate copies of conflicting edits (item "
                + item.id() + ")");
    }
}

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
}

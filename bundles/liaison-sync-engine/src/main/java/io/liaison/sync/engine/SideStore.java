package io.liaison.sync.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writes the engine makes to one side, converting the other side's content on the way. Adapters translate
 * their side's "not found" into {@link ItemGoneException}, "stale version" into {@link ItemChangedException} and
 * "exists but cannot be read" into {@link ItemUnreadableException}.
 *
 * @param <S> this side's content type
 * @param <O> the other side's content type
 */
public interface SideStore<S, O> {

    /**
     * The item, if it exists; empty only when the side confirms it is gone.
     *
     * @throws ItemUnreadableException when it exists but cannot be read
     */
    Optional<SideItem<S>> get(String id);

    /**
     * Looks up several items: found, gone or unreadable (how the engine confirms a reported removal before acting on
     * it). The default asks {@link #get} one id at a time.
     *
     * @return one entry per id
     */
    default Map<String, Presence<S>> lookUp(Collection<String> ids) {
        Map<String, Presence<S>> found = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                found.put(id, get(id).<Presence<S>>map(Presence.Found::new).orElseGet(Presence.Gone::new));
            } catch (ItemUnreadableException e) {
                found.put(id, new Presence.Unreadable<>(e.getMessage()));
            }
        }
        return found;
    }

    /** The item created before from {@code source} for this reason (after a crash), if any. */
    Optional<SideItem<S>> findCreated(SideItem<O> source, CreateReason reason);

    /** Creates an item from the other side's item, once per source and reason (an idempotency key). */
    SideItem<S> create(SideItem<O> source, CreateReason reason);

    /**
     * Replaces an item's content with the other side's.
     *
     * @throws ItemReadOnlyException when this side keeps the item as it is ({@link #readOnly})
     */
    SideItem<S> update(String id, String expectedVersion, SideItem<O> source);

    /**
     * Why this side keeps this item as it is and takes no changes from the other side (a meeting its owner does not
     * organise), or empty when it may be written. The engine then lets the item's own changes travel and keeps the
     * other side's edits where they were made. The default: every item may be written.
     */
    default Optional<String> readOnly(SideItem<S> item) {
        return Optional.empty();
    }

    /** Deletes an item. */
    void delete(String id, String expectedVersion);

    /**
     * Deletes an item for a deletion on the other side, and says what else the deletion set off that a person should
     * know (a meeting's attendees sent a cancellation), for the journal. The default deletes and says nothing.
     */
    default Optional<String> deleteAndTell(String id, String expectedVersion) {
        delete(id, expectedVersion);
        return Optional.empty();
    }

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
     * The other side's item of a pair left the sync (it still exists there); this side's item stays and the link goes.
     * The default detaches it ({@link #detach}). A side whose feed would otherwise offer the kept item as new (a
     * calendar whose every event becomes a CRM activity) overrides this to keep it out instead, without writing it.
     */
    default void partnerLeft(String id, String partnerId) {
        detach(id);
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

package io.liaison.api.connector;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The groupware's events, tasks or contacts: a change feed and versioned writes. Writes name the version
 * the caller last saw, so that a change made meanwhile by a person is reported, never overwritten.
 *
 * @param <T> {@link io.liaison.api.connector.item.EventData}, {@link io.liaison.api.connector.item.TaskData}
 *            or {@link io.liaison.api.connector.item.ContactData}
 */
@ConsumerType
public interface ItemStore<T> {

    /**
     * Items created, changed or removed since a token. With an empty token, or when the groupware no longer
     * knows the token (Graph's 410), every item is listed and {@link ChangeSet#complete()} is true. Items the
     * connector cannot read are reported in {@link ChangeSet#problems()} and left alone.
     */
    ChangeSet<GroupwareItem<T>> changes(Optional<SyncToken> since);

    /**
     * Whether a token is ahead of this store's own state: one the store has not given out yet, as when the groupware's
     * data and its sync state were restored from a backup older than the token (a local folder tree with its
     * {@code .liaison} directory put back). Reading from such a token as an unknown one would take the items made
     * after the backup for deleted; a caller that learns so reads everything again and deletes nothing on the
     * strength of the restore. The default cannot tell and answers false (no check): Graph, for one, answers an
     * unknown delta token with 410 whether it expired or the mailbox was restored, so it cannot tell the two apart.
     *
     * @since 1.4
     */
    default boolean aheadOfState(SyncToken token) {
        return false;
    }

    /**
     * The item, if it exists; empty only when the groupware confirms it is gone.
     *
     * @throws ItemUnreadableException when the item exists but cannot be read (never answered as empty)
     */
    Optional<GroupwareItem<T>> get(String id);

    /**
     * Looks up several items by id, each found, gone or unreadable: how a caller confirms that items a change set
     * reported removed (or a complete listing left out) are really gone before acting on it. A change feed may
     * leave out items that still exist (Graph's calendar view reports events that left its date range as
     * removed); such items are {@link Lookup.Found}. The default asks {@link #get} one id at a time; a connector
     * with a cheaper way (Graph's {@code $batch}) overrides it.
     *
     * @return one entry per id, in the order given
     */
    default Map<String, Lookup<T>> lookUp(Collection<String> ids) {
        Map<String, Lookup<T>> found = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                found.put(id, get(id).<Lookup<T>>map(Lookup.Found::new).orElseGet(Lookup.Gone::new));
            } catch (ItemUnreadableException e) {
                found.put(id, new Lookup.Unreadable<>(e.getMessage()));
            }
        }
        return found;
    }

    /**
     * Creates an item, once per idempotency key: when an item with this key exists (a repeated create after a
     * crash), that item is returned and nothing is written.
     *
     * @param crmId the CRM id to store with the item (found again by {@link #findByCrmId}); empty for none
     */
    GroupwareItem<T> create(T data, Optional<String> crmId, IdempotencyKey key);

    /**
     * Replaces an item's content and CRM id.
     *
     * @throws VersionConflictException when the item's version is no longer {@code expectedVersion}
     * @throws ItemNotFoundException    when it is gone
     * @throws ItemUnreadableException  when it exists but cannot be read (never written as a second item)
     */
    GroupwareItem<T> update(String id, String expectedVersion, T data, Optional<String> crmId);

    /**
     * Deletes an item.
     *
     * @throws VersionConflictException when the item's version is no longer {@code expectedVersion}
     * @throws ItemNotFoundException    when it is gone already
     */
    void delete(String id, String expectedVersion);

    /** The item that carries this CRM id, if any (when several do, one of them). */
    Optional<GroupwareItem<T>> findByCrmId(String crmId);

    /**
     * Every item that carries this CRM id: more than one when a person copied an item in the groupware (the copy
     * carries the original's CRM id), so that a caller never takes an arbitrary one of them for its own. The default
     * answers what {@link #findByCrmId} finds; a connector that can list them all overrides it.
     *
     * @throws ItemUnreadableException when an item with this CRM id exists but cannot be read
     */
    default List<GroupwareItem<T>> findAllByCrmId(String crmId) {
        return findByCrmId(crmId).map(List::of).orElse(List.of());
    }
}

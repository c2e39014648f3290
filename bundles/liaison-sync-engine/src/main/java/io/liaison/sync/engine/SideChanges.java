package io.liaison.sync.engine;

import io.liaison.api.connector.SyncToken;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one side reports changed since its stored token.
 *
 * @param changed    items created or changed, with their current content (one per id)
 * @param removed    ids of items gone
 * @param complete   whether {@code changed} lists every item of the side (a first read, or a re-read after an
 *                   expired token): a linked item absent from it is gone, once the side confirms it
 * @param next       the token to store once the whole change set is applied
 * @param unreadable ids of linked items that exist but cannot be read now, with the reason: neither changed nor gone
 * @param left       ids of linked items that exist but left this sync (a CRM activity whose type or owner changed, a
 *                   groupware item a filter no longer takes), with the reason: unlinked, never deleted
 * @param mergedInto ids of removed items the side merged into another of its items (a CRM's merge of duplicates),
 *                   with the survivor's id: the other side's item follows the survivor instead of being deleted
 * @param <T>        the content type
 */
public record SideChanges<T>(List<SideItem<T>> changed, Set<String> removed, boolean complete, SyncToken next,
                             Map<String, String> unreadable, Map<String, String> left, Map<String, String> mergedInto) {
    public SideChanges {
        changed = List.copyOf(changed);
        removed = Set.copyOf(removed);
        Objects.requireNonNull(next, "next");
        unreadable = Map.copyOf(unreadable);
        left = Map.copyOf(left);
        mergedInto = Map.copyOf(mergedInto);
    }

    /** A change set in which no item was merged into another. */
    public SideChanges(List<SideItem<T>> changed, Set<String> removed, boolean complete, SyncToken next,
                       Map<String, String> unreadable, Map<String, String> left) {
        this(changed, removed, complete, next, unreadable, left, Map.of());
    }

    /** A change set in which every item could be read and none left the sync. */
    public SideChanges(List<SideItem<T>> changed, Set<String> removed, boolean complete, SyncToken next) {
        this(changed, removed, complete, next, Map.of(), Map.of());
    }

    /** A change set in which no item left the sync. */
    public SideChanges(List<SideItem<T>> changed, Set<String> removed, boolean complete, SyncToken next,
                       Map<String, String> unreadable) {
        this(changed, removed, complete, next, unreadable, Map.of());
    }
}

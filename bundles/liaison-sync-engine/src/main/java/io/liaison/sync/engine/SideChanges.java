package io.liaison.sync.engine;

import io.liaison.api.connector.SyncToken;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one side reports changed since its stored token.
 *
 * @param changed  items created or changed, with their current content (one per id)
 * @param removed  ids of items gone
 * @param complete whether {@code changed} lists every item of the side (a first read, or a re-read after an
 *                 expired token): a linked item absent from it is gone
 * @param next     the token to store once the whole change set is applied
 * @param <T>      the content type
 */
public record SideChanges<T>(List<SideItem<T>> changed, Set<String> removed, boolean complete, SyncToken next) {
    public SideChanges {
        changed = List.copyOf(changed);
        removed = Set.copyOf(removed);
        Objects.requireNonNull(next, "next");
    }
}

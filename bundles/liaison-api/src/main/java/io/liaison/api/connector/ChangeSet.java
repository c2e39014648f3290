package io.liaison.api.connector;

import java.util.List;
import java.util.Objects;

/**
 * What changed in a folder or store since a token.
 *
 * @param changed    items new or changed since the token, with their current content
 * @param removedIds ids of items gone since the token
 * @param problems   items the connector could not read (broken files, bad data); left where they are
 * @param next       the token for the next call; store it only once this set is applied
 * @param complete   whether {@code changed} lists every item (a first read, or a full re-read after an
 *                   expired token): linked items absent from it are gone
 * @param <T>        the item type
 */
public record ChangeSet<T>(List<T> changed, List<String> removedIds, List<ItemProblem> problems, SyncToken next,
                           boolean complete) {
    public ChangeSet {
        changed = List.copyOf(changed);
        removedIds = List.copyOf(removedIds);
        problems = List.copyOf(problems);
        Objects.requireNonNull(next, "next");
    }
}

package io.liaison.api.crm;

import java.util.List;
import java.util.Objects;

/**
 * One page of a host CRM change feed.
 *
 * @param changed items created or changed since the token, with their current content, oldest change first
 * @param removed ids of items deleted since the token
 * @param next    the token to continue from
 * @param more    whether more changes are waiting beyond this page
 * @param <T>     the item type
 * @param <I>     the id type
 */
public record CrmChangePage<T, I>(List<T> changed, List<I> removed, CrmToken next, boolean more) {
    public CrmChangePage {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        Objects.requireNonNull(next, "next");
    }
}

package io.liaison.sync.engine;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A connector's look-ups in the engine's terms, for the groupware side of every consumer: the connector's
 * "unreadable" becomes the engine's, never "gone".
 */
public final class GroupwareLookups {

    private GroupwareLookups() {
    }

    /** {@link ItemStore#get}, with an unreadable item thrown as the engine's {@link ItemUnreadableException}. */
    public static <T, S> Optional<SideItem<S>> get(ItemStore<T> store, String id,
                                                   Function<GroupwareItem<T>, SideItem<S>> view) {
        try {
            return store.get(id).map(view);
        } catch (io.liaison.api.connector.ItemUnreadableException e) {
            throw new ItemUnreadableException(e.getMessage(), e);
        }
    }

    /** {@link ItemStore#lookUp} as the engine's presences. */
    public static <T, S> Map<String, Presence<S>> lookUp(ItemStore<T> store, Collection<String> ids,
                                                         Function<GroupwareItem<T>, SideItem<S>> view) {
        Map<String, Presence<S>> found = new LinkedHashMap<>();
        store.lookUp(ids).forEach((id, lookup) -> found.put(id, presence(lookup, view)));
        return found;
    }

    private static <T, S> Presence<S> presence(Lookup<T> lookup, Function<GroupwareItem<T>, SideItem<S>> view) {
        if (lookup instanceof Lookup.Found<T> f) {
            return new Presence.Found<>(view.apply(f.item()));
        }
        if (lookup instanceof Lookup.Unreadable<T> u) {
            return new Presence.Unreadable<>(u.reason());
        }
        return new Presence.Gone<>();
    }
}

package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The match-key index in memory: for tests, benchmarks and callers that check a batch against a list they hold.
 * Thread-safe by locking.
 */
public final class InMemoryMatchKeyIndex implements MatchKeyIndex {
    private final Map<String, List<ContactPersonId>> byKey = new HashMap<>();
    private final Map<ContactPersonId, IndexedContact> contacts = new HashMap<>();
    private IndexState state;

    @Override
    public synchronized Optional<IndexState> state() {
        return Optional.ofNullable(state);
    }

    @Override
    public synchronized void clear() {
        byKey.clear();
        contacts.clear();
        state = null;
    }

    @Override
    public synchronized void apply(Collection<IndexedContact> upserts, Collection<ContactPersonId> removed,
                                   Optional<IndexState> newState) {
        for (ContactPersonId id : removed) {
            remove(id);
        }
        for (IndexedContact contact : upserts) {
            remove(contact.id());
            contacts.put(contact.id(), contact);
            for (String key : MatchKeys.indexKeys(contact.contact())) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(contact.id());
            }
        }
        newState.ifPresent(s -> state = s);
    }

    private void remove(ContactPersonId id) {
        IndexedContact old = contacts.remove(id);
        if (old == null) {
            return;
        }
        for (String key : MatchKeys.indexKeys(old.contact())) {
            List<ContactPersonId> ids = byKey.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    byKey.remove(key);
                }
            }
        }
    }

    @Override
    public synchronized List<IndexedContact> candidates(Collection<String> keys, int limit) {
        Set<ContactPersonId> ids = new LinkedHashSet<>();
        for (String key : keys) {
            for (ContactPersonId id : byKey.getOrDefault(key, List.of())) {
                if (ids.size() >= limit) {
                    break;
                }
                ids.add(id);
            }
        }
        List<IndexedContact> found = new ArrayList<>(ids.size());
        ids.forEach(id -> found.add(contacts.get(id)));
        return found;
    }

    @Override
    public synchronized long size() {
        return contacts.size();
    }
}

package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The match-key index in memory: for tests, benchmarks and callers that check a batch against a list they hold.
 * The contacts under a name key are grouped by their names ({@link PersonName}), so that a check compares each
 * distinct name of a block once instead of each contact. Thread-safe by locking.
 */
public final class InMemoryMatchKeyIndex implements MatchKeyIndex {
    private final Map<String, List<ContactPersonId>> byIdentityKey = new HashMap<>();
    private final Map<String, Map<PersonName, List<IndexedContact>>> byNameKey = new HashMap<>();
    private final Map<ContactPersonId, IndexedContact> contacts = new HashMap<>();
    /** One instance per distinct name (and per distinct string in it): a check's comparisons of names then find
     * them in its caches by identity and touch less memory. Names are not forgotten before {@link #clear()}. */
    private final Map<PersonName, PersonName> sharedNames = new HashMap<>();
    private final Map<String, String> sharedStrings = new HashMap<>();
    private IndexState state;

    @Override
    public synchronized Optional<IndexState> state() {
        return Optional.ofNullable(state);
    }

    @Override
    public synchronized void clear() {
        byIdentityKey.clear();
        byNameKey.clear();
        contacts.clear();
        sharedNames.clear();
        sharedStrings.clear();
        state = null;
    }

    @Override
    public synchronized void apply(Collection<IndexedContact> upserts, Collection<ContactPersonId> removed,
                                   Optional<IndexState> newState) {
        for (ContactPersonId id : removed) {
            remove(id);
        }
        for (IndexedContact upsert : upserts) {
            remove(upsert.id());
            IndexedContact contact = new IndexedContact(upsert.id(), upsert.version(),
                    upsert.contact().withSharedNames(shared(upsert.contact().names())));
            contacts.put(contact.id(), contact);
            for (String key : MatchKeys.indexKeys(contact.contact())) {
                if (MatchKeys.isNameKey(key)) {
                    byNameKey.computeIfAbsent(key, k -> new LinkedHashMap<>(4))
                            .computeIfAbsent(contact.contact().names(), n -> new ArrayList<>(1)).add(contact);
                } else {
                    byIdentityKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(contact.id());
                }
            }
        }
        newState.ifPresent(s -> state = s);
    }

    private PersonName shared(PersonName names) {
        PersonName shared = sharedNames.get(names);
        if (shared == null) {
            shared = new PersonName(shared(names.first()), shared(names.last()), shared(names.firstCode()),
                    shared(names.lastCode()));
            sharedNames.put(shared, shared);
        }
        return shared;
    }

    private String shared(String s) {
        String shared = sharedStrings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    private void remove(ContactPersonId id) {
        IndexedContact old = contacts.remove(id);
        if (old == null) {
            return;
        }
        for (String key : MatchKeys.indexKeys(old.contact())) {
            if (MatchKeys.isNameKey(key)) {
                Map<PersonName, List<IndexedContact>> block = byNameKey.get(key);
                if (block == null) {
                    continue;
                }
                List<IndexedContact> group = block.get(old.contact().names());
                if (group != null) {
                    group.removeIf(c -> c.id().equals(id));
                    if (group.isEmpty()) {
                        block.remove(old.contact().names());
                    }
                }
                if (block.isEmpty()) {
                    byNameKey.remove(key);
                }
            } else {
                List<ContactPersonId> ids = byIdentityKey.get(key);
                if (ids != null) {
                    ids.remove(id);
                    if (ids.isEmpty()) {
                        byIdentityKey.remove(key);
                    }
                }
            }
        }
    }

    @Override
    public synchronized List<IndexedContact> candidates(Collection<String> keys, int limit) {
        Set<ContactPersonId> ids = new LinkedHashSet<>();
        for (String key : keys) {
            if (MatchKeys.isNameKey(key)) {
                for (List<IndexedContact> group : byNameKey.getOrDefault(key, Map.of()).values()) {
                    for (IndexedContact contact : group) {
                        if (ids.size() >= limit) {
                            break;
                        }
                        ids.add(contact.id());
                    }
                }
            } else {
                for (ContactPersonId id : byIdentityKey.getOrDefault(key, List.of())) {
                    if (ids.size() >= limit) {
                        break;
                    }
                    ids.add(id);
                }
            }
        }
        List<IndexedContact> found = new ArrayList<>(ids.size());
        ids.forEach(id -> found.add(contacts.get(id)));
        return found;
    }

    /** Asks the visitor once per distinct name of each key's block, and hands it the contacts of the wanted names. */
    @Override
    public synchronized boolean visitByName(Collection<String> keys, int limit, NameVisitor visitor) {
        int names = 0;
        int handed = 0;
        for (String key : keys) {
            Map<PersonName, List<IndexedContact>> block = byNameKey.get(key);
            if (block == null) {
                continue;
            }
            for (Map.Entry<PersonName, List<IndexedContact>> group : block.entrySet()) {
                if (++names > limit) {
                    return true;
                }
                if (!visitor.wants(group.getKey())) {
                    continue;
                }
                for (IndexedContact contact : group.getValue()) {
                    if (++handed > limit) {
                        return true;
                    }
                    visitor.accept(contact);
                }
            }
        }
        return false;
    }

    @Override
    public synchronized long size() {
        return contacts.size();
    }
}

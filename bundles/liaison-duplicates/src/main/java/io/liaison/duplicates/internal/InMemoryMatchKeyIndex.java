package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The match-key index in memory: for tests, benchmarks and callers that check a batch against a list they hold.
 * The contacts under a name key are grouped by their names ({@link PersonName}), so that a check compares each
 * distinct name of a block once instead of each contact. Thread-safe by locking.
 *
 * <p>Laid out for the look-up by name, the hot path of a check: every distinct name string (given or family name)
 * gets an int id, and a name key's block keeps its distinct names as two int arrays (given and family name id) next
 * to their contact groups. A visit walks those arrays and remembers per string id, in arrays indexed by the id,
 * whether the visitor found the string alike ({@link NameVisitor#lastAlike}, {@link NameVisitor#firstAlike}), so
 * that a name costs a few array reads instead of chasing map entries, name objects and strings through the heap.
 */
public final class InMemoryMatchKeyIndex implements MatchKeyIndex {
    private final Map<String, List<ContactPersonId>> byIdentityKey = new HashMap<>();
    private final Map<String, NameBlock> byNameKey = new HashMap<>();
    private final Map<ContactPersonId, IndexedContact> contacts = new HashMap<>();
    /** One instance per distinct name: a check's comparisons of names then find them in its caches by identity and
     * touch less memory. Names are not forgotten before {@link #clear()}. */
    private final Map<PersonName, PersonName> sharedNames = new HashMap<>();
    /** Every distinct name string, by id, with its Kölner Phonetik code. */
    private final Map<String, Integer> stringIds = new HashMap<>();
    private String[] strings = new String[1024];
    private String[] codes = new String[1024];
    private int stringCount;
    /** Per string id, what the current visit's visitor said: {@code generation << 1 | alike}; older generations
     * mean "not asked yet". */
    private int[] lastVerdicts = new int[1024];
    private int[] firstVerdicts = new int[1024];
    private int generation;
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
        stringIds.clear();
        strings = new String[1024];
        codes = new String[1024];
        stringCount = 0;
        lastVerdicts = new int[1024];
        firstVerdicts = new int[1024];
        generation = 0;
        state = null;
    }

    /** @return 1 when the contact was filed: the entries of a contact in memory are counted as one */
    @Override
    public synchronized int erase(ContactPersonId id) {
        boolean filed = contacts.containsKey(id);
        remove(id);
        return filed ? 1 : 0;
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
            PersonName names = contact.contact().names();
            for (String key : MatchKeys.indexKeys(contact.contact())) {
                if (MatchKeys.isNameKey(key)) {
                    byNameKey.computeIfAbsent(key, k -> new NameBlock())
                            .add(names, stringId(names.first(), names.firstCode()), stringId(names.last(), names.lastCode()), contact);
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
            shared = new PersonName(shared(names.first(), names.firstCode()), shared(names.last(), names.lastCode()),
                    names.firstCode(), names.lastCode());
            sharedNames.put(shared, shared);
        }
        return shared;
    }

    private String shared(String s, String code) {
        int id = stringId(s, code); // first: it may grow the array
        return strings[id];
    }

    private int stringId(String s, String code) {
        Integer id = stringIds.get(s);
        if (id != null) {
            return id;
        }
        if (stringCount == strings.length) {
            int capacity = strings.length * 2;
            strings = Arrays.copyOf(strings, capacity);
            codes = Arrays.copyOf(codes, capacity);
            lastVerdicts = Arrays.copyOf(lastVerdicts, capacity);
            firstVerdicts = Arrays.copyOf(firstVerdicts, capacity);
        }
        int fresh = stringCount++;
        strings[fresh] = s;
        codes[fresh] = code;
        stringIds.put(s, fresh);
        return fresh;
    }

    private void remove(ContactPersonId id) {
        IndexedContact old = contacts.remove(id);
        if (old == null) {
            return;
        }
        PersonName names = old.contact().names();
        for (String key : MatchKeys.indexKeys(old.contact())) {
            if (MatchKeys.isNameKey(key)) {
                NameBlock block = byNameKey.get(key);
                Integer first = stringIds.get(names.first());
                Integer last = stringIds.get(names.last());
                if (block != null && first != null && last != null && block.remove(first, last, id)) {
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
                NameBlock block = byNameKey.get(key);
                for (int i = 0; block != null && i < block.size && ids.size() < limit; i++) {
                    for (IndexedContact contact : block.group(i)) {
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

    /**
     * Walks each key's block of distinct names: asks the visitor about each distinct family name and given name
     * once per visit (remembered by string id), asks {@link NameVisitor#wants} only about names whose both parts it
     * found alike, and hands it the contacts of the wanted names.
     */
    @Override
    public synchronized boolean visitByName(Collection<String> keys, int limit, NameVisitor visitor) {
        long maxNames = (long) limit * NAMES_PER_CANDIDATE;
        int current = nextGeneration();
        int asked = current << 1;
        int[] lastSeen = lastVerdicts;
        int[] firstSeen = firstVerdicts;
        long names = 0;
        int handed = 0;
        for (String key : keys) {
            NameBlock block = byNameKey.get(key);
            if (block == null) {
                continue;
            }
            int[] lasts = block.last;
            int[] firsts = block.first;
            for (int i = 0; i < block.size; i++) {
                if (++names > maxNames) {
                    return true;
                }
                int last = lasts[i];
                int lastVerdict = lastSeen[last];
                if ((lastVerdict & ~1) != asked) {
                    lastVerdict = asked | (visitor.lastAlike(strings[last], codes[last]) ? 1 : 0);
                    lastSeen[last] = lastVerdict;
                }
                if ((lastVerdict & 1) == 0) {
                    continue;
                }
                int first = firsts[i];
                int firstVerdict = firstSeen[first];
                if ((firstVerdict & ~1) != asked) {
                    firstVerdict = asked | (visitor.firstAlike(strings[first], codes[first]) ? 1 : 0);
                    firstSeen[first] = firstVerdict;
                }
                if ((firstVerdict & 1) == 0 || !visitor.wants(block.names[i])) {
                    continue;
                }
                for (IndexedContact contact : block.group(i)) {
                    if (++handed > limit) {
                        return true;
                    }
                    visitor.accept(contact);
                }
            }
        }
        return false;
    }

    /** A fresh generation for the per-visit verdicts; clears them when the counter would overflow. */
    private int nextGeneration() {
        if (generation >= (1 << 29)) {
            Arrays.fill(lastVerdicts, 0);
            Arrays.fill(firstVerdicts, 0);
            generation = 0;
        }
        return ++generation;
    }

    @Override
    public synchronized long size() {
        return contacts.size();
    }

    /**
     * The contacts under one name key, grouped by distinct name: slot {@code i} holds the name's given and family
     * name string ids, the name, and its contacts (one {@link IndexedContact}, or a list of them). Small blocks
     * find a name's slot by scanning; larger ones by an open-addressing table of slot numbers.
     */
    private static final class NameBlock {
        private static final int SCAN_LIMIT = 8;
        int size;
        int[] first = new int[2];
        int[] last = new int[2];
        PersonName[] names = new PersonName[2];
        Object[] groups = new Object[2];
        /** Slot number + 1 per hash position, 0 for free; null while the block is small. */
        int[] table;

        @SuppressWarnings("unchecked")
        List<IndexedContact> group(int slot) {
            Object group = groups[slot];
            return group instanceof IndexedContact single ? List.of(single) : (List<IndexedContact>) group;
        }

        void add(PersonName name, int firstId, int lastId, IndexedContact contact) {
            int slot = find(firstId, lastId);
            if (slot >= 0) {
                Object group = groups[slot];
                if (group instanceof IndexedContact single) {
                    List<IndexedContact> list = new ArrayList<>(2);
                    list.add(single);
                    list.add(contact);
                    groups[slot] = list;
                } else {
                    @SuppressWarnings("unchecked")
                    List<IndexedContact> list = (List<IndexedContact>) group;
                    list.add(contact);
                }
                return;
            }
            if (size == first.length) {
                int capacity = size * 2;
                first = Arrays.copyOf(first, capacity);
                last = Arrays.copyOf(last, capacity);
                names = Arrays.copyOf(names, capacity);
                groups = Arrays.copyOf(groups, capacity);
            }
            slot = size++;
            first[slot] = firstId;
            last[slot] = lastId;
            names[slot] = name;
            groups[slot] = contact;
            if (table != null && size * 2 <= table.length) {
                insert(table, slot);
            } else if (size > SCAN_LIMIT) {
                rehash();
            }
        }

        /** Removes the contact; whether the block is empty then. */
        boolean remove(int firstId, int lastId, ContactPersonId id) {
            int slot = find(firstId, lastId);
            if (slot < 0) {
                return size == 0;
            }
            Object group = groups[slot];
            boolean emptied;
            if (group instanceof IndexedContact single) {
                emptied = single.id().equals(id);
            } else {
                @SuppressWarnings("unchecked")
                List<IndexedContact> list = (List<IndexedContact>) group;
                list.removeIf(c -> c.id().equals(id));
                emptied = list.isEmpty();
            }
            if (emptied) {
                int end = --size;
                first[slot] = first[end];
                last[slot] = last[end];
                names[slot] = names[end];
                groups[slot] = groups[end];
                names[end] = null;
                groups[end] = null;
                if (table != null) {
                    rehash();
                }
            }
            return size == 0;
        }

        private int find(int firstId, int lastId) {
            if (table == null) {
                for (int i = 0; i < size; i++) {
                    if (first[i] == firstId && last[i] == lastId) {
                        return i;
                    }
                }
                return -1;
            }
            int mask = table.length - 1;
            for (int h = hash(firstId, lastId) & mask; ; h = (h + 1) & mask) {
                int entry = table[h];
                if (entry == 0) {
                    return -1;
                }
                if (first[entry - 1] == firstId && last[entry - 1] == lastId) {
                    return entry - 1;
                }
            }
        }

        private void rehash() {
            if (size <= SCAN_LIMIT) {
                table = null;
                return;
            }
            int capacity = Integer.highestOneBit(size * 4 - 1);
            table = new int[Math.max(32, capacity)];
            for (int i = 0; i < size; i++) {
                insert(table, i);
            }
        }

        private void insert(int[] into, int slot) {
            int mask = into.length - 1;
            int h = hash(first[slot], last[slot]) & mask;
            while (into[h] != 0) {
                h = (h + 1) & mask;
            }
            into[h] = slot + 1;
        }

        private static int hash(int firstId, int lastId) {
            long pair = ((long) firstId << 32) | (lastId & 0xffffffffL);
            long mixed = pair * 0x9E3779B97F4A7C15L;
            return (int) (mixed ^ (mixed >>> 32));
        }
    }
}

package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The match-key index: contacts filed under their {@link MatchKeys}, and the index's place in the CRM's change
 * feed. An index without a state is incomplete (never built, or a build was interrupted) and must be rebuilt.
 */
public interface MatchKeyIndex {

    /** The state of a complete index; empty when the index is missing or incomplete. */
    Optional<IndexState> state();

    /** Removes every contact and the state. */
    void clear();

    /**
     * Files the upserted contacts anew (replacing what was filed for their ids), removes the removed ones and,
     * when given, records the new state, all at once.
     */
    void apply(Collection<IndexedContact> upserts, Collection<ContactPersonId> removed, Optional<IndexState> newState);

    /** The contacts filed under any of the keys, at most {@code limit}. */
    List<IndexedContact> candidates(Collection<String> keys, int limit);

    /**
     * What a look-up by name keys asks of the contacts it visits: first whether their names are worth scoring
     * (asked once per distinct name where the index groups a key's contacts by name), then the contacts wanted.
     */
    interface NameVisitor {
        /** Whether contacts with these names are wanted. */
        boolean wants(PersonName names);

        /** A wanted contact; may come more than once when it is filed under several of the keys. */
        void accept(IndexedContact contact);
    }

    /**
     * Visits the contacts filed under the name keys: asks the visitor about each distinct name and hands it the
     * contacts of the wanted ones. Visits at most {@code limit} names and hands over at most {@code limit}
     * contacts.
     *
     * <p>This default looks the contacts up with {@link #candidates} (at most {@code limit}) and asks about the
     * names of each; an index that groups its contacts by name asks once per name.
     *
     * @return whether the limit cut the look-up short (some contacts under the keys were not visited)
     */
    default boolean visitByName(Collection<String> keys, int limit, NameVisitor visitor) {
        List<IndexedContact> found = candidates(keys, limit);
        for (IndexedContact contact : found) {
            if (visitor.wants(contact.contact().names())) {
                visitor.accept(contact);
            }
        }
        return found.size() >= limit;
    }

    /** How many contacts are filed. */
    long size();
}

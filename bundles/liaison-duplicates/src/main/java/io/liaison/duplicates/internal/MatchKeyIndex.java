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

    /**
     * Removes what is filed for one contact person, for its erasure (the state stays: the CRM's change feed goes on
     * from where it was).
     *
     * @return how many rows or entries held it (0 when it was not filed)
     */
    int erase(ContactPersonId id);

    /** The contacts filed under any of the keys, at most {@code limit}. */
    List<IndexedContact> candidates(Collection<String> keys, int limit);

    /**
     * How many distinct names a look-up by name keys may visit per contact it may hand over: visiting a name is
     * cheap (a few array reads once its parts were compared), scoring a contact fully is not, so the cap on names
     * is much higher than the one on contacts and large name blocks are still searched to the end.
     */
    int NAMES_PER_CANDIDATE = 25;

    /**
     * What a look-up by name keys asks of the contacts it visits: whether their family and given names are alike
     * (each distinct string asked at most once per look-up where the index can remember it), then whether their
     * names are worth scoring (asked once per distinct name where the index groups a key's contacts by name, and
     * only for names whose both parts were alike), then the contacts wanted.
     */
    interface NameVisitor {
        /** Whether contacts with this family name (and its Kölner Phonetik code) may be wanted; by default yes. */
        default boolean lastAlike(String last, String lastCode) {
            return true;
        }

        /** Whether contacts with this given name (and its Kölner Phonetik code) may be wanted; by default yes. */
        default boolean firstAlike(String first, String firstCode) {
            return true;
        }

        /** Whether contacts with these names are wanted. */
        boolean wants(PersonName names);

        /** A wanted contact; may come more than once when it is filed under several of the keys. */
        void accept(IndexedContact contact);

        /** {@link #lastAlike}, {@link #firstAlike} and {@link #wants} together. */
        default boolean wantsAll(PersonName names) {
            return lastAlike(names.last(), names.lastCode()) && firstAlike(names.first(), names.firstCode()) && wants(names);
        }
    }

    /**
     * Visits the contacts filed under the name keys: asks the visitor about each distinct name and hands it the
     * contacts of the wanted ones. Visits at most {@link #NAMES_PER_CANDIDATE} times {@code limit} distinct names
     * and hands over at most {@code limit} contacts.
     *
     * <p>This default looks the contacts up with {@link #candidates} (at most {@code limit}) and asks about the
     * names of each; an index that groups its contacts by name asks once per name.
     *
     * @return whether a limit cut the look-up short (some contacts under the keys were not visited)
     */
    default boolean visitByName(Collection<String> keys, int limit, NameVisitor visitor) {
        List<IndexedContact> found = candidates(keys, limit);
        for (IndexedContact contact : found) {
            if (visitor.wantsAll(contact.contact().names())) {
                visitor.accept(contact);
            }
        }
        return found.size() >= limit;
    }

    /** How many contacts are filed. */
    long size();
}

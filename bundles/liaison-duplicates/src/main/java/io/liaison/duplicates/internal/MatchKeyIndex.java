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

    /** How many contacts are filed. */
    long size();
}

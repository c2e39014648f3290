package io.liaison.api.runtime;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an erasure removed, and how the database was compacted afterwards.
 *
 * @param removed    how many rows of each kind were deleted (kinds with none are absent)
 * @param compaction what was done so that the deleted rows are gone from the database's storage too, said for an
 *                   administrator (e.g. the H2 file compacted, with its size before and after)
 * @since 1.4
 */
public record Erasure(Map<Kind, Integer> removed, String compaction) {

    /** The kinds of rows an erasure deletes. */
    public enum Kind {
        /** Sync runs of an erased employee. */
        JOURNAL_RUNS,
        /** Journal entries: of an erased employee's runs, or naming an erased contact person. */
        JOURNAL_ENTRIES,
        /** Groupware accounts of an erased employee. */
        ACCOUNTS,
        /** Sealed credentials and sealed secret settings of those accounts. */
        CREDENTIALS,
        /** Links and marks (a mark is kept as a link of its own scope). */
        LINKS,
        /** Change-feed tokens and what modules keep beside them, e.g. a contact's switch memory. */
        TOKENS,
        /** An employee's groupware preferences. */
        GROUPWARE_PREFERENCES,
        /** A contact person's rows in the duplicate check's match-key index (normalised names, addresses, keys). */
        DUPLICATE_INDEX_ROWS,
        /**
         * Failing items (a hash of a label whose last entry was FAILED, with how often it failed again) of the erased
         * journal entries.
         *
         * @since 1.5
         */
        FAILING_ITEMS
    }

    public Erasure {
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(compaction, "compaction");
        EnumMap<Kind, Integer> counted = new EnumMap<>(Kind.class);
        removed.forEach((kind, count) -> {
            if (count != null && count > 0) {
                counted.put(kind, count);
            }
        });
        removed = Collections.unmodifiableMap(counted);
    }

    /** How many rows of a kind were deleted. */
    public int count(Kind kind) {
        return removed.getOrDefault(kind, 0);
    }
}

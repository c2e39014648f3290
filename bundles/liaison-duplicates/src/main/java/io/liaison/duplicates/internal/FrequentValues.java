package io.liaison.duplicates.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many CRM contacts hold each of a checked contact's e-mail addresses and numbers: Splink's term-frequency idea,
 * that agreeing on a value many records share says little. A value more than {@link #FREQUENT_HOLDERS} contacts
 * hold (a switchboard, a company's info@ address, a family's mobile) is frequent: a match resting on it alone is
 * only listed among the {@link #KEPT} strongest. CERTAIN is untouched: the spec's floor ("the same e-mail address
 * ... is certain") holds however many contacts hold the address, and a value CRM contacts with different first
 * names hold is already shared ({@link DuplicateMatcher.Probe#holders}), so CERTAIN there needs the same names.
 */
final class FrequentValues {
    /** More holders than this make a value frequent. */
    static final int FREQUENT_HOLDERS = 5;
    /** The most matches resting on frequent values alone that a check lists. */
    static final int KEPT = 5;

    private final Map<String, Integer> holders;

    private FrequentValues(Map<String, Integer> holders) {
        this.holders = holders;
    }

    /** No value is frequent: for a check without e-mail and phone candidates. */
    static FrequentValues none() {
        return new FrequentValues(Map.of());
    }

    /** Counts, among the contacts filed under the checked contact's e-mail and phone keys, the holders of each value. */
    static FrequentValues among(NormalizedContact checked, List<NormalizedContact> candidates) {
        Map<String, Integer> holders = new LinkedHashMap<>();
        if (candidates.size() <= FREQUENT_HOLDERS) {
            return new FrequentValues(holders);
        }
        for (NormalizedContact candidate : candidates) {
            for (String email : checked.emails()) {
                if (candidate.emails().contains(email)) {
                    holders.merge(email, 1, Integer::sum);
                }
            }
            for (String number : checked.allNumbers()) {
                if (candidate.hasNumber(number)) {
                    holders.merge(number, 1, Integer::sum);
                }
            }
        }
        holders.values().removeIf(count -> count <= FREQUENT_HOLDERS);
        return new FrequentValues(holders);
    }

    /** Whether no value of the checked contact is frequent. */
    boolean isEmpty() {
        return holders.isEmpty();
    }

    /** Whether a match with an existing contact rests on values of which none is infrequent. */
    boolean onlyFrequentShared(NormalizedContact checked, NormalizedContact existing) {
        boolean any = false;
        for (String email : checked.emails()) {
            if (existing.emails().contains(email)) {
                if (!holders.containsKey(email)) {
                    return false;
                }
                any = true;
            }
        }
        for (String number : checked.allNumbers()) {
            if (existing.hasNumber(number)) {
                if (!holders.containsKey(number)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The note for the result when {@code left} matches resting on frequent values alone were left out; none when none were. */
    List<String> notes(int left) {
        if (left == 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        holders.forEach((value, count) -> values.add(value + " (" + count + " CRM contacts)"));
        return List.of(left + " matches resting only on values that many CRM contacts hold (" + String.join(", ", values)
                + ") not listed; the " + KEPT + " with the likest names are");
    }
}

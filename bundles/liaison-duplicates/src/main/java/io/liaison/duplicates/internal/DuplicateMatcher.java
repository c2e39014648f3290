package io.liaison.duplicates.internal;

import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The duplicate rules for one pair of normalised contacts.
 * <ul>
 * <li>The same e-mail address: CERTAIN. A role address (info@, office@, …) is CERTAIN only with the same names
 * (family names equal, given names equal or an initial); otherwise POSSIBLE: colleagues share it, and a blank
 * name is no evidence.</li>
 * <li>The same last name and the same number: CERTAIN — "same", not "similar": the family names must be equal after
 * normalisation (transliteration, particles, titles). A mobile number belongs to one person, so its given names do
 * not matter; a landline is shared by a household or an office, so it also needs the same given name (or an
 * initial): another or a blank given name is only POSSIBLE. A similar family name (a typo, Meier / Meyer) with
 * the same number is POSSIBLE; a different one nothing (colleagues at one switchboard).</li>
 * <li>An address or a mobile number that CRM contacts with clearly different given names already hold (see
 * {@link Probe#holders}) is shared, like a role address: CERTAIN only with the same names.</li>
 * <li>Similar first and last names (transliterated, misspelt, an initial): POSSIBLE.</li>
 * <li>Otherwise: no match.</li>
 * </ul>
 * This follows Salesforce's standard contact matching rule (blank fields never match) and Dynamics 365's "ignore
 * blank values".
 */
public final class DuplicateMatcher {

    /**
     * The outcome for one pair.
     *
     * @param status  CERTAIN or POSSIBLE
     * @param score   for ordering matches of one status: the names' likeness
     * @param reasons why, in words
     */
    public record Verdict(DuplicateStatus status, double score, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private final NameComparer names;
    private final MatchSettings settings;

    public DuplicateMatcher(MatchSettings settings) {
        this.settings = settings;
        this.names = new NameComparer(settings);
    }

    /** Whether two contacts share an e-mail address or a number: a match that rests on more than the names. */
    static boolean sharesValue(NormalizedContact a, NormalizedContact b) {
        return sharesEmail(a, b) || sharesNumber(a, b);
    }

    private static boolean sharesEmail(NormalizedContact a, NormalizedContact b) {
        for (String email : a.emails()) {
            if (b.emails().contains(email)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesNumber(NormalizedContact a, NormalizedContact b) {
        for (String number : a.mobiles()) {
            if (b.hasNumber(number)) {
                return true;
            }
        }
        for (String number : a.phones()) {
            if (b.hasNumber(number)) {
                return true;
            }
        }
        return false;
    }

    /** How the checked contact relates to an existing one, or empty when it is no duplicate of it. */
    public Optional<Verdict> match(NormalizedContact checked, NormalizedContact existing) {
        return probe(checked).match(existing);
    }

    /** A probe that compares one checked contact with many existing ones, comparing each distinct name once. */
    public Probe probe(NormalizedContact checked) {
        return new Probe(checked);
    }

    /** One checked contact against many: candidates of one key block often share their names. */
    public final class Probe {
        private final NormalizedContact checked;
        private final Map<String, NameComparer.Likeness> lastNames = new HashMap<>();
        private final Map<String, NameComparer.Likeness> firstNames = new HashMap<>();

        private final NameComparer.Prepared lastName;
        private final NameComparer.Prepared firstName;
        /** The checked contact's addresses and numbers that CRM contacts with clearly different given names hold. */
        private Set<String> shared = Set.of();

        private Probe(NormalizedContact checked) {
            this.checked = checked;
            this.lastName = NameComparer.prepare(checked.lastName(), checked.lastCode());
            this.firstName = NameComparer.prepare(checked.firstName(), checked.firstCode());
        }

        /**
         * Tells the probe which of the checked contact's values the CRM already holds for several people: from the
         * contacts filed under the checked contact's e-mail and phone keys (all of them, before any is ranked). A
         * value that two of them with clearly different given names hold (an assistant using the boss's address, a
         * family's mobile) is shared, not an identity: with it, as with a role address, only the same names are
         * CERTAIN.
         */
        public void holders(List<NormalizedContact> holders) {
            Set<String> found = new java.util.HashSet<>();
            for (String value : checked.emails()) {
                if (heldByDifferentPeople(value, holders, true)) {
                    found.add(value);
                }
            }
            for (String value : checked.allNumbers()) {
                if (heldByDifferentPeople(value, holders, false)) {
                    found.add(value);
                }
            }
            shared = found.isEmpty() ? Set.of() : Set.copyOf(found);
        }

        private boolean heldByDifferentPeople(String value, List<NormalizedContact> holders, boolean email) {
            NormalizedContact reference = null;
            for (NormalizedContact holder : holders) {
                if (!(email ? holder.emails().contains(value) : holder.hasNumber(value)) || holder.firstName().isEmpty()) {
                    continue;
                }
                if (reference == null) {
                    reference = holder;
                } else if (names.firstNames(reference.firstName(), reference.firstCode(), holder.firstName(),
                        holder.firstCode()).kind() == NameComparer.Kind.DIFFERENT) {
                    return true;
                }
            }
            return false;
        }

        /** How the checked contact relates to an existing one, or empty when it is no duplicate of it. */
        public Optional<Verdict> match(NormalizedContact existing) {
            PersonName other = existing.names();
            return DuplicateMatcher.this.match(checked, existing, last(other), first(other), shared);
        }

        /**
         * The status and score {@link #match} gives for an existing contact, or null when it is no duplicate: the
         * same rules without the words of the reasons, for ranking many candidates of which few are returned.
         */
        public Rank rank(NormalizedContact existing) {
            PersonName other = existing.names();
            return DuplicateMatcher.this.rank(checked, existing, last(other), first(other), shared);
        }

        /**
         * Whether both names are alike, the one rule that needs no shared e-mail address or number: the only way
         * a contact that shares neither with the checked one can be a duplicate of it.
         */
        public boolean namesAlike(PersonName other) {
            return last(other).kind().alike() && first(other).kind().alike();
        }

        /**
         * Whether a family name is alike to the checked one. Only alike names are remembered (their contacts are
         * scored next); an index asks about each distinct name once, and most names of a block are unlike.
         */
        public boolean lastAlike(String last, String lastCode) {
            NameComparer.Likeness likeness = lastNames.get(last);
            if (likeness == null) {
                likeness = names.lastNames(lastName, last, lastCode);
                if (likeness.kind().alike()) {
                    lastNames.put(last, likeness);
                }
            }
            return likeness.kind().alike();
        }

        /** Whether a given name is alike to the checked one; as {@link #lastAlike}, only alike ones are remembered. */
        public boolean firstAlike(String first, String firstCode) {
            NameComparer.Likeness likeness = firstNames.get(first);
            if (likeness == null) {
                likeness = names.firstNames(firstName, first, firstCode);
                if (likeness.kind().alike()) {
                    firstNames.put(first, likeness);
                }
            }
            return likeness.kind().alike();
        }

        private NameComparer.Likeness last(PersonName other) {
            return last(other.last(), other.lastCode());
        }

        private NameComparer.Likeness first(PersonName other) {
            return first(other.first(), other.firstCode());
        }

        private NameComparer.Likeness last(String other, String otherCode) {
            NameComparer.Likeness likeness = lastNames.get(other);
            if (likeness == null) {
                likeness = names.lastNames(lastName, other, otherCode);
                lastNames.put(other, likeness);
            }
            return likeness;
        }

        private NameComparer.Likeness first(String other, String otherCode) {
            NameComparer.Likeness likeness = firstNames.get(other);
            if (likeness == null) {
                likeness = names.firstNames(firstName, other, otherCode);
                firstNames.put(other, likeness);
            }
            return likeness;
        }
    }

    /**
     * The status and score of a match without its reasons: what {@link Verdict#status()} and {@link Verdict#score()}
     * of {@link Probe#match} are.
     *
     * @param status CERTAIN or POSSIBLE
     * @param score  for ordering matches of one status: the names' likeness
     */
    public record Rank(DuplicateStatus status, double score) {
    }

    /** Both names the same: family names equal after normalisation, given names equal or one an initial. */
    private static boolean sameNames(NameComparer.Likeness last, NameComparer.Likeness first) {
        return last.kind() == NameComparer.Kind.EQUAL
                && (first.kind() == NameComparer.Kind.EQUAL || first.kind() == NameComparer.Kind.INITIAL);
    }

    /**
     * {@link #match(NormalizedContact, NormalizedContact, NameComparer.Likeness, NameComparer.Likeness)} without
     * the words: the same conditions, in the same order, deciding only whether a CERTAIN or POSSIBLE reason would be
     * written. Kept next to it; a test compares the two over a labelled data set.
     */
    private Rank rank(NormalizedContact checked, NormalizedContact existing, NameComparer.Likeness last,
                      NameComparer.Likeness first, Set<String> shared) {
        boolean namesAlike = last.kind().alike() && first.kind().alike();
        boolean sharesValue = sharesEmail(checked, existing) || sharesNumber(checked, existing);
        if (!sharesValue && !namesAlike) {
            return null;
        }
        boolean sameNames = sameNames(last, first);
        boolean certain = false;
        boolean possible = namesAlike;
        for (String email : checked.emails()) {
            if (existing.emails().contains(email)) {
                if (!sameNames && (shared.contains(email) || settings.isSharedMailbox(email))) {
                    possible = true;
                } else {
                    certain = true;
                    break;
                }
            }
        }
        if (!certain && last.kind().alike()) {
            boolean sameLast = last.kind() == NameComparer.Kind.EQUAL;
            int numbers = Math.max(sharedNumberRank(checked.mobiles(), checked, existing, sameLast, sameNames, shared),
                    sharedNumberRank(checked.phones(), checked, existing, sameLast, sameNames, shared));
            certain = numbers == 2;
            possible |= numbers == 1;
        }
        if (!certain && !possible) {
            return null;
        }
        return new Rank(certain ? DuplicateStatus.CERTAIN : DuplicateStatus.POSSIBLE, (last.score() + first.score()) / 2);
    }

    /** Over shared numbers: 2 when one makes a CERTAIN reason, 1 when one makes only a POSSIBLE one, 0 for none. */
    private static int sharedNumberRank(Set<String> numbers, NormalizedContact checked, NormalizedContact existing,
                                        boolean sameLast, boolean sameNames, Set<String> shared) {
        int rank = 0;
        for (String number : numbers) {
            if (!existing.hasNumber(number)) {
                continue;
            }
            if (sameLast && (sameNames || (personal(number, checked, existing) && !shared.contains(number)))) {
                return 2;
            }
            rank = 1;
        }
        return rank;
    }

    /** A mobile number (by its type, on either side) belongs to one person; a landline to a household or an office. */
    private static boolean personal(String number, NormalizedContact checked, NormalizedContact existing) {
        return checked.mobiles().contains(number) || existing.mobiles().contains(number);
    }

    private Optional<Verdict> match(NormalizedContact checked, NormalizedContact existing, NameComparer.Likeness last,
                                    NameComparer.Likeness first, Set<String> shared) {
        boolean sharesValue = sharesEmail(checked, existing) || sharesNumber(checked, existing);
        if (!sharesValue && !(last.kind().alike() && first.kind().alike())) {
            // the common case among candidates: nothing shared, names unlike
            return Optional.empty();
        }
        boolean sameNames = sameNames(last, first);
        List<String> certain = new ArrayList<>();
        List<String> possible = new ArrayList<>();

        for (String email : new TreeSet<>(checked.emails())) {
            if (existing.emails().contains(email)) {
                if (!sameNames && settings.isSharedMailbox(email)) {
                    possible.add("shared mailbox " + email + ", but " + namesDiffer(last, first));
                } else if (!sameNames && shared.contains(email)) {
                    possible.add("shared address " + email + " (CRM contacts with different first names hold it), but "
                            + namesDiffer(last, first));
                } else {
                    certain.add("same e-mail address " + email);
                }
            }
        }
        if (last.kind().alike()) {
            for (String number : new TreeSet<>(checked.allNumbers())) {
                if (!existing.hasNumber(number)) {
                    continue;
                }
                boolean personal = personal(number, checked, existing);
                if (last.kind() != NameComparer.Kind.EQUAL) {
                    possible.add("similar last name (" + last.how() + ") and same " + (personal ? "mobile" : "phone")
                            + " number " + number + ": a typo or a relative?");
                } else if (personal && !shared.contains(number)) {
                    certain.add("same last name (" + last.how() + ") and same mobile number " + number);
                } else if (personal && !sameNames) {
                    possible.add("same last name (" + last.how() + ") and shared mobile number " + number
                            + " (CRM contacts with different first names hold it), but " + firstNamesDiffer(first));
                } else if (sameNames) {
                    certain.add("same name (" + first.how() + " " + last.how() + ") and same phone number " + number);
                } else {
                    possible.add("same last name (" + last.how() + ") and same landline " + number + ", but "
                            + firstNamesDiffer(first) + ": a family member or colleague?");
                }
            }
        }
        if (last.kind().alike() && first.kind().alike()) {
            possible.add(last.kind() == NameComparer.Kind.EQUAL && first.kind() == NameComparer.Kind.EQUAL
                    ? "same name " + checked.firstName() + " " + checked.lastName()
                    : "similar name: first name " + first.how() + ", last name " + last.how());
        }
        if (certain.isEmpty() && possible.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(certain);
        reasons.addAll(possible);
        double score = (last.score() + first.score()) / 2;
        return Optional.of(new Verdict(certain.isEmpty() ? DuplicateStatus.POSSIBLE : DuplicateStatus.CERTAIN,
                score, reasons));
    }

    /** Why two names are not the same, in words, for a shared address or number. */
    private static String namesDiffer(NameComparer.Likeness last, NameComparer.Likeness first) {
        if (last.kind() == NameComparer.Kind.UNKNOWN) {
            return "no last name to compare";
        }
        if (last.kind() != NameComparer.Kind.EQUAL) {
            return "a different last name (" + last.how() + ")";
        }
        return firstNamesDiffer(first);
    }

    private static String firstNamesDiffer(NameComparer.Likeness first) {
        return first.kind() == NameComparer.Kind.UNKNOWN ? "no first name to compare"
                : first.kind() == NameComparer.Kind.DIFFERENT ? "a different first name (" + first.how() + ")"
                : "a similar first name (" + first.how() + ")";
    }
}

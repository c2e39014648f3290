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
 * <li>The same e-mail address: CERTAIN. A role address (info@, office@, …) shared by two clearly different
 * names is only POSSIBLE: colleagues share it, they are not one person.</li>
 * <li>The same last name (equal after normalisation, similar, or with the same number a typo away by the lower
 * {@link MatchSettings#numberNameSimilarity()}) and the same number: CERTAIN. For a mobile
 * number always, since it belongs to one person. A landline is shared by a household or an office, so the same
 * last name and landline with a clearly different first name (a family member) is only POSSIBLE.</li>
 * <li>Similar first and last names (transliterated, misspelt, an initial): POSSIBLE.</li>
 * <li>Otherwise: no match.</li>
 * </ul>
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

        private Probe(NormalizedContact checked) {
            this.checked = checked;
            this.lastName = NameComparer.prepare(checked.lastName(), checked.lastCode());
            this.firstName = NameComparer.prepare(checked.firstName(), checked.firstCode());
        }

        /** How the checked contact relates to an existing one, or empty when it is no duplicate of it. */
        public Optional<Verdict> match(NormalizedContact existing) {
            PersonName other = existing.names();
            return DuplicateMatcher.this.match(checked, existing, last(other), first(other));
        }

        /**
         * The status and score {@link #match} gives for an existing contact, or null when it is no duplicate: the
         * same rules without the words of the reasons, for ranking many candidates of which few are returned.
         */
        public Rank rank(NormalizedContact existing) {
            PersonName other = existing.names();
            return DuplicateMatcher.this.rank(checked, existing, last(other), first(other));
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

    /**
     * {@link #match(NormalizedContact, NormalizedContact, NameComparer.Likeness, NameComparer.Likeness)} without
     * the words: the same conditions, in the same order, deciding only whether a CERTAIN or POSSIBLE reason would be
     * written. Kept next to it; a test compares the two over a labelled data set.
     */
    private Rank rank(NormalizedContact checked, NormalizedContact existing, NameComparer.Likeness last,
                      NameComparer.Likeness first) {
        boolean namesAlike = last.kind().alike() && first.kind().alike();
        boolean sharesValue = sharesEmail(checked, existing) || sharesNumber(checked, existing);
        if (!sharesValue && !namesAlike) {
            return null;
        }
        boolean differentPerson = last.kind() == NameComparer.Kind.DIFFERENT || first.kind() == NameComparer.Kind.DIFFERENT;
        boolean certain = false;
        boolean possible = namesAlike;
        for (String email : checked.emails()) {
            if (existing.emails().contains(email)) {
                if (settings.isSharedMailbox(email) && differentPerson) {
                    possible = true;
                } else {
                    certain = true;
                    break;
                }
            }
        }
        boolean sameLastName = last.kind().alike()
                || (last.kind() == NameComparer.Kind.DIFFERENT && last.score() >= settings.numberNameSimilarity());
        if (!certain && sameLastName) {
            int numbers = Math.max(sharedNumberRank(checked.mobiles(), existing, first, true),
                    sharedNumberRank(checked.phones(), existing, first, false));
            certain = numbers == 2;
            possible |= numbers == 1;
        }
        if (!certain && !possible) {
            return null;
        }
        return new Rank(certain ? DuplicateStatus.CERTAIN : DuplicateStatus.POSSIBLE, (last.score() + first.score()) / 2);
    }

    /** Over shared numbers: 2 when one makes a CERTAIN reason, 1 when one makes only a POSSIBLE one, 0 for none. */
    private static int sharedNumberRank(Set<String> numbers, NormalizedContact existing,
                                        NameComparer.Likeness first, boolean mobiles) {
        int rank = 0;
        for (String number : numbers) {
            if (!existing.hasNumber(number)) {
                continue;
            }
            boolean personal = mobiles || existing.mobiles().contains(number);
            if (personal || first.kind() != NameComparer.Kind.DIFFERENT) {
                return 2;
            }
            rank = 1;
        }
        return rank;
    }

    private Optional<Verdict> match(NormalizedContact checked, NormalizedContact existing, NameComparer.Likeness last,
                                    NameComparer.Likeness first) {
        boolean sharesValue = sharesEmail(checked, existing) || sharesNumber(checked, existing);
        if (!sharesValue && !(last.kind().alike() && first.kind().alike())) {
            // the common case among candidates: nothing shared, names unlike
            return Optional.empty();
        }
        boolean differentPerson = last.kind() == NameComparer.Kind.DIFFERENT || first.kind() == NameComparer.Kind.DIFFERENT;
        List<String> certain = new ArrayList<>();
        List<String> possible = new ArrayList<>();

        for (String email : new TreeSet<>(checked.emails())) {
            if (existing.emails().contains(email)) {
                if (settings.isSharedMailbox(email) && differentPerson) {
                    possible.add("shared mailbox " + email + ", but a different name ("
                            + (last.kind() == NameComparer.Kind.DIFFERENT ? last.how() : first.how()) + ")");
                } else {
                    certain.add("same e-mail address " + email);
                }
            }
        }
        boolean sameLastName = last.kind().alike()
                || (last.kind() == NameComparer.Kind.DIFFERENT && last.score() >= settings.numberNameSimilarity());
        if (sameLastName) {
            for (String number : new TreeSet<>(checked.allNumbers())) {
                if (!existing.hasNumber(number)) {
                    continue;
                }
                boolean personal = checked.mobiles().contains(number) || existing.mobiles().contains(number);
                String lastName = "same last name (" + last.how() + ")";
                if (personal) {
                    certain.add(lastName + " and same mobile number " + number);
                } else if (first.kind() != NameComparer.Kind.DIFFERENT) {
                    certain.add(lastName + " and same phone number " + number);
                } else {
                    possible.add(lastName + " and same landline " + number + ", but a different first name ("
                            + first.how() + "): a family member or colleague?");
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
}

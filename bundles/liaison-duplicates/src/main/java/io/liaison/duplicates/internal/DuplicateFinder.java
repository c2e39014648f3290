package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring core: looks up a normalised contact's candidates in a match-key index by its keys (never all
 * pairs) and applies the duplicate rules to each. Works on any {@link MatchKeyIndex}, in memory or JDBC.
 */
public final class DuplicateFinder {
    private static final Comparator<Scored> STRONGEST_FIRST = Comparator
            .comparing((Scored s) -> s.verdict().status())
            .thenComparing(s -> -s.verdict().score())
            .thenComparing(s -> s.id().value());

    private final MatchKeyIndex index;
    private final DuplicateMatcher matcher;
    private final MatchSettings settings;

    /**
     * A candidate that matched.
     *
     * @param id      the CRM contact person
     * @param version the version of it that was scored
     * @param verdict how and why
     */
    public record Scored(ContactPersonId id, long version, DuplicateMatcher.Verdict verdict) {
    }

    public DuplicateFinder(MatchKeyIndex index, MatchSettings settings) {
        this.index = index;
        this.settings = settings;
        this.matcher = new DuplicateMatcher(settings);
    }

    /** The rules for one pair, as the finder applies them. */
    public DuplicateMatcher matcher() {
        return matcher;
    }

    /** The matches of a contact among the indexed ones, strongest first. */
    public List<Scored> find(NormalizedContact contact) {
        Map<ContactPersonId, IndexedContact> candidates = new LinkedHashMap<>();
        index.candidates(MatchKeys.identityKeys(contact), settings.maxCandidates())
                .forEach(c -> candidates.put(c.id(), c));
        index.candidates(MatchKeys.lookupNameKeys(contact), settings.maxCandidates())
                .forEach(c -> candidates.putIfAbsent(c.id(), c));
        List<Scored> scored = new ArrayList<>();
        DuplicateMatcher.Probe probe = matcher.probe(contact);
        for (IndexedContact candidate : candidates.values()) {
            probe.match(candidate.contact())
                    .ifPresent(v -> scored.add(new Scored(candidate.id(), candidate.version(), v)));
        }
        scored.sort(STRONGEST_FIRST);
        return scored;
    }

    /** Sorts matches strongest first. */
    public static List<Scored> strongestFirst(List<Scored> scored) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(STRONGEST_FIRST);
        return sorted;
    }

    /** The API result of scored matches (already sorted). */
    public static DuplicateResult result(List<Scored> scored) {
        List<DuplicateMatch> matches = scored.stream()
                .map(s -> new DuplicateMatch(s.id(), s.verdict().status(), s.verdict().reasons()))
                .toList();
        DuplicateStatus status = matches.isEmpty() ? DuplicateStatus.NONE : matches.get(0).status();
        return new DuplicateResult(status, matches);
    }

    /** The strongest status of one pair, NONE when it is no match (for baselines that compare all pairs). */
    public Optional<DuplicateMatcher.Verdict> matchPair(NormalizedContact checked, NormalizedContact existing) {
        return matcher.match(checked, existing);
    }
}

package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring core: looks up a normalised contact's candidates in a match-key index by its keys (never all
 * pairs) and applies the duplicate rules to each. Works on any {@link MatchKeyIndex}, in memory or JDBC.
 */
public final class DuplicateFinder {
    private static final Logger LOG = LoggerFactory.getLogger(DuplicateFinder.class);
    private static final Comparator<Scored> STRONGEST_FIRST = Comparator
            .comparing((Scored s) -> s.verdict().status())
            .thenComparing(s -> -s.verdict().score())
            .thenComparing(s -> s.id().value());

    private final MatchKeyIndex index;
    private final DuplicateMatcher matcher;
    private final MatchSettings settings;
    private final AtomicLong cappedLookups = new AtomicLong();

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

    /**
     * A candidate that matched, ranked without its reasons.
     *
     * @param candidate the indexed contact
     * @param status    CERTAIN or POSSIBLE, as its verdict would say
     * @param score     the verdict's score
     * @param swapped   whether it matched the checked contact's names in swapped order (always POSSIBLE)
     */
    public record Hit(IndexedContact candidate, DuplicateStatus status, double score, boolean swapped) {
        /** A hit on the names as given. */
        public Hit(IndexedContact candidate, DuplicateStatus status, double score) {
            this(candidate, status, score, false);
        }

        /** The CRM contact person. */
        public ContactPersonId id() {
            return candidate.id();
        }

        /** The version of it that was scored. */
        public long version() {
            return candidate.version();
        }
    }

    /**
     * The matches of one check, handed out strongest first (in the order of {@link #find}) without sorting all of
     * them: a check of a common name may rank hundreds of namesakes of which a few dozen are returned, so the
     * matches are kept in a binary heap (built in linear time) and taken off one by one. The reasons, the costly
     * part of a verdict, are written only for the matches asked for ({@link #scored}). Not thread-safe.
     */
    public static final class Matches {
        private final DuplicateMatcher.Probe probe;
        /** The probe of the checked contact with first and last name swapped, or null when none was made. */
        private final DuplicateMatcher.Probe swappedProbe;
        private final Hit[] heap;
        private final List<String> notes;
        private int size;

        private Matches(DuplicateMatcher.Probe probe, DuplicateMatcher.Probe swappedProbe, List<Hit> hits,
                        List<String> notes) {
            this.probe = probe;
            this.swappedProbe = swappedProbe;
            this.notes = List.copyOf(notes);
            this.heap = hits.toArray(new Hit[0]);
            this.size = heap.length;
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i);
            }
        }

        /** What the user should know about matches that were left out (values many CRM contacts hold), or none. */
        public List<String> notes() {
            return notes;
        }

        /** How many matches are left. */
        public int remaining() {
            return size;
        }

        /** The strongest match not handed out yet, or empty when none is left. */
        public Optional<Hit> next() {
            if (size == 0) {
                return Optional.empty();
            }
            Hit top = heap[0];
            heap[0] = heap[--size];
            heap[size] = null;
            if (size > 0) {
                siftDown(0);
            }
            return Optional.of(top);
        }

        /** A match with its verdict in words: what {@link #find} holds for it. */
        public Scored scored(Hit hit) {
            DuplicateMatcher.Verdict verdict = match(hit, hit.candidate().contact()).orElseThrow(() ->
                    new IllegalStateException("contact " + hit.id().value() + " was ranked " + hit.status()
                            + " but its verdict says no match"));
            return new Scored(hit.id(), hit.version(), verdict);
        }

        /** The checked contact against another (e.g. a CRM contact person's current data), with reasons. */
        public Optional<DuplicateMatcher.Verdict> match(NormalizedContact existing) {
            return probe.match(existing);
        }

        /**
         * The checked contact against another contact (e.g. the hit's CRM contact person's current data) the way the
         * hit was found: with the names as given, or swapped.
         */
        public Optional<DuplicateMatcher.Verdict> match(Hit hit, NormalizedContact existing) {
            if (!hit.swapped()) {
                return probe.match(existing);
            }
            return swappedProbe.match(existing).map(v -> new DuplicateMatcher.Verdict(DuplicateStatus.POSSIBLE,
                    v.score(), List.of("first and last name swapped (a family-name-first export?): "
                    + String.join(", ", v.reasons()))));
        }

        private void siftDown(int at) {
            Hit moving = heap[at];
            int half = size >>> 1;
            while (at < half) {
                int child = 2 * at + 1;
                int right = child + 1;
                if (right < size && stronger(heap[right], heap[child])) {
                    child = right;
                }
                if (!stronger(heap[child], moving)) {
                    break;
                }
                heap[at] = heap[child];
                at = child;
            }
            heap[at] = moving;
        }

        /** Whether a comes before b in {@link #STRONGEST_FIRST}'s order (status, then score descending, then id). */
        private static boolean stronger(Hit a, Hit b) {
            int c = a.status().compareTo(b.status());
            if (c == 0) {
                c = Double.compare(-a.score(), -b.score());
            }
            if (c == 0) {
                c = a.id().value().compareTo(b.id().value());
            }
            return c < 0;
        }
    }

    /**
     * The matches of a contact among the indexed ones, strongest first, each with its verdict in words. The
     * same as taking every match of {@link #search} off in order.
     */
    public List<Scored> find(NormalizedContact contact) {
        Matches matches = search(contact);
        List<Scored> scored = new ArrayList<>(matches.remaining());
        for (Optional<Hit> hit = matches.next(); hit.isPresent(); hit = matches.next()) {
            scored.add(matches.scored(hit.get()));
        }
        return scored;
    }

    /**
     * The matches of a contact among the indexed ones, ranked (status and score) but without their reasons, to be
     * taken off strongest first. In two stages, so that a check scores few candidates fully:
     * <ol>
     * <li>the contacts filed under its e-mail and phone keys, scored by every rule (the CERTAIN rules need a shared
     * address or number, so these are the only contacts that can be CERTAIN);</li>
     * <li>the contacts filed under its name keys, whose names are first compared alone (once per distinct name,
     * cached): only those with both names alike can be a duplicate without sharing an address or number, and only
     * they are scored. When the first stage was cut short by the limit, a contact under a name key might share an
     * address the first stage did not reach, so then every contact under the name keys is scored.</li>
     * </ol>
     * The second stage asks the index about each distinct family and given name once (the index remembers the
     * answers for the look-up), so that a large name block costs a few array reads per name; it visits up to
     * {@link MatchKeyIndex#NAMES_PER_CANDIDATE} times {@link MatchSettings#maxCandidates()} distinct names and
     * scores at most {@link MatchSettings#maxCandidates()} contacts. A look-up cut short by either cap is counted
     * ({@link #cappedLookups()}) and logged.
     */
    public Matches search(NormalizedContact contact) {
        int limit = settings.maxCandidates();
        DuplicateMatcher.Probe probe = matcher.probe(contact);
        Set<ContactPersonId> seen = new HashSet<>();
        List<Hit> hits = new ArrayList<>();
        Set<String> identityKeys = MatchKeys.identityKeys(contact);
        boolean identityCapped = false;
        FrequentValues frequent = FrequentValues.none();
        if (!identityKeys.isEmpty()) {
            List<IndexedContact> identity = index.candidates(identityKeys, limit);
            identityCapped = identity.size() >= limit;
            if (identity.size() > 1) {
                List<NormalizedContact> holders = new ArrayList<>(identity.size());
                identity.forEach(c -> holders.add(c.contact()));
                probe.holders(holders);
                frequent = FrequentValues.among(contact, holders);
            }
            for (IndexedContact candidate : identity) {
                if (seen.add(candidate.id())) {
                    rank(probe, candidate, hits);
                }
            }
        }
        Set<String> nameKeys = MatchKeys.lookupNameKeys(contact);
        boolean nameCapped = false;
        if (!nameKeys.isEmpty()) {
            boolean everyName = identityCapped;
            nameCapped = index.visitByName(nameKeys, limit, new MatchKeyIndex.NameVisitor() {
                @Override
                public boolean lastAlike(String last, String lastCode) {
                    return everyName || probe.lastAlike(last, lastCode);
                }

                @Override
                public boolean firstAlike(String first, String firstCode) {
                    return everyName || probe.firstAlike(first, firstCode);
                }

                @Override
                public boolean wants(PersonName names) {
                    return everyName || probe.namesAlike(names);
                }

                @Override
                public void accept(IndexedContact candidate) {
                    if (seen.add(candidate.id())) {
                        rank(probe, candidate, hits);
                    }
                }
            });
        }
        DuplicateMatcher.Probe swappedProbe = null;
        Optional<NormalizedContact> swapped = contact.swappedNames();
        if (swapped.isPresent()) {
            // "Müller Thomas": a family-name-first export, or first and last name typed into each other's field
            swappedProbe = matcher.probe(swapped.get());
            Set<String> swappedKeys = MatchKeys.lookupNameKeys(swapped.get());
            swappedKeys.removeAll(nameKeys);
            if (!swappedKeys.isEmpty()) {
                nameCapped |= index.visitByName(swappedKeys, limit, swappedVisitor(swappedProbe, seen, hits));
            }
        }
        if (identityCapped || nameCapped) {
            cappedLookups.incrementAndGet();
            LOG.debug("A duplicate check found more than {} candidates under its {} keys; the rest were not scored",
                    limit, identityCapped ? "e-mail/phone" : "name");
        }
        List<Hit> backed = backedWhenCommon(contact, hits);
        List<Hit> kept = fewOnFrequentValues(contact, probe, frequent, backed);
        return new Matches(probe, swappedProbe, kept, frequent.notes(backed.size() - kept.size()));
    }

    /**
     * The hits, of those that rest only on values many CRM contacts hold ({@link FrequentValues}: a POSSIBLE match
     * whose names are not alike and whose every shared address or number is frequent) only the
     * {@link FrequentValues#KEPT} with the likest names: a new person at a switchboard or a company's info@
     * address that 60 CRM contacts hold is not offered 60 possible duplicates.
     */
    private static List<Hit> fewOnFrequentValues(NormalizedContact contact, DuplicateMatcher.Probe probe,
                                                 FrequentValues frequent, List<Hit> hits) {
        if (frequent.isEmpty()) {
            return hits;
        }
        List<Hit> kept = new ArrayList<>(hits.size());
        List<Hit> onFrequent = new ArrayList<>();
        for (Hit hit : hits) {
            NormalizedContact other = hit.candidate().contact();
            if (hit.status() == DuplicateStatus.POSSIBLE && !hit.swapped() && !probe.namesAlike(other.names())
                    && frequent.onlyFrequentShared(contact, other)) {
                onFrequent.add(hit);
            } else {
                kept.add(hit);
            }
        }
        onFrequent.sort(Comparator.comparingDouble((Hit h) -> -h.score()).thenComparing(h -> h.id().value()));
        kept.addAll(onFrequent.subList(0, Math.min(FrequentValues.KEPT, onFrequent.size())));
        return kept;
    }

    /**
     * More name-only matches than this make a name common: then only those backed by a second value are kept, so that
     * a check of "Thomas Müller" does not list 50 namesakes.
     */
    static final int COMMON_NAME_MATCHES = 10;

    /**
     * The hits, without the name-only ones of a common name that no second value backs: when more than
     * {@link #COMMON_NAME_MATCHES} CRM contacts match by their names alone, those at another e-mail domain than the
     * checked contact's are dropped (Splink's term-frequency idea: agreeing on a common value says little). The
     * index holds no company or city, so the domain is the second value; a checked contact without an address keeps
     * them all.
     */
    private static List<Hit> backedWhenCommon(NormalizedContact contact, List<Hit> hits) {
        if (hits.size() <= COMMON_NAME_MATCHES || contact.emails().isEmpty()) {
            return hits;
        }
        int nameOnly = 0;
        for (Hit hit : hits) {
            if (hit.status() == DuplicateStatus.POSSIBLE && !DuplicateMatcher.sharesValue(contact, hit.candidate().contact())) {
                nameOnly++;
            }
        }
        if (nameOnly <= COMMON_NAME_MATCHES) {
            return hits;
        }
        Set<String> domains = domains(contact);
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            NormalizedContact other = hit.candidate().contact();
            boolean namesOnly = hit.status() == DuplicateStatus.POSSIBLE && !DuplicateMatcher.sharesValue(contact, other);
            if (!namesOnly || domains(other).stream().anyMatch(domains::contains)) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private static Set<String> domains(NormalizedContact contact) {
        Set<String> domains = new HashSet<>();
        for (String email : contact.emails()) {
            domains.add(email.substring(email.indexOf('@') + 1));
        }
        return domains;
    }

    /** Visits the contacts under the swapped names' keys; those whose names are alike to the swapped ones are hits. */
    private static MatchKeyIndex.NameVisitor swappedVisitor(DuplicateMatcher.Probe swappedProbe, Set<ContactPersonId> seen,
                                                            List<Hit> hits) {
        return new MatchKeyIndex.NameVisitor() {
            @Override
            public boolean lastAlike(String last, String lastCode) {
                return swappedProbe.lastAlike(last, lastCode);
            }

            @Override
            public boolean firstAlike(String first, String firstCode) {
                return swappedProbe.firstAlike(first, firstCode);
            }

            @Override
            public boolean wants(PersonName names) {
                return swappedProbe.namesAlike(names);
            }

            @Override
            public void accept(IndexedContact candidate) {
                if (seen.contains(candidate.id())) {
                    return;
                }
                DuplicateMatcher.Rank rank = swappedProbe.rank(candidate.contact());
                if (rank != null) {
                    seen.add(candidate.id());
                    hits.add(new Hit(candidate, DuplicateStatus.POSSIBLE, rank.score(), true));
                }
            }
        };
    }

    private static void rank(DuplicateMatcher.Probe probe, IndexedContact candidate, List<Hit> hits) {
        DuplicateMatcher.Rank rank = probe.rank(candidate.contact());
        if (rank != null) {
            hits.add(new Hit(candidate, rank.status(), rank.score()));
        }
    }

    /** How many look-ups so far found more candidates than {@link MatchSettings#maxCandidates()} and were cut short. */
    public long cappedLookups() {
        return cappedLookups.get();
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

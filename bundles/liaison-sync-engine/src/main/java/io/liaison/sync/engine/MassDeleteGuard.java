package io.liaison.sync.engine;

/**
 * Stops the deletes of a run in which one side reports more than {@code maxShare} of the linked items gone, when
 * there are at least {@code minLinks} links: a side that suddenly loses most items is an outage, not a wish.
 *
 * @param maxShare the largest share of links one side may report gone in one run, 0 to 1 (1 never trips)
 * @param minLinks the guard only acts from this many links on
 * @param minGone  the guard only acts from this many items gone on one side in one run on (at least 1)
 */
public record MassDeleteGuard(double maxShare, int minLinks, int minGone) {
    /** At most half of the links, from 10 links on. */
    public static final MassDeleteGuard DEFAULT = new MassDeleteGuard(0.5, 10);

    /** A guard that acts from {@code minLinks} links on, on any number of items gone. */
    public MassDeleteGuard(double maxShare, int minLinks) {
        this(maxShare, minLinks, 1);
    }

    public MassDeleteGuard {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("the mass-delete share must be between 0 and 1, not " + maxShare);
        }
        if (minLinks < 0) {
            throw new IllegalArgumentException("the mass-delete minimum must not be negative, not " + minLinks);
        }
        if (minGone < 1) {
            throw new IllegalArgumentException("the mass-delete minimum of items gone must be at least 1, not " + minGone);
        }
    }

    /** Whether {@code gone} of {@code links} links reported gone by one side trips the guard. */
    public boolean trips(int gone, int links) {
        return links >= minLinks && gone >= minGone && gone > maxShare * links;
    }
}

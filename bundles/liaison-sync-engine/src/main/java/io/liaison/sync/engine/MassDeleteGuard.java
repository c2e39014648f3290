package io.liaison.sync.engine;

/**
 * Stops the deletes of a run in which one side reports more than {@code maxShare} of the linked items gone, when
 * there are at least {@code minLinks} links: a side that suddenly loses most items is an outage, not a wish. A side
 * that reports every linked item gone trips it whatever the count (as vdirsyncer refuses to sync a store that became
 * empty): an unmounted share or a wiped calendar of a small account is an outage too. An administrator who checked
 * the deletes acknowledges them for one run ({@link #acknowledged()}), instead of raising the threshold.
 *
 * @param maxShare     the largest share of links one side may report gone in one run, 0 to 1 (1 never trips on
 *                     share alone)
 * @param minLinks     the share rule only acts from this many links on
 * @param minGone      the share rule only acts from this many items gone on one side in one run on (at least 1)
 * @param acknowledged whether an administrator accepted this run's deletes: the guard then never trips
 */
public record MassDeleteGuard(double maxShare, int minLinks, int minGone, boolean acknowledged) {
    /** At most half of the links, from 10 links on; never all of them. */
    public static final MassDeleteGuard DEFAULT = new MassDeleteGuard(0.5, 10);

    /** A guard that acts from {@code minLinks} links on, on any number of items gone. */
    public MassDeleteGuard(double maxShare, int minLinks) {
        this(maxShare, minLinks, 1);
    }

    /** A guard, not acknowledged. */
    public MassDeleteGuard(double maxShare, int minLinks, int minGone) {
        this(maxShare, minLinks, minGone, false);
    }

    /** This guard with the deletes of one run accepted by an administrator. */
    public MassDeleteGuard acknowledge() {
        return new MassDeleteGuard(maxShare, minLinks, minGone, true);
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
        if (acknowledged || gone == 0) {
            return false;
        }
        return gone >= links || (links >= minLinks && gone >= minGone && gone > maxShare * links);
    }
}

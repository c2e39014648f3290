package io.liaison.activitysync.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-account marks on CRM activities, kept in the link store under their own scope (no CRM schema change): an
 * activity put into the groupware on request (the spec's "Synchronization as date / as task", marked with its
 * area), or one whose groupware entry was deleted on request and must not come back (marked excluded); and per area
 * the activities that left the sync with the groupware item each left behind.
 */
final class Marks {
    static final String SCOPE = "ACTIVITY_SYNC_MARKS";
    static final String EXCLUDED = "EXCLUDED";
    /**
     * The activity's groupware item became private and left the sync (rule {@code skip}): kept out like
     * {@link #EXCLUDED} while unlinked, but the item may come back (made normal again), and once it is linked again
     * the mark no longer applies.
     */
    static final String LEFT_PRIVATE = "LEFT_PRIVATE";

    private final LinkStore links;
    private final Clock clock;

    Marks(LinkStore links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** Marks an activity as put into this area's groupware store. */
    void putInto(AccountId account, String crmId, ActivityArea area) {
        save(account, crmId, area.name());
    }

    /** Marks an activity as kept out of the groupware. */
    void exclude(AccountId account, String crmId) {
        save(account, crmId, EXCLUDED);
    }

    /** Marks an activity whose groupware item left the sync because it became private ({@link #LEFT_PRIVATE}). */
    void leftAsPrivate(AccountId account, String crmId) {
        save(account, crmId, LEFT_PRIVATE);
    }

    void remove(AccountId account, String crmId) {
        links.delete(account, SCOPE, crmId);
    }

    /** Every mark of an account: CRM id → area name, {@link #EXCLUDED} or {@link #LEFT_PRIVATE}. */
    Map<String, String> all(AccountId account) {
        Map<String, String> marks = new HashMap<>();
        for (Link link : links.list(account, SCOPE)) {
            marks.put(link.crmId(), link.crmVersion());
        }
        return marks;
    }

    Optional<String> of(AccountId account, String crmId) {
        return links.byCrmId(account, SCOPE, crmId).map(Link::crmVersion);
    }

    /**
     * Records that an activity left an area's sync while its groupware item stays: the item is kept out of the area's
     * groupware feed (else it would come back as a new activity), and found again if the activity comes back.
     */
    void left(AccountId account, ActivityArea area, String crmId, String groupwareId) {
        links.delete(account, heldScope(area), crmId);
        links.save(new Link(account, leftScope(area), crmId, "LEFT", groupwareId, "-", "", clock.instant()));
    }

    /**
     * Forgets that an activity left an area's sync, once it came back and was linked again and its groupware item now
     * leaves for a reason of its own (made private, no longer taken by a filter): else the item, made normal or taken
     * again, would still be kept out of the feed as one left behind. Writes nothing when nothing is recorded.
     */
    void cameBack(AccountId account, ActivityArea area, String crmId) {
        if (links.byCrmId(account, leftScope(area), crmId).isPresent()) {
            links.delete(account, leftScope(area), crmId);
        }
    }

    /** The activities that left an area's sync: CRM id → the groupware item kept. */
    Map<String, String> leftPairs(AccountId account, ActivityArea area) {
        Map<String, String> pairs = new HashMap<>();
        for (Link link : links.list(account, leftScope(area))) {
            pairs.put(link.crmId(), link.groupwareId());
        }
        return pairs;
    }

    /**
     * Records that an activity's groupware item left the area's sync by filter: the activity is held back from the
     * groupware (it is there already) until that item is taken again and linked.
     */
    void holdBack(AccountId account, ActivityArea area, String crmId, String groupwareId) {
        links.save(new Link(account, heldScope(area), crmId, "HELD", groupwareId, "-", "", clock.instant()));
    }

    /** The activities held back from an area's groupware: CRM id → the groupware item that left by filter. */
    Map<String, String> heldBack(AccountId account, ActivityArea area) {
        Map<String, String> held = new HashMap<>();
        for (Link link : links.list(account, heldScope(area))) {
            held.put(link.crmId(), link.groupwareId());
        }
        return held;
    }

    /**
     * Records that an activity's groupware item was written as private because the CRM marked the activity private,
     * so that when the CRM takes the mark back the item is made normal again (and not then taken for one its owner
     * marked private). Writes nothing when it is recorded already.
     */
    void writtenPrivate(AccountId account, ActivityArea area, String crmId) {
        if (!isWrittenPrivate(account, area, crmId)) {
            links.save(new Link(account, privateScope(area), crmId, "PRIVATE", "private:" + crmId, "-", "",
                    clock.instant()));
        }
    }

    boolean isWrittenPrivate(AccountId account, ActivityArea area, String crmId) {
        return links.byCrmId(account, privateScope(area), crmId).isPresent();
    }

    /** The CRM took its private mark back (or the activity is gone); writes nothing when nothing is recorded. */
    void privateTakenBack(AccountId account, ActivityArea area, String crmId) {
        if (isWrittenPrivate(account, area, crmId)) {
            links.delete(account, privateScope(area), crmId);
        }
    }

    /**
     * Forgets an area's marks: the activities put into it, those held back from it, those that left it and those
     * written private in it. The marks that keep an activity out of the groupware altogether stay.
     */
    void forget(AccountId account, ActivityArea area) {
        for (String scope : java.util.List.of(privateScope(area), heldScope(area), leftScope(area))) {
            links.list(account, scope).forEach(link -> links.delete(account, scope, link.crmId()));
        }
        links.list(account, SCOPE).stream().filter(link -> link.crmVersion().equals(area.name()))
                .forEach(link -> links.delete(account, SCOPE, link.crmId()));
    }

    private static String privateScope(ActivityArea area) {
        return SCOPE + ":PRIVATE:" + area.name();
    }

    private static String heldScope(ActivityArea area) {
        return SCOPE + ":HELD:" + area.name();
    }

    private static String leftScope(ActivityArea area) {
        return SCOPE + ":LEFT:" + area.name();
    }

    private void save(AccountId account, String crmId, String mark) {
        // the groupware id column is unique per scope: the mark's own name keeps it so
        links.save(new Link(account, SCOPE, crmId, mark, "mark:" + crmId, "-", "", clock.instant()));
    }
}

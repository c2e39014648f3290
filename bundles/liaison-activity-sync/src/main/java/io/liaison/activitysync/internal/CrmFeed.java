package io.liaison.activitysync.internal;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.sync.engine.ChangeFeed;
import io.liaison.sync.engine.SideChanges;
import io.liaison.sync.engine.SideItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM's change feed, cut to one area: the employee's activities of the area's types, plus those put into the
 * groupware on request, minus those whose entry was deleted on request. A linked activity that leaves the area (its
 * type changed to one the area does not synchronise) is reported as having left it, not as removed: its groupware
 * item stays, and so does one the account's filters no longer take. A token the CRM no longer accepts means a
 * complete re-read. So does a token ahead of the CRM's feed (its database was restored from an older backup): then
 * the linked activities the CRM no longer has are reported as having left the sync, not as removed, so that the
 * restore deletes nothing in the groupware; the re-read pairs the rest by their ids.
 */
final class CrmFeed implements ChangeFeed<Activity> {
    private static final Logger LOG = LoggerFactory.getLogger(CrmFeed.class);

    private final ActivityStore activities;
    private final EmployeeId employee;
    private final AccountId account;
    private final ActivityArea area;
    private final int pageSize;
    private final Marks marks;
    private final Set<String> linked;
    private final Map<String, String> left;
    private final CrmSide<?> side;
    private final Map<String, String> heldBack;
    private final RunJournal journal;

    /**
     * @param left the activities that left the sync before: CRM id → the groupware item they left behind, named by
     *             the activity when it comes back (so that the item is linked again, not created a second time)
     * @param heldBack the unlinked activities whose groupware item left the sync by filter: not put there again
     */
    CrmFeed(ActivityStore activities, EmployeeId employee, AccountId account, ActivityArea area, int pageSize,
            Marks marks, Set<String> linked, Map<String, String> left, CrmSide<?> side, Map<String, String> heldBack,
            RunJournal journal) {
        this.journal = journal;
        this.heldBack = heldBack;
        this.left = left;
        this.activities = activities;
        this.employee = employee;
        this.account = account;
        this.area = area;
        this.pageSize = pageSize;
        this.marks = marks;
        this.linked = linked;
        this.side = side;
    }

    @Override
    public SideChanges<Activity> read(Optional<SyncToken> since) {
        try {
            Optional<CrmToken> token = since.map(t -> new CrmToken(t.value()));
            if (token.isPresent() && activities.aheadOfFeed(employee, token.get())) {
                return afterRestore();
            }
            return readFrom(token);
        } catch (CrmException e) {
            if (since.isEmpty()) {
                throw e;
            }
            LOG.info("The CRM refused the {} change token of account {} ({}); reading everything again",
                    area, account, e.getMessage());
            return readFrom(Optional.empty());
        }
    }

    /**
     * The stored token is ahead of the CRM's feed: everything is read again, and a linked activity the CRM no longer
     * has (it was made after the backup the CRM was restored from) leaves the sync, its groupware item kept.
     */
    private SideChanges<Activity> afterRestore() {
        SideChanges<Activity> all = readFrom(Optional.empty());
        Set<String> listed = new HashSet<>(all.left().keySet());
        all.changed().forEach(item -> listed.add(item.id()));
        Map<String, String> left = new HashMap<>(all.left());
        for (String id : linked) {
            if (!listed.contains(id)) {
                left.put(id, RESTORED);
            }
        }
        int missing = left.size() - all.left().size();
        String message = "the stored CRM change token of this area is ahead of the CRM's own feed: the CRM's database"
                + " was restored from an older backup, or its feed was reset. Everything is read again and paired by"
                + " ids; nothing is deleted on the strength of the restore" + (missing == 0 ? ""
                : "; " + missing + " linked activit" + (missing == 1 ? "y is" : "ies are")
                + " not in the CRM any more: unlinked, their groupware items kept");
        LOG.warn("Account {}, {}: {}", account, area, message);
        journal.record(area.syncArea, "CRM change feed", Outcome.WARNING, message, Optional.empty());
        return new SideChanges<>(all.changed(), all.removed(), true, all.next(), all.unreadable(), left);
    }

    /** Why a linked activity left the sync when the CRM was found restored. */
    static final String RESTORED = "not in the CRM after a restore of its database";

    private SideChanges<Activity> readFrom(Optional<CrmToken> start) {
        Map<String, Activity> changed = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        Optional<CrmToken> token = start;
        CrmChangePage<Activity, ActivityId> page;
        do {
            page = activities.changesSince(employee, token, pageSize);
            for (Activity a : page.changed()) {
                changed.put(a.id().value(), a);
                removed.remove(a.id().value());
            }
            for (ActivityId id : page.removed()) {
                changed.remove(id.value());
                removed.add(id.value());
            }
            token = Optional.of(page.next());
        } while (page.more());

        Map<String, String> marked = marks.all(account);
        for (String id : List.copyOf(marked.keySet())) {
            if (Marks.LEFT_PRIVATE.equals(marked.get(id)) && linked.contains(id)) {
                // its groupware item was made normal again and linked to it: the activity is back in the sync
                marks.remove(account, id);
                marked.remove(id);
            }
        }
        List<SideItem<Activity>> items = new ArrayList<>();
        Map<String, String> left = new HashMap<>();
        for (Activity a : changed.values()) {
            // the same rule as the CRM side's look-up, which later runs may use for a pair this one leaves alone
            Optional<String> outside = side.outside(a, Optional.ofNullable(marked.get(a.id().value())));
            if (outside.isPresent()) {
                if (linked.contains(a.id().value())) {
                    left.put(a.id().value(), outside.get());
                }
            } else if (linked.contains(a.id().value()) || !heldBack.containsKey(a.id().value())) {
                items.add(comingBack(side.item(a)));
            }
        }
        // put in on request and not yet linked: not necessarily changed since the token
        Set<String> listed = new HashSet<>(changed.keySet());
        marked.forEach((id, mark) -> {
            if (mark.equals(area.name()) && !linked.contains(id) && !listed.contains(id) && !removed.contains(id)) {
                activities.get(employee, ActivityId.of(id)).filter(a -> a.data().owner().equals(employee))
                        .ifPresent(a -> items.add(side.item(a)));
            }
        });
        return new SideChanges<>(items, removed, start.isEmpty(), new SyncToken(token.orElseThrow().value()), Map.of(),
                left);
    }

    /** An unlinked activity that left the sync before names the groupware item it left behind. */
    private SideItem<Activity> comingBack(SideItem<Activity> item) {
        String behind = left.get(item.id());
        if (behind == null || linked.contains(item.id()) || item.partnerId().isPresent()) {
            return item;
        }
        return new SideItem<>(item.id(), item.version(), item.contentHash(), Optional.of(behind), item.modifiedAt(),
                item.label(), item.data());
    }
}

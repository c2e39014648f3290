package io.liaison.activitysync.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunJournal;
import io.liaison.sync.engine.ChangeFeed;
import io.liaison.sync.engine.SideChanges;
import io.liaison.sync.engine.SideItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The groupware's change feed of one area. Items the connector cannot read are journaled (and left alone);
 * occurrences and exceptions of a series are left out: the series master stands for the series. Under the account's
 * rule {@code skip} private and confidential items are left out too, and a linked one has left the sync
 * ({@value PrivateItems#LEFT_REASON}); under {@code busy} they come in their reduced form ({@link GroupwareSide#item}).
 * Items the account's filters do not take are left out as well, and a linked one has left the sync ({@link SyncFilters}).
 * A token ahead of the groupware's own state (the groupware and its sync state were restored from an older backup)
 * means a complete re-read in which the linked items the groupware no longer has leave the sync, their activities kept:
 * the restore deletes nothing in the CRM ({@link #afterRestore}).
 *
 * @param <T> the groupware content type
 */
final class GroupwareFeed<T> implements ChangeFeed<T> {

    /** Why a linked item left the sync by filter, in the journal. */
    static final String FILTER_REASON = "no longer taken by the account's filters: ";

    private final ItemStore<T> store;
    private final ItemMapping<T> mapping;
    private final GroupwareSide<T> side;
    private final RunJournal journal;
    private final SyncArea area;

    private final Set<String> linked;
    private final Set<String> leftBehind;
    private final PrivateItems privateItems;
    private final SyncFilters filters;

    /**
     * @param linked     the ids of the area's linked groupware items
     * @param leftBehind the ids of groupware items whose activity left the sync: kept out of the feed unless linked
     *                   again
     */
    GroupwareFeed(ItemStore<T> store, ItemMapping<T> mapping, GroupwareSide<T> side, RunJournal journal, SyncArea area,
                  Set<String> linked, Set<String> leftBehind, PrivateItems privateItems, SyncFilters filters) {
        this.privateItems = privateItems;
        this.filters = filters;
        this.linked = linked;
        this.leftBehind = leftBehind;
        this.store = store;
        this.mapping = mapping;
        this.side = side;
        this.journal = journal;
        this.area = area;
    }

    @Override
    public SideChanges<T> read(Optional<SyncToken> since) {
        if (since.isPresent() && store.aheadOfState(since.get())) {
            return afterRestore();
        }
        return readFrom(since);
    }

    /**
     * The stored token is ahead of the groupware's state: everything is read again and paired by ids, and a linked
     * item the groupware no longer has (made after the backup it was restored from) leaves the sync instead of being
     * taken for deleted, so that its activity stays in the CRM.
     */
    private SideChanges<T> afterRestore() {
        SideChanges<T> all = readFrom(Optional.empty());
        Set<String> listed = new HashSet<>(all.left().keySet());
        all.changed().forEach(item -> listed.add(item.id()));
        listed.addAll(all.removed());
        Map<String, String> left = new HashMap<>(all.left());
        List<String> unlisted = linked.stream().filter(id -> !listed.contains(id)).toList();
        // only those the groupware confirms gone: one it cannot read now is still there, as the engine knows
        store.lookUp(unlisted).forEach((id, found) -> {
            if (found instanceof Lookup.Gone<T>) {
                left.put(id, RESTORED);
            }
        });
        int missing = left.size() - all.left().size();
        String message = "the stored groupware change token of this area is ahead of the groupware's own state: the"
                + " groupware and its sync state were restored from an older backup. Everything is read again and"
                + " paired by ids; nothing is deleted on the strength of the restore" + (missing == 0 ? ""
                : "; " + missing + " linked item" + (missing == 1 ? " is" : "s are")
                + " not in the groupware any more: unlinked, their CRM activities kept");
        journal.record(area, "groupware change feed", Outcome.WARNING, message, Optional.empty());
        return new SideChanges<>(all.changed(), all.removed(), true, all.next(), all.unreadable(), left);
    }

    /** Why a linked groupware item left the sync when the groupware was found restored. */
    static final String RESTORED = "not in the groupware after a restore of its data";

    private SideChanges<T> readFrom(Optional<SyncToken> since) {
        ChangeSet<GroupwareItem<T>> changes = store.changes(since);
        for (ItemProblem problem : changes.problems()) {
            journal.record(area, problem.item(), Outcome.WARNING, "not read: " + problem.reason(), Optional.empty());
        }
        List<SideItem<T>> items = new ArrayList<>();
        Set<String> removed = new HashSet<>(changes.removedIds());
        Map<String, String> left = new HashMap<>();
        for (GroupwareItem<T> g : changes.changed()) {
            if (mapping.skipped(g.data())) {
                continue;
            }
            if (privateItems.skips() && side.isPrivate(g.data(), g.crmId())) {
                if (linked.contains(g.id())) {
                    privateItems.leftAsPrivate(g.id());
                    left.put(g.id(), PrivateItems.LEFT_REASON);
                }
                continue;
            }
            Optional<String> excluded = filters.groupwareExcludes(mapping.facts(g.data()));
            if (excluded.isPresent()) {
                if (linked.contains(g.id())) {
                    filters.leftByFilter(g.id());
                    left.put(g.id(), FILTER_REASON + excluded.get());
                }
                continue;
            }
            if (linked.contains(g.id()) || !leftBehind.contains(g.id())) {
                items.add(side.item(g));
            }
        }
        return new SideChanges<>(items, removed, changes.complete(), changes.next(), Map.of(), left);
    }
}

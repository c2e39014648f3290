package io.liaison.sync.engine;

import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.runtime.Link;
import io.liaison.sync.engine.Step.Kind;
import io.liaison.sync.engine.Step.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a run: compares each link with what both sides report and decides per item, writing nothing.
 * <ul>
 *   <li>A side whose version still equals the link's has not changed (our own write seen again: an echo).</li>
 *   <li>A side whose version moved but whose content hash equals the link's was only touched: the link is
 *       refreshed, nothing is written.</li>
 *   <li>Changed on one side: update the other. Changed on both: the conflict policy. Same edit on both: refresh.</li>
 *   <li>Gone on one side and unchanged on the other: delete the other, unless the mass-delete guard trips. Gone on
 *       one side and edited on the other: the edit wins and the item is created again (nothing edited is lost).</li>
 *   <li>Unlinked items are matched by the id they name on the other side (CRM id carried by a groupware item,
 *       groupware id a CRM item was created from) before anything is created: a re-read or an interrupted run
 *       never duplicates.</li>
 * </ul>
 */
public final class Planner {

    private Planner() {
    }

    private enum State { UNCHANGED, TOUCHED, CHANGED, REMOVED, UNREADABLE, LEFT }

    private record Observed<T>(State state, Optional<SideItem<T>> item, String why) {
        Observed(State state, Optional<SideItem<T>> item) {
            this(state, item, "");
        }
    }

    /** The plan for these links and change sets under a conflict policy and a mass-delete guard. */
    public static <C, G> Plan<C, G> plan(List<Link> links, SideChanges<C> crm, SideChanges<G> groupware,
                                         ConflictPolicy policy, MassDeleteGuard guard) {
        return plan(links, crm, groupware, policy, guard, SyncRules.DEFAULT);
    }

    /** The plan for these links and change sets under a conflict policy, a mass-delete guard and a consumer's rules. */
    public static <C, G> Plan<C, G> plan(List<Link> links, SideChanges<C> crm, SideChanges<G> groupware,
                                         ConflictPolicy policy, MassDeleteGuard guard, SyncRules rules) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(rules, "rules");
        Map<String, SideItem<C>> crmChanged = byId(crm.changed());
        Map<String, SideItem<G>> gwChanged = byId(groupware.changed());
        Set<String> linkedCrm = new HashSet<>();
        Set<String> linkedGw = new HashSet<>();
        for (Link link : links) {
            linkedCrm.add(link.crmId());
            linkedGw.add(link.groupwareId());
        }

        int crmGone = 0;
        int gwGone = 0;
        List<Observed<C>> crmStates = new ArrayList<>();
        List<Observed<G>> gwStates = new ArrayList<>();
        for (Link link : links) {
            Observed<C> c = observe(link.crmId(), link.crmVersion(), link.contentHash(), crmChanged, crm);
            Observed<G> g = observe(link.groupwareId(), link.groupwareVersion(), link.contentHash(), gwChanged, groupware);
            crmStates.add(c);
            gwStates.add(g);
            // a merge is no deletion: the groupware item follows the survivor or stays
            crmGone += c.state() == State.REMOVED && !crm.mergedInto().containsKey(link.crmId()) ? 1 : 0;
            gwGone += g.state() == State.REMOVED ? 1 : 0;
        }
        boolean stopCrmGone = guard.trips(crmGone, links.size());
        boolean stopGwGone = guard.trips(gwGone, links.size());

        List<Step<C, G>> steps = new ArrayList<>();
        int unchanged = 0;
        Set<String> followed = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            Observed<C> c = crmStates.get(i);
            Observed<G> g = gwStates.get(i);
            String survivor = crm.mergedInto().get(link.crmId());
            if (survivor != null && c.state() == State.REMOVED && g.state() != State.REMOVED
                    && g.state() != State.UNREADABLE) {
                steps.add(merged(link, survivor, crmChanged, g, linkedCrm, followed));
                continue;
            }
            if ((stopCrmGone && c.state() == State.REMOVED) || (stopGwGone && g.state() == State.REMOVED)) {
                steps.add(step(Kind.DELETE_STOPPED, link, c.item(), g.item(), Optional.empty(), false,
                        "stopped by the mass-delete guard"));
                continue;
            }
            Step<C, G> step = decide(link, c, g, policy, rules, !groupware.complete());
            if (step == null) {
                unchanged++;
            } else {
                steps.add(step);
            }
        }

        // unlinked items: matched with each other by the ids they name, else created on the other side
        Map<String, SideItem<G>> unlinkedGw = new LinkedHashMap<>();
        Map<String, SideItem<G>> unlinkedGwByCrmId = new HashMap<>();
        for (SideItem<G> g : gwChanged.values()) {
            if (!linkedGw.contains(g.id())) {
                unlinkedGw.put(g.id(), g);
                g.partnerId().filter(p -> !linkedCrm.contains(p)).ifPresent(p -> unlinkedGwByCrmId.putIfAbsent(p, g));
            }
        }
        // a merge survivor is read for the groupware item that may follow it, never created on its own account
        Set<String> survivors = new HashSet<>(crm.mergedInto().values());
        for (SideItem<C> c : crmChanged.values()) {
            if (linkedCrm.contains(c.id()) || survivors.contains(c.id())) {
                continue;
            }
            Optional<SideItem<G>> match = c.partnerId().map(unlinkedGw::get)
                    .or(() -> Optional.ofNullable(unlinkedGwByCrmId.get(c.id())));
            if (match.isPresent()) {
                unlinkedGw.remove(match.get().id());
                steps.add(step(Kind.RELINK, null, Optional.of(c), match, Optional.empty(), false,
                        "found on both sides without a link (an interrupted run or a re-read)"));
            } else {
                steps.add(step(Kind.CREATE_IN_GROUPWARE, null, Optional.of(c), Optional.empty(), Optional.empty(),
                        !groupware.complete(), "new in the CRM"));
            }
        }
        for (SideItem<G> g : unlinkedGw.values()) {
            steps.add(step(Kind.CREATE_IN_CRM, null, Optional.empty(), Optional.of(g), Optional.empty(), false,
                    "new in the groupware"));
        }
        return new Plan<>(steps, unchanged, stopCrmGone ? crmGone : 0, stopGwGone ? gwGone : 0, links.size());
    }

    /**
     * The CRM merged the linked item into {@code survivor}. A survivor without a link of its own, read in this run,
     * is followed: the groupware item takes its content and its link (one groupware item per survivor; a second
     * merged item's groupware item is kept unlinked). A survivor linked to another groupware item keeps that one:
     * this groupware item is kept, no longer synchronised, so that nothing the person holds there vanishes
     * unannounced; so is one whose survivor this run cannot read.
     */
    private static <C, G> Step<C, G> merged(Link link, String survivor, Map<String, SideItem<C>> crmChanged,
                                            Observed<G> g, Set<String> linkedCrm, Set<String> followed) {
        String merged = "merged into CRM item " + survivor + " in the CRM";
        if (linkedCrm.contains(survivor) || followed.contains(survivor)) {
            return step(Kind.CRM_ITEM_LEFT, link, Optional.empty(), g.item(), Optional.empty(), false, merged
                    + ", which has a groupware item of its own: this one is kept as it is, no longer synchronised");
        }
        SideItem<C> item = crmChanged.get(survivor);
        if (item == null) {
            return step(Kind.CRM_ITEM_LEFT, link, Optional.empty(), g.item(), Optional.empty(), false, merged
                    + ", which this sync cannot read: the groupware item is kept as it is, no longer synchronised");
        }
        followed.add(survivor);
        return step(Kind.FOLLOW_SURVIVOR, link, Optional.of(item), g.item(), Optional.empty(), false, merged
                + ": the groupware item now follows it and takes its content");
    }

    private static <C, G> Step<C, G> decide(Link link, Observed<C> c, Observed<G> g, ConflictPolicy policy,
                                            SyncRules rules, boolean lookUp) {
        State cs = c.state();
        State gs = g.state();
        if (cs == State.UNREADABLE || gs == State.UNREADABLE) {
            // an unreadable item is not a deleted one, and an edit of its partner waits until it can be read again
            String why = cs == State.UNREADABLE ? "the CRM item cannot be read (" + c.why() + ")"
                    : "the groupware item cannot be read (" + g.why() + ")";
            return step(Kind.LEFT_ALONE, link, c.item(), g.item(), Optional.empty(), false,
                    why + "; left alone on both sides, tried again in the next run");
        }
        if (cs == State.LEFT || gs == State.LEFT) {
            if (cs == State.REMOVED || gs == State.REMOVED) {
                return step(Kind.DROP_LINK, link, c.item(), g.item(), Optional.empty(), false,
                        "gone on one side, no longer synchronised on the other");
            }
            return cs == State.LEFT
                    ? step(Kind.CRM_ITEM_LEFT, link, c.item(), g.item(), Optional.empty(), false, "no longer "
                            + "synchronised: " + c.why() + "; the link goes, the groupware item is kept")
                    : step(Kind.GROUPWARE_ITEM_LEFT, link, c.item(), g.item(), Optional.empty(), false, "no longer "
                            + "synchronised: " + g.why() + "; the link goes, the CRM item is kept");
        }
        boolean cQuiet = cs == State.UNCHANGED || cs == State.TOUCHED;
        boolean gQuiet = gs == State.UNCHANGED || gs == State.TOUCHED;
        if (cs == State.UNCHANGED && gs == State.UNCHANGED) {
            return null;
        }
        if (cQuiet && gQuiet) {
            return step(Kind.REFRESH_LINK, link, c.item(), g.item(), Optional.empty(), false,
                    "version changed, content did not");
        }
        if (cs == State.CHANGED && gQuiet) {
            return step(Kind.UPDATE_GROUPWARE, link, c.item(), g.item(), Optional.empty(), false, "changed in the CRM");
        }
        if (cQuiet && gs == State.CHANGED) {
            return step(Kind.UPDATE_CRM, link, c.item(), g.item(), Optional.empty(), false, "changed in the groupware");
        }
        if (cs == State.CHANGED && gs == State.CHANGED) {
            if (!c.item().get().contentHash().isEmpty()
                    && c.item().get().contentHash().equals(g.item().get().contentHash())) {
                return step(Kind.REFRESH_LINK, link, c.item(), g.item(), Optional.empty(), false,
                        "the same change on both sides");
            }
            Resolution resolution = resolve(policy, rules, c.item().get(), g.item().get());
            return step(Kind.CONFLICT, link, c.item(), g.item(), Optional.of(resolution), false,
                    "changed on both sides since the last run; policy " + policy + ": " + describe(resolution, policy,
                            c.item().get(), g.item().get()));
        }
        if (cs == State.REMOVED && gs != State.REMOVED) {
            return afterDeletion(link, rules.whenCrmDeletes(), gs, Optional.<SideItem<C>>empty(), g.item(), lookUp, true);
        }
        if (gs == State.REMOVED && cs != State.REMOVED) {
            return afterDeletion(link, rules.whenGroupwareDeletes(), cs, c.item(), Optional.<SideItem<G>>empty(), lookUp,
                    false);
        }
        return step(Kind.DROP_LINK, link, Optional.empty(), Optional.empty(), Optional.empty(), false,
                "deleted on both sides");
    }

    /**
     * One side deleted the item; the other side's copy is in state {@code other}: deleted too, kept (unlinked) or,
     * when it was edited and the rule says so, the deleted item is created again.
     */
    private static <C, G> Step<C, G> afterDeletion(Link link, DeletionRule rule, State other, Optional<SideItem<C>> c,
                                                   Optional<SideItem<G>> g, boolean lookUp, boolean crmDeleted) {
        String deleted = crmDeleted ? "deleted in the CRM" : "deleted in the groupware";
        String keeper = crmDeleted ? "groupware" : "CRM";
        boolean edited = other == State.CHANGED;
        boolean moved = other != State.UNCHANGED;
        if (rule == DeletionRule.UNLINK || (rule == DeletionRule.DELETE_ELSE_DETACH && moved)) {
            String why = rule == DeletionRule.UNLINK ? ": only the link goes, the " + keeper + " item is kept"
                    : " but changed in the " + keeper + " since: kept there, no longer synchronised";
            return step(crmDeleted ? Kind.UNLINK_KEEP_GROUPWARE : Kind.UNLINK_KEEP_CRM, link, c, g, Optional.empty(),
                    false, deleted + why);
        }
        if (rule == DeletionRule.DELETE_ELSE_RECREATE && edited) {
            return crmDeleted
                    ? step(Kind.CREATE_IN_CRM, link, Optional.empty(), g, Optional.empty(), false,
                            "deleted in the CRM but changed in the groupware since: the edit wins, created again")
                    : step(Kind.CREATE_IN_GROUPWARE, link, c, Optional.empty(), Optional.empty(), lookUp,
                            "deleted in the groupware but changed in the CRM since: the edit wins, created again");
        }
        return crmDeleted
                ? step(Kind.DELETE_IN_GROUPWARE, link, Optional.empty(), g, Optional.empty(), false, deleted)
                : step(Kind.DELETE_IN_CRM, link, c, Optional.empty(), Optional.empty(), false, deleted);
    }

    private static Resolution resolve(ConflictPolicy policy, SyncRules rules, SideItem<?> crm, SideItem<?> groupware) {
        return switch (policy) {
            case CRM_WINS -> Resolution.CRM_WINS;
            case GROUPWARE_WINS -> Resolution.GROUPWARE_WINS;
            case KEEP_BOTH -> rules.keepBoth() == SyncRules.KeepBoth.GROUPWARE_COPY
                    ? Resolution.KEEP_BOTH_AS_GROUPWARE_COPY : Resolution.KEEP_BOTH;
            case NEWEST_WINS -> crm.modifiedAt().isPresent() && groupware.modifiedAt().isPresent()
                    && groupware.modifiedAt().get().isAfter(crm.modifiedAt().get())
                    ? Resolution.GROUPWARE_WINS : Resolution.CRM_WINS;
        };
    }

    private static String describe(Resolution resolution, ConflictPolicy policy, SideItem<?> crm, SideItem<?> gw) {
        String base = switch (resolution) {
            case CRM_WINS -> "the CRM's version is kept and written to the groupware";
            case GROUPWARE_WINS -> "the groupware's version is kept and written to the CRM";
            case KEEP_BOTH -> "the CRM's version is kept for the pair and the groupware's edit is kept as a new CRM item";
            case KEEP_BOTH_AS_GROUPWARE_COPY -> "the CRM's version is kept for the pair and the groupware's edit is "
                    + "kept as a separate groupware item without link";
        };
        if (policy == ConflictPolicy.NEWEST_WINS && (crm.modifiedAt().isEmpty() || gw.modifiedAt().isEmpty())) {
            return base + " (a side reports no modification time, so the CRM counts as newest)";
        }
        if (policy == ConflictPolicy.NEWEST_WINS) {
            return base + " (changed in the CRM at " + crm.modifiedAt().get() + ", in the groupware at "
                    + gw.modifiedAt().get() + ")";
        }
        return base;
    }

    private static <T> Observed<T> observe(String id, String linkedVersion, String linkedHash,
                                           Map<String, SideItem<T>> changed, SideChanges<T> changes) {
        String unreadable = changes.unreadable().get(id);
        if (unreadable != null) {
            return new Observed<>(State.UNREADABLE, Optional.empty(), unreadable);
        }
        String left = changes.left().get(id);
        if (left != null) {
            return new Observed<>(State.LEFT, Optional.empty(), left);
        }
        SideItem<T> item = changed.get(id);
        if (item != null) {
            if (item.version().equals(linkedVersion)) {
                return new Observed<>(State.UNCHANGED, Optional.of(item));
            }
            if (!linkedHash.isEmpty() && linkedHash.equals(item.contentHash())) {
                return new Observed<>(State.TOUCHED, Optional.of(item));
            }
            return new Observed<>(State.CHANGED, Optional.of(item));
        }
        if (changes.removed().contains(id) || changes.complete()) {
            return new Observed<>(State.REMOVED, Optional.empty());
        }
        return new Observed<>(State.UNCHANGED, Optional.empty());
    }

    private static <T> Map<String, SideItem<T>> byId(List<SideItem<T>> items) {
        Map<String, SideItem<T>> map = new LinkedHashMap<>();
        for (SideItem<T> item : items) {
            map.put(item.id(), item);
        }
        return map;
    }

    private static <C, G> Step<C, G> step(Kind kind, Link link, Optional<SideItem<C>> crm, Optional<SideItem<G>> gw,
                                          Optional<Resolution> resolution, boolean lookUp, String reason) {
        return new Step<>(kind, Optional.ofNullable(link), crm, gw, resolution, lookUp, reason);
    }
}

package io.liaison.sync.engine;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One area's run from end to end: read both feeds from their stored tokens, confirm every reported removal with the
 * side (only "gone" deletes; an item found, unreadable, left or merged into another stays), plan against the links,
 * apply, and store the new tokens. What the run did not apply (steps not chosen in a manual run, failures, items left
 * alone because they cannot be read, deletes the mass-delete guard stopped) is offered to the next run from the link
 * store, not from the old token, so that partial runs converge and the feeds' tokens do not fall behind.
 *
 * <p>A token marks the feed's position when it was read, before this run wrote anything. An item this run created
 * is new to that position; if a person deletes it before the next run, a feed that compares listings (the local
 * connector, a delta query) has no earlier state in which it existed and may never report it gone. So the time of
 * each read is stored next to the token, and the next run looks up every linked item written after it that its
 * feed did not mention: gone items count as removed, changed ones as changed.
 *
 * @param <C> the CRM content type
 * @param <G> the groupware content type
 */
public final class Synchronization<C, G> {

    private final AccountId account;
    private final String linkScope;
    private final String crmTokenScope;
    private final String groupwareTokenScope;
    private final LinkStore links;
    private final TokenStore tokens;
    private final ChangeFeed<C> crmFeed;
    private final ChangeFeed<G> groupwareFeed;
    private final SideStore<C, G> crm;
    private final SideStore<G, C> groupware;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /** Pending ids beyond this length keep a side's token where it was (the token store holds 64 KiB a value). */
    private static final int MAX_PENDING_CHARS = 60_000;

    /**
     * @param account             the account
     * @param linkScope           the link store scope
     * @param crmTokenScope       the token store scope of the CRM feed
     * @param groupwareTokenScope the token store scope of the groupware feed
     * @param links               the link store
     * @param tokens              the token store
     * @param crmFeed             the CRM's change feed
     * @param groupwareFeed       the groupware's change feed
     * @param crm                 the CRM side, to look up items written after the last read
     * @param groupware           the groupware side, likewise
     * @param clock               the clock the links are stamped with
     */
    public Synchronization(AccountId account, String linkScope, String crmTokenScope, String groupwareTokenScope,
                           LinkStore links, TokenStore tokens, ChangeFeed<C> crmFeed, ChangeFeed<G> groupwareFeed,
                           SideStore<C, G> crm, SideStore<G, C> groupware, Clock clock) {
        this.crm = crm;
        this.groupware = groupware;
        this.clock = clock;
        this.nanoTime = System::nanoTime;
        this.account = account;
        this.linkScope = linkScope;
        this.crmTokenScope = crmTokenScope;
        this.groupwareTokenScope = groupwareTokenScope;
        this.links = links;
        this.tokens = tokens;
        this.crmFeed = crmFeed;
        this.groupwareFeed = groupwareFeed;
    }

    /**
     * A plan with the change sets it was made from.
     *
     * @param crmStillThere       linked CRM items the CRM's feed reported removed (or left out of a complete
     *                            listing) that its look-up found: not deleted
     * @param groupwareStillThere the same for the groupware (events that left Graph's calendar window, for one)
     */
    public record Reading<C, G>(Plan<C, G> plan, SideChanges<C> crm, SideChanges<G> groupware, Instant readAt,
                                int crmStillThere, int groupwareStillThere) {
    }

    /** Reads both sides and plans; writes nothing. */
    public Reading<C, G> read(ConflictPolicy policy, MassDeleteGuard guard) {
        return read(policy, guard, SyncRules.DEFAULT);
    }

    /** Reads both sides and plans under a consumer's rules; writes nothing. */
    public Reading<C, G> read(ConflictPolicy policy, MassDeleteGuard guard, SyncRules rules) {
        Instant readAt = clock.instant();
        List<Link> linked = links.list(account, linkScope);
        Confirmed<C> crmRead = confirmed(crmFeed.read(tokens.get(account, crmTokenScope)), crmTokenScope, linked,
                true, crm);
        Confirmed<G> gwRead = confirmed(groupwareFeed.read(tokens.get(account, groupwareTokenScope)),
                groupwareTokenScope, linked, false, groupware);
        SideChanges<C> crmChanges = crmRead.changes();
        SideChanges<G> gwChanges = gwRead.changes();
        if (rules.lookUpNamedPartners()) {
            Set<String> linkedCrm = new HashSet<>();
            Set<String> linkedGw = new HashSet<>();
            linked.forEach(l -> {
                linkedCrm.add(l.crmId());
                linkedGw.add(l.groupwareId());
            });
            SideChanges<C> crmBefore = crmChanges;
            crmChanges = withNamedPartners(crmChanges, gwChanges, linkedGw, linkedCrm, crm);
            gwChanges = withNamedPartners(gwChanges, crmBefore, linkedCrm, linkedGw, groupware);
        }
        Plan<C, G> plan = Planner.plan(linked, crmChanges, gwChanges, policy, guard, rules);
        return new Reading<>(plan, crmChanges, gwChanges, readAt, crmRead.stillThere(), gwRead.stillThere());
    }

    /**
     * Adds to one side's changes the unlinked items that unlinked items of the other side name but this side's
     * feed did not report (see {@link SyncRules#lookUpNamedPartners}).
     */
    private static <T> SideChanges<T> withNamedPartners(SideChanges<T> changes, SideChanges<?> other,
                                                        Set<String> otherLinked, Set<String> linked,
                                                        SideStore<T, ?> store) {
        Set<String> known = new HashSet<>(changes.removed());
        changes.changed().forEach(i -> known.add(i.id()));
        List<SideItem<T>> added = new ArrayList<>();
        for (SideItem<?> item : other.changed()) {
            Optional<String> named = item.partnerId();
            if (otherLinked.contains(item.id()) || named.isEmpty() || linked.contains(named.get())
                    || !known.add(named.get())) {
                continue;
            }
            store.get(named.get()).ifPresent(added::add);
        }
        if (added.isEmpty()) {
            return changes;
        }
        List<SideItem<T>> changed = new ArrayList<>(changes.changed());
        changed.addAll(added);
        return new SideChanges<>(changed, changes.removed(), changes.complete(), changes.next(), changes.unreadable(),
                changes.left(), changes.mergedInto());
    }

    private record Confirmed<T>(SideChanges<T> changes, int stillThere) {
    }

    /**
     * Completes and confirms a side's change set before anything is planned from it. Looked up on the side, in one
     * call: the linked items written after the feed's token was read that it did not mention (see the class
     * comment), the linked items re-offered by an earlier run (the same: their links were stamped after its read),
     * the unlinked items an earlier run left pending, and every linked item the feed reports removed or a complete
     * listing leaves out. Only a confirmed "gone" is a removal: an item found is taken as it is now (a feed may stop
     * reporting items that still exist, as Graph's calendar view does for events outside its date range), and an
     * item that cannot be read is neither changed nor removed.
     */
    private <T> Confirmed<T> confirmed(SideChanges<T> changes, String tokenScope, List<Link> linked, boolean crmSide,
                                       SideStore<T, ?> store) {
        Optional<Instant> lastRead = tokens.get(account, readAtScope(tokenScope)).flatMap(Synchronization::instant);
        Set<String> mentioned = new HashSet<>();
        changes.changed().forEach(i -> mentioned.add(i.id()));
        Map<String, String> linkedVersions = new HashMap<>();
        Set<String> reportedGone = new LinkedHashSet<>();
        Set<String> ask = new LinkedHashSet<>();
        for (Link link : linked) {
            String id = crmSide ? link.crmId() : link.groupwareId();
            linkedVersions.put(id, crmSide ? link.crmVersion() : link.groupwareVersion());
            if (mentioned.contains(id) || changes.left().containsKey(id) || changes.unreadable().containsKey(id)) {
                continue;
            }
            if (changes.removed().contains(id) || changes.complete()) {
                reportedGone.add(id);
                ask.add(id);
            } else if (lastRead.map(t -> !link.syncedAt().isBefore(t.minus(Duration.ofSeconds(1)))).orElse(true)) {
                ask.add(id);
            }
        }
        for (String id : pending(tokenScope)) {
            if (!mentioned.contains(id) && !linkedVersions.containsKey(id)) {
                ask.add(id);
            }
        }
        List<SideItem<T>> changed = new ArrayList<>(changes.changed());
        Set<String> removed = new HashSet<>(changes.removed());
        removed.removeAll(reportedGone);
        Map<String, String> unreadable = new HashMap<>(changes.unreadable());
        Map<String, String> left = new HashMap<>(changes.left());
        Map<String, String> mergedInto = new HashMap<>(changes.mergedInto());
        int stillThere = 0;
        Map<String, Presence<T>> found = ask.isEmpty() ? Map.of() : store.lookUp(ask);
        for (String id : ask) {
            Presence<T> presence = found.getOrDefault(id, new Presence.Unreadable<>("the look-up did not answer"));
            boolean isLinked = linkedVersions.containsKey(id);
            if (presence instanceof Presence.Found<T> f) {
                // a complete listing that left it out would count it gone: it is listed as found; otherwise only
                // a version other than the link's makes it a change
                if ((changes.complete() && reportedGone.contains(id)) || !isLinked
                        || !f.item().version().equals(linkedVersions.get(id))) {
                    changed.add(f.item());
                }
                stillThere += reportedGone.contains(id) ? 1 : 0;
            } else if (presence instanceof Presence.Unreadable<T> u) {
                if (isLinked) {
                    unreadable.put(id, u.reason());
                }
            } else if (presence instanceof Presence.Left<T> l) {
                if (isLinked) {
                    left.put(id, l.reason());
                }
            } else if (presence instanceof Presence.Merged<T> m) {
                if (isLinked) {
                    removed.add(id);
                    mergedInto.put(id, m.survivor());
                }
            } else if (isLinked) {
                removed.add(id);
            }
        }
        changed.addAll(survivors(mergedInto, changed, linkedVersions.keySet(), store));
        return new Confirmed<>(new SideChanges<>(changed, removed, changes.complete(), changes.next(), unreadable,
                left, mergedInto), stillThere);
    }

    /**
     * The survivors of merged linked items that the change set does not hold yet, read for the items that may follow
     * them (a linked survivor keeps its own partner, and the planner lets no item follow one it was not given).
     */
    private static <T> List<SideItem<T>> survivors(Map<String, String> mergedInto, List<SideItem<T>> changed,
                                                   Set<String> linked, SideStore<T, ?> store) {
        Set<String> known = new HashSet<>(linked);
        changed.forEach(i -> known.add(i.id()));
        List<SideItem<T>> read = new ArrayList<>();
        for (String survivor : new LinkedHashSet<>(mergedInto.values())) {
            if (!known.add(survivor)) {
                continue;
            }
            try {
                store.get(survivor).ifPresent(read::add);
            } catch (ItemUnreadableException e) {
                // not read in this run: the planner keeps the follower unlinked rather than guess
            }
        }
        return read;
    }

    /** The unlinked items of a side that an earlier run planned for but did not apply. */
    private List<String> pending(String tokenScope) {
        return tokens.get(account, pendingScope(tokenScope))
                .map(t -> List.of(t.value().split("\n"))).orElse(List.of()).stream()
                .filter(id -> !id.isEmpty()).toList();
    }

    private static Optional<Instant> instant(SyncToken token) {
        try {
            return Optional.of(Instant.parse(token.value()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every token scope the engine keeps for a feed's token scope: the token itself and what it keeps beside it. */
    public static java.util.List<String> tokenScopes(String tokenScope) {
        return java.util.List.of(tokenScope, readAtScope(tokenScope), pendingScope(tokenScope));
    }

    private static String readAtScope(String tokenScope) {
        return tokenScope + "#read-at";
    }

    private static String pendingScope(String tokenScope) {
        return tokenScope + "#pending";
    }

    /**
     * Reads, plans, applies the chosen steps and, when every step was applied, stores the tokens.
     *
     * @return how applying went
     */
    public Reconciler.Result run(Reconciler<C, G> reconciler, ConflictPolicy policy, MassDeleteGuard guard,
                                 Predicate<Step<C, G>> chosen, BooleanSupplier cancelled) {
        return run(reconciler, policy, guard, SyncRules.DEFAULT, chosen, cancelled);
    }

    /**
     * As {@link #run(Reconciler, ConflictPolicy, MassDeleteGuard, Predicate, BooleanSupplier)}, planned under a
     * consumer's rules (the reconciler must have been made with the same rules).
     *
     * @return how applying went
     */
    public Reconciler.Result run(Reconciler<C, G> reconciler, ConflictPolicy policy, MassDeleteGuard guard,
                                 SyncRules rules, Predicate<Step<C, G>> chosen, BooleanSupplier cancelled) {
        long started = nanoTime.getAsLong();
        Reading<C, G> reading = read(policy, guard, rules);
        if (reading.groupwareStillThere() > 0) {
            reconciler.note("groupware feed", reading.groupwareStillThere() + " linked item(s) the groupware no longer "
                    + "reports (for example outside the synchronised date range) are still there: kept on both sides");
        }
        if (reading.crmStillThere() > 0) {
            reconciler.note("CRM feed", reading.crmStillThere() + " linked item(s) the CRM reported removed are still "
                    + "there: kept on both sides");
        }
        Reconciler.Result result = reconciler.apply(reading.plan(), chosen, cancelled);
        Instant now = clock.instant();
        Set<String> crmPending = new LinkedHashSet<>();
        Set<String> gwPending = new LinkedHashSet<>();
        for (Step<?, ?> step : result.unapplied()) {
            reoffer(step, now, crmPending, gwPending);
        }
        // a clock that stepped back during the run stamped some links earlier than the read: the read time stored is
        // the earliest the clock can have shown since (now minus the run's monotonic length), so none is missed
        Instant earliest = now.minusNanos(Math.max(0, nanoTime.getAsLong() - started));
        SyncToken readAt = new SyncToken((earliest.isBefore(reading.readAt()) ? earliest : reading.readAt()).toString());
        advance(crmTokenScope, reading.crm().next(), crmPending, readAt);
        advance(groupwareTokenScope, reading.groupware().next(), gwPending, readAt);
        return result;
    }

    /**
     * Offers a step the run did not apply to the next run: a linked pair by stamping its link with the time now, after
     * this run's read, so that the next run looks up both items whatever their feeds say; an unlinked item by keeping
     * its id pending. So the tokens can advance past a partial run without losing what it left.
     */
    private void reoffer(Step<?, ?> step, Instant now, Set<String> crmPending, Set<String> gwPending) {
        Optional<Link> link = step.crmId().flatMap(id -> links.byCrmId(account, linkScope, id))
                .or(() -> step.groupwareId().flatMap(id -> links.byGroupwareId(account, linkScope, id)));
        if (link.isPresent()) {
            Link l = link.get();
            links.save(new Link(l.account(), l.scope(), l.crmId(), l.crmVersion(), l.groupwareId(),
                    l.groupwareVersion(), l.contentHash(), now));
            return;
        }
        step.crm().map(SideItem::id).ifPresent(crmPending::add);
        step.groupware().map(SideItem::id).ifPresent(gwPending::add);
    }

    /**
     * Stores a side's pending ids, then its token and read time; the pending ids first, so that a crash in between
     * only looks up more. Pending ids that do not fit the token store keep the side's old token instead (the next
     * run then reads from there, as before re-offering existed).
     */
    private void advance(String tokenScope, SyncToken next, Set<String> pending, SyncToken readAt) {
        String joined = String.join("\n", pending);
        if (joined.length() > MAX_PENDING_CHARS) {
            return;
        }
        if (joined.isEmpty()) {
            tokens.clear(account, pendingScope(tokenScope));
        } else {
            tokens.put(account, pendingScope(tokenScope), new SyncToken(joined));
        }
        // the token first: a crash between the two leaves an older read time, which only looks up more
        tokens.put(account, tokenScope, next);
        tokens.put(account, readAtScope(tokenScope), readAt);
    }
}

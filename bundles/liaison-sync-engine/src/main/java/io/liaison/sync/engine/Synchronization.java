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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One area's run from end to end: read both feeds from their stored tokens, plan against the links, apply, and
 * store the new tokens only when the whole change set was applied (a side whose deletes the mass-delete guard
 * stopped keeps its old token, so that the next run sees the same removals again and stops again).
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
        this.account = account;
        this.linkScope = linkScope;
        this.crmTokenScope = crmTokenScope;
        this.groupwareTokenScope = groupwareTokenScope;
        this.links = links;
        this.tokens = tokens;
        this.crmFeed = crmFeed;
        this.groupwareFeed = groupwareFeed;
    }

    /** A plan with the change sets it was made from. */
    public record Reading<C, G>(Plan<C, G> plan, SideChanges<C> crm, SideChanges<G> groupware, Instant readAt) {
    }

    /** Reads both sides and plans; writes nothing. */
    public Reading<C, G> read(ConflictPolicy policy, MassDeleteGuard guard) {
        return read(policy, guard, SyncRules.DEFAULT);
    }

    /** Reads both sides and plans under a consumer's rules; writes nothing. */
    public Reading<C, G> read(ConflictPolicy policy, MassDeleteGuard guard, SyncRules rules) {
        Instant readAt = clock.instant();
        List<Link> linked = links.list(account, linkScope);
        SideChanges<C> crmChanges = completed(crmFeed.read(tokens.get(account, crmTokenScope)), crmTokenScope,
                linked, true, crm);
        SideChanges<G> gwChanges = completed(groupwareFeed.read(tokens.get(account, groupwareTokenScope)),
                groupwareTokenScope, linked, false, groupware);
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
        return new Reading<>(plan, crmChanges, gwChanges, readAt);
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
        return new SideChanges<>(changed, changes.removed(), changes.complete(), changes.next());
    }

    /** Adds what the feed did not mention of the items written after its token was read (see the class comment). */
    private <T> SideChanges<T> completed(SideChanges<T> changes, String tokenScope, List<Link> linked, boolean crmSide,
                                         SideStore<T, ?> store) {
        if (changes.complete()) {
            return changes;
        }
        Optional<Instant> lastRead = tokens.get(account, readAtScope(tokenScope)).flatMap(Synchronization::instant);
        Set<String> mentioned = new HashSet<>(changes.removed());
        changes.changed().forEach(i -> mentioned.add(i.id()));
        List<SideItem<T>> changed = new ArrayList<>(changes.changed());
        Set<String> removed = new HashSet<>(changes.removed());
        for (Link link : linked) {
            String id = crmSide ? link.crmId() : link.groupwareId();
            String version = crmSide ? link.crmVersion() : link.groupwareVersion();
            boolean writtenSince = lastRead.map(t -> !link.syncedAt().isBefore(t.minus(Duration.ofSeconds(1))))
                    .orElse(true);
            if (!writtenSince || mentioned.contains(id)) {
                continue;
            }
            Optional<SideItem<T>> current = store.get(id);
            if (current.isEmpty()) {
                removed.add(id);
            } else if (!current.get().version().equals(version)) {
                changed.add(current.get());
            }
        }
        return new SideChanges<>(changed, removed, false, changes.next());
    }

    private static Optional<Instant> instant(SyncToken token) {
        try {
            return Optional.of(Instant.parse(token.value()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String readAtScope(String tokenScope) {
        return tokenScope + "#read-at";
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
        Reading<C, G> reading = read(policy, guard, rules);
        Reconciler.Result result = reconciler.apply(reading.plan(), chosen, cancelled);
        if (result.clean() && !cancelled.getAsBoolean()) {
            SyncToken readAt = new SyncToken(reading.readAt().toString());
            if (reading.plan().crmDeletesStopped() == 0) {
                // the token first: a crash between the two leaves an older read time, which only looks up more
                tokens.put(account, crmTokenScope, reading.crm().next());
                tokens.put(account, readAtScope(crmTokenScope), readAt);
            }
            if (reading.plan().groupwareDeletesStopped() == 0) {
                tokens.put(account, groupwareTokenScope, reading.groupware().next());
                tokens.put(account, readAtScope(groupwareTokenScope), readAt);
            }
        }
        return result;
    }
}

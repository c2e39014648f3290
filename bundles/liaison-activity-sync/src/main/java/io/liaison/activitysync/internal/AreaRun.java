package io.liaison.activitysync.internal;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.TokenStore;
import io.liaison.sync.engine.MassDeleteGuard;
import io.liaison.sync.engine.Reconciler;
import io.liaison.sync.engine.Step;
import io.liaison.sync.engine.Synchronization;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One area of one account's run, wired: the CRM and groupware feeds and sides around the engine.
 *
 * @param <T> the groupware content type
 */
final class AreaRun<T> {

    /** What every area run shares. */
    record Wiring(HostCrm crm, LinkStore links, TokenStore tokens, Supplier<Optional<AddressResolver>> resolver,
                  Function<String, URI> linkTemplate, ItemMapping.StatusKeys status, MassDeleteGuard guard,
                  int crmPageSize, Clock clock) {
    }

    private final GroupwareAccount account;
    private final ActivityArea area;
    private final Wiring wiring;
    private final Synchronization<Activity, T> synchronization;
    private final Reconciler<Activity, T> reconciler;
    private final GroupwareSide<T> groupwareSide;
    private final PrivateItems privateItems;
    private final RulesCheck rules;
    private final boolean anyLinks;

    private AreaRun(GroupwareAccount account, ActivityArea area, Wiring wiring, ItemStore<T> store,
                    ItemMapping<T> mapping, RunJournal journal) {
        this.account = account;
        this.area = area;
        this.wiring = wiring;
        Marks marks = new Marks(wiring.links(), wiring.clock());
        Set<String> linked = new HashSet<>();
        Set<String> linkedGroupware = new HashSet<>();
        for (Link link : wiring.links().list(account.id(), area.linkScope())) {
            linked.add(link.crmId());
            linkedGroupware.add(link.groupwareId());
        }
        Map<String, String> left = marks.leftPairs(account.id(), area);
        PrivateItems privateItems = PrivateItems.of(account);
        SyncFilters filters = SyncFilters.of(account, wiring.clock());
        CrmSide<T> crmSide = new CrmSide<>(wiring.crm().activities(), account.employee(), account.id(), area, mapping,
                wiring.status(), wiring.resolver(), marks, privateItems, filters);
        GroupwareSide<T> groupwareSide = new GroupwareSide<>(store, mapping, wiring.linkTemplate(),
                (crmId, groupwareId) -> marks.left(account.id(), area, crmId, groupwareId), privateItems,
                new MeetingNotices(account.connectorType()), filters, crmSide::crmsOwnPrivate,
                new CrmPrivateMarks(marks, account.id(), area));
        this.synchronization = new Synchronization<>(account.id(), area.linkScope(), area.crmTokenScope(),
                area.groupwareTokenScope(), wiring.links(), wiring.tokens(),
                new CrmFeed(wiring.crm().activities(), account.employee(), account.id(), area, wiring.crmPageSize(),
                        marks, linked, left, crmSide, marks.heldBack(account.id(), area), journal),
                new GroupwareFeed<>(store, mapping, groupwareSide, journal, area.syncArea, linkedGroupware,
                        Set.copyOf(left.values()), privateItems, filters), crmSide, groupwareSide,
                wiring.clock());
        this.groupwareSide = groupwareSide;
        this.privateItems = privateItems;
        this.anyLinks = !linked.isEmpty();
        this.rules = new RulesCheck(wiring.tokens(), wiring.links(), account.id(), area, privateItems, filters,
                wiring.clock());
        this.reconciler = new Reconciler<>(account.id(), area.linkScope(), area.syncArea, wiring.links(), journal,
                crmSide, groupwareSide, wiring.clock());
    }

    /** The run of an area over the session's event or task store. */
    static AreaRun<?> of(ActivityArea area, GroupwareAccount account, ConnectorSession session, Wiring wiring,
                         RunJournal journal) {
        return switch (area) {
            case APPOINTMENTS -> new AreaRun<EventData>(account, area, wiring, session.events().orElseThrow(() ->
                    new IllegalStateException("the connector of account " + account.id() + " offers no calendar")),
                    new EventMapping(wiring.status().cancelled()), journal);
            case TASKS -> new AreaRun<TaskData>(account, area, wiring, session.tasks().orElseThrow(() ->
                    new IllegalStateException("the connector of account " + account.id() + " offers no tasks")),
                    new TaskMapping(wiring.clock()), journal);
        };
    }

    /** What a run would do; writes nothing (the groupware feed may store a listing behind an unused token). */
    List<Step<Activity, T>> preview() {
        return synchronization.read(account.conflictPolicy(), wiring.guard()).plan().steps();
    }

    /**
     * Runs the area; only steps whose key {@code chosen} accepts are applied. With {@code acceptDeletes} (an
     * administrator checked them) the mass-delete guard does not stop this run's deletes.
     */
    Reconciler.Result run(Predicate<String> chosen, BooleanSupplier cancelled, boolean acceptDeletes) {
        MassDeleteGuard guard = acceptDeletes ? wiring.guard().acknowledge() : wiring.guard();
        boolean recheck = rules.pending();
        if (recheck && anyLinks) {
            int marked = rules.prepare(groupwareSide, !privateItems.skips());
            reconciler.note("account rules", "the links of this area were made before the account's rules ("
                    + rules.describe() + ") were in force: both sides are read completely once and every linked item is "
                    + "judged by them; what they no longer take leaves the sync, nothing is deleted"
                    + (marked > 0 ? "; " + marked + " linked private item(s) are reduced to busy" : ""));
        }
        Reconciler.Result result = synchronization.run(reconciler, account.conflictPolicy(), guard,
                s -> chosen.test(key(s)), cancelled);
        if (recheck && !cancelled.getAsBoolean()) {
            rules.done();
        }
        return result;
    }

    /** The key of a step in previews: the area and the engine's key. */
    String key(Step<?, ?> step) {
        return area.name() + ":" + step.key();
    }

    ActivityArea area() {
        return area;
    }
}

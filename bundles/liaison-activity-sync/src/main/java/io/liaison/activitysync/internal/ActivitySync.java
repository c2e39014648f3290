package io.liaison.activitysync.internal;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.activitysync.GroupwareEntryKind;
import io.liaison.api.activitysync.PlannedChange;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.AreaSynchronizer;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.RunJournal;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncContext;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncService;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.api.runtime.TokenStore;
import io.liaison.sync.engine.MassDeleteGuard;
import io.liaison.sync.engine.Reconciler;
import io.liaison.sync.engine.Step;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import io.liaison.sync.engine.Synchronization;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity sync module: serves the {@code APPOINTMENTS} and {@code TASKS} areas of every sync run, the manual
 * sync's preview and run of chosen changes, and the spec's actions on single activities. A manual run is an
 * ordinary journaled run of the runtime that carries the chosen keys.
 */
@Component(service = {AreaSynchronizer.class, ActivitySyncService.class}, configurationPid = "io.liaison.activitysync")
@Designate(ocd = ActivitySyncConfig.class)
public final class ActivitySync implements AreaSynchronizer, ActivitySyncService {
    private static final Logger LOG = LoggerFactory.getLogger(ActivitySync.class);
    /** The cancelled key last reported as unknown to the CRM, so that the warning is not repeated every run. */
    private volatile String unknownCancelledStatus = "";

    /** A preview journals nothing. */
    private static final RunJournal QUIET = (area, item, outcome, message, crmId) -> { };

    private final HostCrm crm;
    private final LinkStore links;
    private final TokenStore tokens;
    private final AccountService accounts;
    private final SyncService syncService;
    private final Clock clock;
    private final Map<AccountId, Set<String>> manualChoices = new ConcurrentHashMap<>();
    private volatile ActivitySyncConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AddressResolver addressResolver;

    @Activate
    public ActivitySync(@Reference HostCrm crm, @Reference LinkStore links, @Reference TokenStore tokens,
                        @Reference AccountService accounts, @Reference SyncService syncService,
                        ActivitySyncConfig config) {
        this(crm, links, tokens, accounts, syncService, config, Clock.systemUTC());
    }

    ActivitySync(HostCrm crm, LinkStore links, TokenStore tokens, AccountService accounts, SyncService syncService,
                 ActivitySyncConfig config, Clock clock) {
        this.crm = crm;
        this.links = links;
        this.tokens = tokens;
        this.accounts = accounts;
        this.syncService = syncService;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(ActivitySyncConfig changed) {
        this.config = changed;
    }

    /** For tests and hosts that wire the module by hand: the address resolution to use, or null for none. */
    void setAddressResolver(AddressResolver resolver) {
        this.addressResolver = resolver;
    }

    @Override
    public Set<SyncArea> areas() {
        return Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS);
    }

    @Override
    public void synchronize(SyncArea area, SyncContext context) {
        ActivityArea activityArea = ActivityArea.of(area)
                .orElseThrow(() -> new IllegalArgumentException("activity sync does not serve area " + area));
        Optional<Set<String>> chosen = context.trigger() == SyncTrigger.MANUAL
                ? Optional.ofNullable(manualChoices.get(context.account().id())) : Optional.empty();
        AreaRun<?> run = AreaRun.of(activityArea, context.account(), context.session(), wiring(), context.journal());
        Reconciler.Result result = run.run(key -> chosen.map(c -> c.contains(key)).orElse(true), context::isCancelled,
                context.trigger() == SyncTrigger.ACCEPT_DELETES);
        LOG.debug("Area {} of account {}: {}", area, context.account().id(), result);
    }

    /**
     * The area was switched off: its links, marks, change-feed tokens and checked rules are forgotten, so that switched
     * on again it starts clean (a complete listing of both sides, paired by the ids the items carry). The marks that
     * keep an activity out of the groupware altogether stay.
     */
    @Override
    public void forget(AccountId account, SyncArea area) {
        ActivityArea.of(area).ifPresent(a -> {
            links.list(account, a.linkScope()).forEach(link -> links.delete(account, a.linkScope(), link.crmId()));
            new Marks(links, clock).forget(account, a);
            List<String> scopes = new ArrayList<>(Synchronization.tokenScopes(a.crmTokenScope()));
            scopes.addAll(Synchronization.tokenScopes(a.groupwareTokenScope()));
            scopes.add(RulesCheck.scope(a));
            scopes.forEach(scope -> tokens.clear(account, scope));
            LOG.info("Area {} of account {} forgotten: links, marks and tokens", area, account);
        });
    }

    @Override
    public List<PlannedChange> preview(AccountId account, Set<SyncArea> areas) {
        GroupwareAccount acc = account(account);
        List<PlannedChange> changes = new ArrayList<>();
        try (ConnectorSession session = accounts.openSession(account)) {
            for (SyncArea area : areas(acc, areas)) {
                AreaRun<?> run = AreaRun.of(ActivityArea.of(area).orElseThrow(), acc, session, wiring(), QUIET);
                for (Step<?, ?> step : run.preview()) {
                    if (step.kind() == Step.Kind.REFRESH_LINK) {
                        continue; // nothing a person would choose
                    }
                    changes.add(new PlannedChange(run.key(step), area, step.direction(), step.action(),
                            step.label() + " — " + step.reason()));
                }
            }
        }
        return changes;
    }

    @Override
    public SyncRun run(AccountId account, Set<SyncArea> areas, List<String> chosenKeys) {
        GroupwareAccount acc = account(account);
        if (manualChoices.putIfAbsent(account, Set.copyOf(chosenKeys)) != null) {
            throw new IllegalStateException("a manual activity sync of account " + account + " is under way");
        }
        try {
            return syncService.sync(account, EnumSet.copyOf(areas(acc, areas)), SyncTrigger.MANUAL);
        } finally {
            manualChoices.remove(account);
        }
    }

    @Override
    public void putIntoGroupware(EmployeeId actor, ActivityId activityId, GroupwareEntryKind kind) {
        Activity activity = activity(actor, activityId);
        ActivityArea area = ActivityArea.of(kind);
        Optional<ActivityArea> own = ActivityArea.ofType(activity.data().type());
        if (own.isPresent() && own.get() != area) {
            throw new IllegalArgumentException("activity " + activityId + " is a " + activity.data().type()
                    + ": it is synchronised as " + own.get().kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " already, not as " + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        List<GroupwareAccount> targets = accountsOf(activity.data().owner(), area);
        Marks marks = new Marks(links, clock);
        for (GroupwareAccount account : targets) {
            marks.putInto(account.id(), activityId.value(), area);
            try {
                syncService.sync(account.id(), Set.of(area.syncArea), SyncTrigger.MANUAL);
            } catch (SyncAlreadyRunningException e) {
                LOG.info("Activity {} is marked for the groupware of account {}; a run under way or the next one "
                        + "brings it there", activityId, account.id());
            }
        }
    }

    @Override
    public void deleteGroupwareEntry(EmployeeId actor, ActivityId activityId) {
        Activity activity = activity(actor, activityId);
        Marks marks = new Marks(links, clock);
        for (GroupwareAccount account : accounts.forEmployee(activity.data().owner())) {
            for (ActivityArea area : ActivityArea.values()) {
                var link = links.byCrmId(account.id(), area.linkScope(), activityId.value());
                if (link.isEmpty()) {
                    continue;
                }
                try (ConnectorSession session = accounts.openSession(account.id())) {
                    Optional<? extends ItemStore<?>> store = area == ActivityArea.APPOINTMENTS ? session.events()
                            : session.tasks();
                    if (store.isPresent()) {
                        deleteItem(store.get(), link.get().groupwareId());
                    }
                }
                links.delete(account.id(), area.linkScope(), activityId.value());
            }
            if (ActivityArea.ofType(activity.data().type()).isPresent()) {
                marks.exclude(account.id(), activityId.value());
            } else {
                marks.remove(account.id(), activityId.value());
            }
        }
    }

    private static void deleteItem(ItemStore<?> store, String id) {
        Optional<? extends io.liaison.api.connector.GroupwareItem<?>> current = store.get(id);
        if (current.isEmpty()) {
            return;
        }
        try {
            store.delete(id, current.get().version());
        } catch (ItemNotFoundException e) {
            // gone meanwhile
        }
    }

    private Activity activity(EmployeeId actor, ActivityId id) {
        return crm.activities().get(actor, id)
                .orElseThrow(() -> new IllegalArgumentException("activity " + id + " does not exist or "
                        + actor + " may not see it"));
    }

    private List<GroupwareAccount> accountsOf(EmployeeId employee, ActivityArea area) {
        List<GroupwareAccount> result = accounts.forEmployee(employee).stream()
                .filter(a -> a.state() != AccountState.DISABLED && a.areas().contains(area.syncArea)).toList();
        if (result.isEmpty()) {
            throw new IllegalStateException("employee " + employee + " has no groupware account that synchronises "
                    + area.syncArea);
        }
        return result;
    }

    private GroupwareAccount account(AccountId id) {
        return accounts.get(id).orElseThrow(() -> new AccountNotFoundException("unknown account '" + id + "'"));
    }

    /** The areas asked for that this module serves; none asked means those of the account. */
    private static List<SyncArea> areas(GroupwareAccount account, Set<SyncArea> asked) {
        Set<SyncArea> wanted = asked == null || asked.isEmpty() ? account.areas() : asked;
        return wanted.stream().filter(a -> ActivityArea.of(a).isPresent()).sorted().toList();
    }

    private AreaRun.Wiring wiring() {
        ActivitySyncConfig c = config;
        return new AreaRun.Wiring(crm, links, tokens, () -> Optional.ofNullable(addressResolver),
                linkTemplate(c.linkTemplate()),
                new ItemMapping.StatusKeys(new StatusKey(c.openStatus()), new StatusKey(c.doneStatus()),
                        cancelledStatus(c)),
                new MassDeleteGuard(c.massDeleteShare(), c.massDeleteMinLinks()), Math.max(1, c.crmPageSize()), clock);
    }

    /**
     * The configured key of cancelled appointments if the CRM knows it: an unknown key would make the CRM refuse
     * every cancelled event, so until it is defined cancelled events stay open activities (said once per key).
     */
    private Optional<StatusKey> cancelledStatus(ActivitySyncConfig c) {
        String key = c.cancelledStatus() == null ? "" : c.cancelledStatus().strip();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        StatusKey status = new StatusKey(key);
        if (crm.catalog().isKnown(status)) {
            return Optional.of(status);
        }
        if (!key.equals(unknownCancelledStatus)) {
            unknownCancelledStatus = key;
            LOG.warn("The CRM knows no status key '{}' (setting cancelledStatus): cancelled groupware events stay open "
                    + "activities until it is defined", key);
        }
        return Optional.empty();
    }

    /** The link to an activity: the template with {@code {id}} replaced by the URL-encoded id. */
    static java.util.function.Function<String, URI> linkTemplate(String template) {
        return id -> URI.create(template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }
}

package io.liaison.activitysync.internal;

import static io.liaison.sync.engine.testing.Proxies.NO_REPLACEMENT;
import static io.liaison.sync.engine.testing.Proxies.proxy;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.LinkStore;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.api.runtime.TokenStore;
import io.liaison.connector.graph.internal.EmulatorAccounts;
import io.liaison.connector.local.internal.LocalConnectorFactory;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import io.liaison.graph.emulator.Mailbox;
import io.liaison.runtime.internal.CredentialVault;
import io.liaison.runtime.internal.DefaultAccountService;
import io.liaison.runtime.internal.DefaultSyncService;
import io.liaison.runtime.internal.JdbcAccountRepository;
import io.liaison.runtime.internal.JdbcLinkStore;
import io.liaison.runtime.internal.JdbcSyncJournal;
import io.liaison.runtime.internal.JdbcTokenStore;
import io.liaison.runtime.internal.RuntimeDatabase;
import io.liaison.sync.engine.testing.SyncWrites;
import io.liaison.sync.engine.testing.SyncWrites.Crash;
import java.lang.annotation.Annotation;



import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The activity sync as it runs in Karaf, wired by hand: the embedded CRM and the runtime on in-memory H2, and either
 * the local connector on a temporary folder tree or the Graph connector on a fresh mailbox of the Graph emulator
 * ({@link Groupware}). Every write the sync makes (CRM create/update/delete, groupware create/update/delete, link
 * save/delete, token save) passes one counter, which can crash the run at the k-th write (an {@link Error}, which
 * nothing in the sync catches: the run stops dead, as with a killed process). Every call the sync makes to those
 * stores (reads included) first passes {@link Writes#hook}, where a test can act "between two calls" of a run.
 * The person's own edits go through a second, uncounted session of the same connector.
 */
final class ActivityFlow implements AutoCloseable {
    static final EmployeeId DEMO = EmployeeId.of("demo");

    final Groupware groupware;
    /** The local connector's folder tree (LOCAL), or the mailbox's UPN (GRAPH). */
    final String where;
    final JdbcHostCrm crm;
    /** The CRM's database (a test restores a backup of it). */
    final DataSource crmDb;
    final JdbcSyncJournal journal;
    final DefaultSyncService sync;
    final ActivitySync activitySync;
    final JdbcLinkStore links;
    /** The runtime's token store, uncounted (a test may set up what an earlier version left). */
    final JdbcTokenStore tokens;
    final GroupwareAccount account;
    final DefaultAccountService accounts;
    final SyncWrites writes = new SyncWrites();
    private final ConnectorSession person;

    ActivityFlow(Path dir, ConflictPolicy policy) {
        this(dir, Groupware.LOCAL, policy);
    }

    ActivityFlow(Path dir, Groupware groupware, ConflictPolicy policy) {
        this(dir, groupware, policy, 0.5, 10);
    }

    ActivityFlow(Path dir, ConflictPolicy policy, double massDeleteShare, int massDeleteMinLinks) {
        this(dir, Groupware.LOCAL, policy, massDeleteShare, massDeleteMinLinks);
    }

    ActivityFlow(Path dir, Groupware groupware, ConflictPolicy policy, double massDeleteShare, int massDeleteMinLinks) {
        this(dir, groupware, policy, massDeleteShare, massDeleteMinLinks, Optional.empty(), Map.of());
    }

    /**
     * @param groupwareClock  the Graph connector's clock (its calendar window follows it), else the system's
     * @param settingsChanges account settings that replace the defaults (Graph: a calendar window of the test's)
     */
    ActivityFlow(Path dir, Groupware groupware, ConflictPolicy policy, double massDeleteShare, int massDeleteMinLinks,
                 Optional<Clock> groupwareClock, Map<String, String> settingsChanges) {
        this.groupware = groupware;
        this.crmDb = h2("crm");
        this.crm = new JdbcHostCrm(crmDb);
        DataSource runtimeDb = h2("runtime");
        RuntimeDatabase.migrate(runtimeDb);
        this.accounts = DefaultAccountService.of(new JdbcAccountRepository(runtimeDb),
                new CredentialVault(dir.resolve("vault.key")));
        ConnectorFactory factory = groupware == Groupware.LOCAL ? new LocalConnectorFactory()
                : groupwareClock.map(EmulatorAccounts::factory).orElseGet(EmulatorAccounts::factory);
        accounts.addConnectorFactory(new CountingConnector(factory));
        this.journal = new JdbcSyncJournal(runtimeDb);
        this.sync = new DefaultSyncService(accounts, journal);
        this.links = new JdbcLinkStore(runtimeDb);
        LinkStore countedLinks = writes.counted(LinkStore.class, links, "links", Set.of("save", "delete"));
        this.tokens = new JdbcTokenStore(runtimeDb);
        TokenStore countedTokens = writes.counted(TokenStore.class, tokens, "tokens", Set.of("put"));
        this.activitySync = new ActivitySync(countedCrm(), countedLinks, countedTokens, accounts, sync,
                config(massDeleteShare, massDeleteMinLinks), Clock.systemUTC());
        sync.addAreaSynchronizer(activitySync);
        Map<String, String> settings;
        Credentials credentials;
        if (groupware == Groupware.LOCAL) {
            this.where = dir.resolve("groupware").toString();
            settings = new java.util.HashMap<>(Map.of(LocalConnectorFactory.ROOT, where,
                    LocalConnectorFactory.TIME_ZONE, "Europe/Berlin", LocalConnectorFactory.CREATE_ROOT, "true"));
            settings.putAll(settingsChanges);
            credentials = Credentials.NONE;
        } else {
            this.where = GraphWorld.newMailbox();
            settings = new java.util.HashMap<>(GraphWorld.settings(where));
            settings.putAll(settingsChanges);
            credentials = GraphWorld.credentials();
        }
        GroupwareAccount created = accounts.create(new AccountRequest(DEMO, factory.type(), settings, false, null,
                Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS), policy));
        this.account = credentials == Credentials.NONE ? created : accounts.setCredentials(created.id(), credentials);
        this.person = factory.open(new AccountContext(account.id(), DEMO, settings, credentials, renewed -> { }));
    }

    /** The Graph emulator's mailbox of this flow (GRAPH only). */
    Mailbox mailbox() {
        if (groupware != Groupware.GRAPH) {
            throw new IllegalStateException("a flow on the " + groupware + " connector has no emulated mailbox");
        }
        return GraphWorld.mailbox(where);
    }

    @Override
    public void close() {
        person.close();
    }

    SyncRun run() {
        return sync.sync(account.id(), Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS), SyncTrigger.SCHEDULED);
    }

    /** A run an administrator started after checking the deletes the mass-delete guard stopped. */
    SyncRun runAcceptingDeletes() {
        return sync.sync(account.id(), Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS), SyncTrigger.ACCEPT_DELETES);
    }

    /** A run that may crash; true when it ended normally. */
    boolean runMayCrash() {
        try {
            run();
            return true;
        } catch (Crash e) {
            return false;
        }
    }

    List<JournalEntry> entries(SyncRun run) {
        return journal.entries(run.id());
    }

    // --- the person in the CRM ---

    ActivityStore activities() {
        return crm.activities();
    }

    Activity crmCreate(ActivityType type, String subject, Instant start) {
        ActivityData.Builder b = ActivityData.builder(type, DEMO).status(new StatusKey("O")).subject(subject)
                .text("notes on " + subject).timeZone("Europe/Berlin");
        if (type.equals(ActivityType.TASK) || type.equals(ActivityType.FOLLOW_UP)) {
            b.due(start);
        } else {
            b.start(start).end(start.plus(1, ChronoUnit.HOURS));
        }
        return crm.activities().create(DEMO, b.build(), Optional.empty());
    }

    Activity crmGet(String id) {
        return crm.activities().get(DEMO, ActivityId.of(id)).orElseThrow();
    }

    Optional<Activity> crmFind(String id) {
        return crm.activities().get(DEMO, ActivityId.of(id));
    }

    Activity crmEdit(String id, String subject) {
        Activity a = crmGet(id);
        return crm.activities().update(DEMO, a.id(), a.version(), a.data().toBuilder().subject(subject).build());
    }

    /** The person changes the activity's type, as the spec's wizard asks after an import. */
    Activity crmChangeType(String id, ActivityType type) {
        Activity a = crmGet(id);
        return crm.activities().update(DEMO, a.id(), a.version(), a.data().toBuilder().type(type).build());
    }

    void crmDelete(String id) {
        Activity a = crmGet(id);
        crm.activities().delete(DEMO, a.id(), a.version());
    }

    /** The employee's activities of these types. */
    List<Activity> crmActivities(Set<ActivityType> types) {
        return crm.activities().search(DEMO, io.liaison.api.crm.ActivityQuery.all(100_000)).stream()
                .filter(a -> a.data().owner().equals(DEMO) && types.contains(a.data().type())).toList();
    }

    // --- the person in the groupware ---

    ItemStore<EventData> events() {
        return person.events().orElseThrow();
    }

    ItemStore<TaskData> tasks() {
        return person.tasks().orElseThrow();
    }

    GroupwareItem<EventData> gwCreateEvent(String subject, Instant start) {
        return events().create(EventData.simple(subject, start, start.plus(1, ChronoUnit.HOURS), "Europe/Berlin"),
                Optional.empty(), new IdempotencyKey("person-" + UUID.randomUUID()));
    }

    GroupwareItem<TaskData> gwCreateTask(String subject, Instant due) {
        return tasks().create(TaskData.simple(subject, due), Optional.empty(),
                new IdempotencyKey("person-" + UUID.randomUUID()));
    }

    GroupwareItem<EventData> gwEditEvent(String id, String subject) {
        GroupwareItem<EventData> g = events().get(id).orElseThrow();
        EventData d = g.data();
        return events().update(id, g.version(), new EventData(subject, d.bodyText(), d.start(), d.end(), d.allDay(),
                d.timeZone(), d.location(), d.organizer(), d.attendees(), d.reminder(), d.importance(), d.categories(),
                d.recurrenceRule(), d.seriesMasterId(), d.crmLink(), d.sensitivity(), d.status(), d.showAs(),
                d.participation()), g.crmId());
    }

    GroupwareItem<TaskData> gwEditTask(String id, String subject) {
        GroupwareItem<TaskData> g = tasks().get(id).orElseThrow();
        TaskData d = g.data();
        return tasks().update(id, g.version(), new TaskData(subject, d.bodyText(), d.start(), d.due(), d.status(),
                d.completedAt(), d.reminderAt(), d.importance(), d.categories(), d.crmLink(), d.sensitivity()), g.crmId());
    }

    /** The person creates an event with a body, a location and an attendee, marked with this sensitivity. */
    GroupwareItem<EventData> gwCreateEvent(String subject, Instant start, Sensitivity sensitivity) {
        EventData e = new EventData(subject, "details of " + subject, start, start.plus(1, ChronoUnit.HOURS), false,
                "Europe/Berlin", "Practice Dr. Who", Optional.empty(),
                List.of(new Participant("dr.who@example.com", "Dr. Who", ParticipantRole.REQUIRED,
                        ParticipantResponse.NONE)),
                Optional.empty(), Importance.NORMAL, List.of("Health"), Optional.empty(), Optional.empty(),
                Optional.empty(), sensitivity);
        return events().create(e, Optional.empty(), new IdempotencyKey("person-" + UUID.randomUUID()));
    }

    /** The person marks an event private, confidential or normal again. */
    GroupwareItem<EventData> gwMarkEvent(String id, Sensitivity sensitivity) {
        GroupwareItem<EventData> g = events().get(id).orElseThrow();
        return events().update(id, g.version(), g.data().withSensitivity(sensitivity), g.crmId());
    }

    /** The person marks a task private, confidential or normal again. */
    GroupwareItem<TaskData> gwMarkTask(String id, Sensitivity sensitivity) {
        GroupwareItem<TaskData> g = tasks().get(id).orElseThrow();
        return tasks().update(id, g.version(), g.data().withSensitivity(sensitivity), g.crmId());
    }

    void gwDeleteEvent(String id) {
        events().delete(id, events().get(id).orElseThrow().version());
    }

    void gwDeleteTask(String id) {
        tasks().delete(id, tasks().get(id).orElseThrow().version());
    }

    List<GroupwareItem<EventData>> gwEvents() {
        return events().changes(Optional.empty()).changed();
    }

    List<GroupwareItem<TaskData>> gwTasks() {
        return tasks().changes(Optional.empty()).changed();
    }

    /** The groupware items activities left behind when they left the area's sync (their ids). */
    Set<String> leftBehind(ActivityArea area) {
        return new Marks(links, Clock.systemUTC()).leftPairs(account.id(), area).values().stream()
                .collect(java.util.stream.Collectors.toSet());
    }

    List<Link> links(SyncArea area) {
        return links.list(account.id(), area.name());
    }

    static ActivitySyncConfig config(double share, int minLinks) {
        return new ActivitySyncConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ActivitySyncConfig.class; }
            @Override public String linkTemplate() { return "crm://activity/{id}"; }
            @Override public double massDeleteShare() { return share; }
            @Override public int massDeleteMinLinks() { return minLinks; }
            @Override public long pushDelayMillis() { return 50; }
            @Override public String openStatus() { return "O"; }
            @Override public String doneStatus() { return "E"; }
            @Override public String cancelledStatus() { return "X"; }
            @Override public int crmPageSize() { return 3; } // small pages: every run reads several
        };
    }

    static Instant at(int day, int hour) {
        return Instant.parse("2026-03-01T00:00:00Z").plus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
    }

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private HostCrm countedCrm() {
        ActivityStore activities = writes.counted(ActivityStore.class, crm.activities(), "crm",
                Set.of("create", "update", "delete"));
        return proxy(HostCrm.class, crm, (m, args) -> m.getName().equals("activities") ? activities : NO_REPLACEMENT);
    }

    /** The real connector, whose event and task writes pass the counter. */
    private final class CountingConnector implements ConnectorFactory {
        private final ConnectorFactory real;

        CountingConnector(ConnectorFactory real) {
            this.real = real;
        }

        @Override
        public String type() {
            return real.type();
        }

        @Override
        @SuppressWarnings("unchecked")
        public ConnectorSession open(AccountContext context) {
            ConnectorSession session = real.open(context);
            Set<String> writesOf = Set.of("create", "update", "delete");
            Optional<ItemStore<EventData>> events = session.events()
                    .map(s -> writes.counted(ItemStore.class, "events", s, "groupware", writesOf));
            Optional<ItemStore<TaskData>> tasks = session.tasks()
                    .map(s -> writes.counted(ItemStore.class, "tasks", s, "groupware", writesOf));
            return proxy(ConnectorSession.class, session, (m, args) -> switch (m.getName()) {
                case "events" -> events;
                case "tasks" -> tasks;
                default -> NO_REPLACEMENT;
            });
        }
    }
}

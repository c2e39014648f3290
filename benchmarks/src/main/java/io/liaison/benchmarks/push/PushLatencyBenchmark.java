package io.liaison.benchmarks.push;

import io.liaison.activitysync.internal.ActivitySync;
import io.liaison.activitysync.internal.ActivitySyncConfig;
import io.liaison.activitysync.internal.CrmChangePush;
import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorFactory;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.connector.graph.internal.EmulatorAccounts;
import io.liaison.connector.local.internal.LocalConnectorFactory;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import io.liaison.graph.emulator.GraphEmulator;
import io.liaison.runtime.internal.CredentialVault;
import io.liaison.runtime.internal.DefaultAccountService;
import io.liaison.runtime.internal.DefaultSyncService;
import io.liaison.runtime.internal.JdbcAccountRepository;
import io.liaison.runtime.internal.JdbcLinkStore;
import io.liaison.runtime.internal.JdbcSyncJournal;
import io.liaison.runtime.internal.JdbcTokenStore;
import io.liaison.runtime.internal.RuntimeDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;
import org.osgi.service.event.Event;

/**
 * Push latency (issue 16 point 5): a CRM change of an appointment → its groupware item written, with the activity
 * sync's default push delay (the debounce, read from {@link ActivitySyncConfig}'s own defaults). Each change is
 * announced as the host CRM announces it (the {@link CrmEvents#TOPIC_ACTIVITY_CHANGED} event, handed to
 * {@link CrmChangePush} as EventAdmin would), and the time until a second session of the connector (the person's
 * Outlook or calendar app) reads the new subject is taken. The baseline in the same process: the same change written
 * by a manual run started at once (no event, no debounce), so the ratio shows what push adds to a run.
 *
 * <p>Wired by hand as the activity sync's flow tests are: the embedded CRM and the runtime on H2 file databases behind
 * H2's pool, the local connector on a folder tree, or the Graph connector on a mailbox of the Graph emulator over
 * HTTPS on 127.0.0.1. {@code -Dchanges=100 -Dgroupware=local,graph}.
 */
public final class PushLatencyBenchmark {

    private static final EmployeeId DEMO = EmployeeId.of("demo");
    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "liaison-push-benchmark";
    private static final String SECRET = "push-benchmark-secret";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private PushLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = Integer.getInteger("changes", 100);
        List<String> kinds = List.of(System.getProperty("groupware", "local,graph").split(","));
        ActivitySyncConfig config = defaults();
        System.out.printf("Push latency: %d changes per groupware, push delay (default) %d ms, %d cores%n", changes,
                config.pushDelayMillis(), Runtime.getRuntime().availableProcessors());
        GraphEmulator emulator = kinds.contains("graph") ? GraphEmulator.start() : null;
        try {
            if (emulator != null) {
                emulator.registerApplication(TENANT, CLIENT_ID, SECRET);
            }
            for (String kind : kinds) {
                Path dir = Files.createTempDirectory("liaison-push-" + kind);
                try (Setup setup = new Setup(dir, kind.strip(), emulator, config)) {
                    setup.measure(changes);
                }
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    /** The configuration as Config Admin gives it when nothing is set: every attribute's default. */
    private static ActivitySyncConfig defaults() {
        return (ActivitySyncConfig) Proxy.newProxyInstance(ActivitySyncConfig.class.getClassLoader(),
                new Class<?>[] {ActivitySyncConfig.class}, (proxy, method, a) -> {
                    if (method.getName().equals("annotationType")) {
                        return ActivitySyncConfig.class;
                    }
                    Object value = method.getDefaultValue();
                    if (value == null) {
                        throw new IllegalStateException("no default for " + method.getName());
                    }
                    return value;
                });
    }

    /** One groupware: the wiring, an appointment linked by a first run, the person's session that reads it. */
    private static final class Setup implements AutoCloseable {
        private final String kind;
        private final JdbcConnectionPool crmPool;
        private final JdbcConnectionPool runtimePool;
        private final JdbcHostCrm crm;
        private final DefaultSyncService sync;
        private final JdbcSyncJournal journal;
        private final CrmChangePush push;
        private final GroupwareAccount account;
        private final ConnectorSession person;

        Setup(Path dir, String kind, GraphEmulator emulator, ActivitySyncConfig config) {
            this.kind = kind;
            this.crmPool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath(), "sa", "");
            this.crm = new JdbcHostCrm(crmPool);
            this.runtimePool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("runtime").toAbsolutePath(),
                    "sa", "");
            RuntimeDatabase.migrate(runtimePool);
            DefaultAccountService accounts = DefaultAccountService.of(new JdbcAccountRepository(runtimePool),
                    new CredentialVault(dir.resolve("vault.key")));
            ConnectorFactory factory = kind.equals("graph") ? EmulatorAccounts.factory() : new LocalConnectorFactory();
            accounts.addConnectorFactory(factory);
            this.journal = new JdbcSyncJournal(runtimePool);
            this.sync = new DefaultSyncService(accounts, journal);
            ActivitySync activitySync = new ActivitySync(crm, new JdbcLinkStore(runtimePool),
                    new JdbcTokenStore(runtimePool), accounts, sync, config);
            sync.addAreaSynchronizer(activitySync);
            Map<String, String> settings = new HashMap<>();
            Credentials credentials = Credentials.NONE;
            if (kind.equals("graph")) {
                String upn = "push@contoso.example";
                emulator.mailbox(upn);
                settings.putAll(EmulatorAccounts.applicationSettings(emulator, TENANT, upn));
                credentials = new Credentials(CLIENT_ID, Secret.of(SECRET), Map.of());
            } else {
                settings.put(LocalConnectorFactory.ROOT, dir.resolve("groupware").toString());
                settings.put(LocalConnectorFactory.CREATE_ROOT, "true");
            }
            settings.put("timeZone", "Europe/Berlin");
            GroupwareAccount created = accounts.create(new AccountRequest(DEMO, factory.type(), settings, false, null,
                    Set.of(SyncArea.APPOINTMENTS, SyncArea.TASKS), null));
            this.account = credentials == Credentials.NONE ? created : accounts.setCredentials(created.id(), credentials);
            this.push = new CrmChangePush(accounts, sync, config);
            this.person = factory.open(new AccountContext(account.id(), DEMO, settings, credentials, renewed -> { }));
        }

        void measure(int changes) throws InterruptedException {
            Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            Activity appointment = crm.activities().create(DEMO, ActivityData.builder(ActivityType.APPOINTMENT, DEMO)
                    .status(new StatusKey("O")).subject("Push 0").text("push latency").timeZone("Europe/Berlin")
                    .start(start).end(start.plus(1, ChronoUnit.HOURS)).build(), Optional.empty());
            sync.sync(account.id(), Set.of(SyncArea.APPOINTMENTS), SyncTrigger.MANUAL);
            ItemStore<EventData> events = person.events().orElseThrow();
            String eventId = awaitSubject(events, null, "Push 0")
                    .orElseThrow(() -> new IllegalStateException(kind + ": the first run wrote no event"));

            List<Long> pushed = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            int lost = 0;
            for (int i = 1; i <= changes; i++) {
                // alternating, so that a drift of the machine's load reaches both alike
                lost += change(appointment, events, eventId, "Push " + i, true, pushed) ? 0 : 1;
                lost += change(appointment, events, eventId, "Direct " + i, false, direct) ? 0 : 1;
            }
            report(pushed, direct, lost);
        }

        /** One CRM change and the time until the person's session reads it; false when it never arrived. */
        private boolean change(Activity appointment, ItemStore<EventData> events, String eventId, String subject,
                               boolean byPush, List<Long> millis) throws InterruptedException {
            awaitIdle();
            Activity now = crm.activities().get(DEMO, appointment.id()).orElseThrow();
            crm.activities().update(DEMO, now.id(), now.version(), now.data().toBuilder().subject(subject).build());
            long t0 = System.nanoTime();
            if (byPush) {
                push.handleEvent(new Event(CrmEvents.TOPIC_ACTIVITY_CHANGED,
                        Map.of(CrmEvents.PROPERTY_EMPLOYEE, DEMO.value())));
            } else {
                sync.sync(account.id(), Set.of(SyncArea.APPOINTMENTS), SyncTrigger.MANUAL);
            }
            Optional<String> seen = awaitSubject(events, eventId, subject);
            if (seen.isEmpty()) {
                return false;
            }
            millis.add((System.nanoTime() - t0) / 1_000_000);
            return true;
        }

        /** Polls the person's session (every 5 ms) until the event has the subject; empty after {@link #GIVE_UP}. */
        private Optional<String> awaitSubject(ItemStore<EventData> events, String eventId, String subject)
                throws InterruptedException {
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                Supplier<List<GroupwareItem<EventData>>> read = () -> eventId == null
                        ? events.changes(Optional.empty()).changed()
                        : events.get(eventId).map(List::of).orElse(List.of());
                for (GroupwareItem<EventData> e : read.get()) {
                    if (e.data().subject().equals(subject)) {
                        return Optional.of(e.id());
                    }
                }
                Thread.sleep(5);
            }
            return Optional.empty();
        }

        /** Waits until no run of the account is under way, so each change starts from a quiet account. */
        private void awaitIdle() throws InterruptedException {
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                List<SyncRun> runs = journal.runs(Optional.of(account.id()), 1);
                if (runs.isEmpty() || runs.get(0).endedAt().isPresent()) {
                    return;
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException(kind + ": a run did not end within " + GIVE_UP.toSeconds() + " s");
        }

        private void report(List<Long> pushed, List<Long> direct, int lost) {
            long p50 = percentile(pushed, 50);
            long p99 = percentile(pushed, 99);
            long d50 = percentile(direct, 50);
            long d99 = percentile(direct, 99);
            System.out.printf("%s: push p50 %d ms, p99 %d ms, max %d ms (%d changes) | direct run p50 %d ms, p99 %d ms "
                            + "(%d changes) | push p50 - direct p50 = %d ms; ratio p50 %.1f, p99 %.1f | target p99 <= "
                            + "2000 ms: %s%s%n", kind, p50, p99, Collections.max(pushed), pushed.size(), d50, d99,
                    direct.size(), p50 - d50, (double) p50 / Math.max(1, d50), (double) p99 / Math.max(1, d99),
                    p99 <= 2000 ? "met" : "NOT MET", lost > 0 ? " | " + lost + " changes never arrived" : "");
        }

        private static long percentile(List<Long> values, int p) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        @Override
        public void close() {
            // the push's executor thread is a daemon and idle by now (awaitIdle); its deactivation is DS's to call
            person.close();
            crmPool.dispose();
            runtimePool.dispose();
        }
    }
}

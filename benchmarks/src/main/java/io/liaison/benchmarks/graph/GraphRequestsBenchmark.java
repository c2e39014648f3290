package io.liaison.benchmarks.graph;

import io.liaison.connector.graph.internal.EmulatorAccounts;
import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.connector.graph.internal.GraphConnectorFactory;
import io.liaison.graph.emulator.GraphEmulator;
import io.liaison.graph.emulator.Mailbox;
import io.liaison.graph.emulator.Stats;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * How many Graph requests the {@code graph} connector spends, measured at the Graph emulator, in one run and one JVM:
 *
 * <ol>
 *   <li>per item kind read by delta (events by {@code calendarView/delta}, contacts, To Do tasks, the messages of one
 *       mail folder): {@code n} items in one mailbox, the requests of the initial {@code changes(empty)} against the
 *       limit ⌈n/20⌉ batches + delta pages, and of an unchanged incremental {@code changes(token)};</li>
 *   <li>many mailboxes read at once from a thread pool, several sessions per mailbox at the same time, with emulator
 *       latency: the highest number of requests in flight per mailbox (the connector's limit is 4) and overall;</li>
 *   <li>an initial read with 10 % of the requests (and batch sub-requests) answered 429 with {@code Retry-After}:
 *       every seeded item returned, none lost, against the same read without faults.</li>
 * </ol>
 *
 * System properties: {@code items} (10,000), {@code mailboxes} (200), {@code mailbox.items} (30), {@code threads}
 * (32), {@code sessions} (2 per kind and mailbox), {@code latency.ms} (5), {@code throttle.items} (2,000),
 * {@code throttle.ratio} (0.1), {@code retry.after} (0 seconds), {@code kinds} (events,contacts,tasks,messages).
 */
public final class GraphRequestsBenchmark {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT_ID = "0f6c8e3a-liaison-bench";
    static final String SECRET = "bench-secret-value";
    /** The emulator's delta page size when the client sends no {@code odata.maxpagesize} (the connector sends none). */
    static final int DELTA_PAGE = 10;
    static final int BATCH = 20;

    private final GraphEmulator emulator;
    private final GraphConnectorFactory factory = EmulatorAccounts.factory();
    private final LocalDateTime today = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    private int failures;

    private GraphRequestsBenchmark(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    /** The item kinds the connector reads by delta. */
    enum Kind {
        EVENTS, CONTACTS, TASKS, MESSAGES
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("items", 10_000);
        int mailboxes = Integer.getInteger("mailboxes", 200);
        int perMailbox = Integer.getInteger("mailbox.items", 30);
        int threads = Integer.getInteger("threads", 32);
        int sessions = Integer.getInteger("sessions", 2);
        int latency = Integer.getInteger("latency.ms", 5);
        int throttleItems = Integer.getInteger("throttle.items", 2_000);
        double ratio = Double.parseDouble(System.getProperty("throttle.ratio", "0.1"));
        int retryAfter = Integer.getInteger("retry.after", 0);
        List<Kind> kinds = new ArrayList<>();
        for (String k : System.getProperty("kinds", "events,contacts,tasks,messages").split(",")) {
            kinds.add(Kind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
        }
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s (%s), max heap %d MiB, %s %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.arch"), load());
        long start = System.nanoTime();
        try (GraphEmulator emulator = GraphEmulator.start()) {
            emulator.registerApplication(TENANT, CLIENT_ID, SECRET);
            GraphRequestsBenchmark bench = new GraphRequestsBenchmark(emulator);
            bench.requestsPerKind(kinds, n);
            bench.concurrency(mailboxes, perMailbox, threads, sessions, latency);
            bench.throttling(kinds, throttleItems, ratio, retryAfter);
            System.out.printf(Locale.ROOT, "%nTotal %.1f s; load average %s%n", (System.nanoTime() - start) / 1e9, load());
            if (bench.failures > 0) {
                System.out.println("FAILED: " + bench.failures + " check(s) failed, see above");
                System.exit(1);
            }
            System.out.println("All checks passed.");
        }
    }

    // ------------------------------------------------------------------------------------------------ part 1

    private void requestsPerKind(List<Kind> kinds, int n) {
        System.out.printf(Locale.ROOT, "%n== 1. Requests per item kind, n = %,d items in one mailbox ==%n", n);
        System.out.printf(Locale.ROOT, "Delta page size: %d (the emulator's default; the connector sends no "
                + "odata.maxpagesize), batch size %d. Limit = ceil(n/%d) batches + ceil(n/%d) delta pages = %d + %d = %d.%n",
                DELTA_PAGE, BATCH, BATCH, DELTA_PAGE, ceil(n, BATCH), ceil(n, DELTA_PAGE), ceil(n, BATCH) + ceil(n, DELTA_PAGE));
        for (Kind kind : kinds) {
            String upn = "bench-" + kind.name().toLowerCase(Locale.ROOT) + "@contoso.example";
            long t0 = System.nanoTime();
            Set<String> seeded = seed(emulator.mailbox(upn), kind, n, 0);
            double seedSeconds = (System.nanoTime() - t0) / 1e9;
            try (ConnectorSession session = factory.open(account(upn))) {
                Stats stats = emulator.stats();
                stats.reset();
                t0 = System.nanoTime();
                Read initial = read(session, kind, upn, Optional.empty());
                double initialSeconds = (System.nanoTime() - t0) / 1e9;
                int requests = stats.requests(upn);
                int subRequests = stats.batchSubRequests(upn);
                Map<String, Integer> byKind = new TreeMap<>(stats.requestsByKind(upn));
                int deltaPages = byKind.entrySet().stream().filter(e -> e.getKey().endsWith(".delta"))
                        .mapToInt(Map.Entry::getValue).sum();
                int limit = ceil(n, BATCH) + deltaPages;
                check(initial.ids().equals(seeded), kind + ": the initial read returned " + initial.ids().size()
                        + " items, the seeded ones are " + seeded.size() + " (" + missing(seeded, initial.ids()) + ")");
                check(initial.problems() == 0, kind + ": " + initial.problems() + " item problems");
                System.out.printf(Locale.ROOT, "%n%s: seeded %,d in %.1f s; initial changes(empty): %,d items in %.1f s "
                        + "[load %s]%n", kind, seeded.size(), seedSeconds, initial.ids().size(), initialSeconds, load());
                System.out.printf(Locale.ROOT, "  HTTP requests %,d (of them $batch %,d), batch sub-requests %,d, delta pages "
                        + "%,d (expected ceil(n/%d) = %,d)%n", requests, byKind.getOrDefault("batch", 0), subRequests,
                        deltaPages, DELTA_PAGE, ceil(n, DELTA_PAGE));
                System.out.printf(Locale.ROOT, "  by kind (sub-requests included): %s%n", byKind);
                System.out.printf(Locale.ROOT, "  limit ceil(n/20) + delta pages = %,d + %,d = %,d; ratio %.3f (target <= 1.1) %s%n",
                        ceil(n, BATCH), deltaPages, limit, requests / (double) limit, requests <= 1.1 * limit ? "MET" : "MISSED");

                stats.reset();
                t0 = System.nanoTime();
                Read again = read(session, kind, upn, Optional.of(initial.token()));
                double againSeconds = (System.nanoTime() - t0) / 1e9;
                int incremental = stats.requests(upn);
                check(again.ids().isEmpty() && again.removed() == 0, kind + ": the unchanged incremental read reported "
                        + again.ids().size() + " changed and " + again.removed() + " removed items");
                System.out.printf(Locale.ROOT, "  unchanged changes(token): %d request(s) for the one folder in %.3f s, %d "
                        + "changes (target 1) %s; by kind %s%n", incremental, againSeconds, again.ids().size(),
                        incremental == 1 ? "MET" : "MISSED", new TreeMap<>(stats.requestsByKind(upn)));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ part 2

    private void concurrency(int mailboxes, int perMailbox, int threads, int sessions, int latencyMillis) throws Exception {
        System.out.printf(Locale.ROOT, "%n== 2. Concurrency: %d mailboxes x %d items per kind, %d threads, %d sessions per "
                + "kind and mailbox at once (%d per mailbox), emulator latency %d ms ==%n", mailboxes, perMailbox, threads,
                sessions, sessions * Kind.values().length, latencyMillis);
        List<String> upns = new ArrayList<>();
        Map<String, Map<Kind, Set<String>>> seeded = new HashMap<>();
        for (int m = 0; m < mailboxes; m++) {
            String upn = "many" + m + "@contoso.example";
            upns.add(upn);
            Mailbox mb = emulator.mailbox(upn);
            Map<Kind, Set<String>> ids = new HashMap<>();
            for (Kind kind : Kind.values()) {
                ids.put(kind, seed(mb, kind, perMailbox, m));
            }
            seeded.put(upn, ids);
        }
        emulator.stats().reset();
        emulator.faults().latency(Duration.ofMillis(latencyMillis));
        InFlight overall = new InFlight(emulator);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            overall.start();
            List<Future<?>> futures = new ArrayList<>();
            for (String upn : upns) {
                // a mailbox's tasks lie next to each other in the queue: they run at the same time
                for (int s = 0; s < sessions; s++) {
                    for (Kind kind : Kind.values()) {
                        futures.add(pool.submit(() -> {
                            try (ConnectorSession session = factory.open(account(upn))) {
                                Read r = read(session, kind, upn, Optional.empty());
                                if (!r.ids().equals(seeded.get(upn).get(kind))) {
                                    wrong.incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                if (errors.incrementAndGet() <= 3) {
                                    System.out.println("  error: " + e);
                                }
                            }
                        }));
                    }
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            overall.stop();
            pool.shutdown();
            emulator.faults().clear();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Stats stats = emulator.stats();
        int maxPerMailbox = 0;
        long requests = 0;
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (String upn : upns) {
            int max = stats.maxConcurrent(upn);
            maxPerMailbox = Math.max(maxPerMailbox, max);
            histogram.merge(max, 1, Integer::sum);
            requests += stats.requests(upn);
        }
        check(errors.get() == 0, errors.get() + " reads failed");
        check(wrong.get() == 0, wrong.get() + " reads returned other items than seeded");
        check(maxPerMailbox <= 4, "a mailbox had " + maxPerMailbox + " requests in flight at once");
        System.out.printf(Locale.ROOT, "  %d reads (%d sessions) in %.1f s, %,d HTTP requests (%.0f/s), %d failed, %d with "
                        + "wrong items [load %s]%n", upns.size() * sessions * Kind.values().length,
                upns.size() * sessions * Kind.values().length, seconds, requests, requests / seconds, errors.get(),
                wrong.get(), load());
        System.out.printf(Locale.ROOT, "  max in flight per mailbox over all %d mailboxes: %d (must be <= 4) %s; "
                + "mailboxes by their maximum: %s%n", mailboxes, maxPerMailbox, maxPerMailbox <= 4 ? "MET" : "MISSED", histogram);
        System.out.printf(Locale.ROOT, "  max in flight overall (emulator, sampled every ~0.2 ms): %d, in %d mailboxes at "
                + "once%n", overall.maxTotal(), overall.maxMailboxes());
    }

    // ------------------------------------------------------------------------------------------------ part 3

    private void throttling(List<Kind> kinds, int n, double ratio, int retryAfter) {
        System.out.printf(Locale.ROOT, "%n== 3. Throttling: %.0f %% of requests and batch sub-requests answered 429 "
                + "(Retry-After %d s), initial read of %,d items per kind ==%n", ratio * 100, retryAfter, n);
        for (Kind kind : kinds) {
            String upn = "throttled-" + kind.name().toLowerCase(Locale.ROOT) + "@contoso.example";
            Set<String> seeded = seed(emulator.mailbox(upn), kind, n, 7);
            try (ConnectorSession session = factory.open(account(upn))) {
                Stats stats = emulator.stats();
                stats.reset();
                long t0 = System.nanoTime();
                Read clean = read(session, kind, upn, Optional.empty());
                double cleanSeconds = (System.nanoTime() - t0) / 1e9;
                int cleanRequests = stats.requests(upn);
                int cleanSubs = stats.batchSubRequests(upn);

                stats.reset();
                emulator.faults().throttle(ratio, retryAfter, 7);
                Read throttled;
                t0 = System.nanoTime();
                try {
                    throttled = read(session, kind, upn, Optional.empty());
                } catch (RuntimeException e) {
                    check(false, kind + ": the throttled read failed: " + e);
                    continue;
                } finally {
                    emulator.faults().clear();
                }
                double throttledSeconds = (System.nanoTime() - t0) / 1e9;
                int requests = stats.requests(upn);
                int subs = stats.batchSubRequests(upn);
                int count429 = stats.throttled(upn);
                check(clean.ids().equals(seeded), kind + ": the unthrottled read lost items");
                check(throttled.ids().equals(seeded), kind + ": the throttled read returned " + throttled.ids().size()
                        + " of " + seeded.size() + " items (" + missing(seeded, throttled.ids()) + ")");
                System.out.printf(Locale.ROOT, "%s: unthrottled %,d items, %,d requests + %,d sub-requests in %.1f s; "
                                + "throttled %,d items (%s), %,d requests + %,d sub-requests, %,d answered 429, in %.1f s; "
                                + "requests x%.2f [load %s]%n", kind, clean.ids().size(), cleanRequests, cleanSubs, cleanSeconds,
                        throttled.ids().size(), throttled.ids().equals(seeded) ? "all seeded ids, none lost" : "ITEMS LOST",
                        requests, subs, count429, throttledSeconds, (requests + subs) / (double) (cleanRequests + cleanSubs),
                        load());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** What a read returned: the ids of the changed items, the number of removals and problems, the next token. */
    record Read(Set<String> ids, int removed, int problems, SyncToken token) {
    }

    private Read read(ConnectorSession session, Kind kind, String upn, Optional<SyncToken> since) {
        return switch (kind) {
            case EVENTS -> items(session.events().orElseThrow().changes(since), GroupwareItem::id);
            case CONTACTS -> items(session.contacts().orElseThrow().changes(since), GroupwareItem::id);
            case TASKS -> items(session.tasks().orElseThrow().changes(since), GroupwareItem::id);
            case MESSAGES -> items(session.mail().orElseThrow().changes(emulator.mailbox(upn).folderId("inbox"), since),
                    MessageRef::id);
        };
    }

    private static <T> Read items(ChangeSet<T> changes, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        changes.changed().forEach(c -> ids.add(id.apply(c)));
        return new Read(ids, changes.removedIds().size(), changes.problems().size(), changes.next());
    }

    private Set<String> seed(Mailbox mb, Kind kind, int n, int salt) {
        Set<String> ids = new HashSet<>();
        String inbox = kind == Kind.MESSAGES ? mb.folderId("inbox") : null;
        String list = kind == Kind.TASKS ? mb.folderId("tasks") : null;
        String contacts = kind == Kind.CONTACTS ? mb.folderId("contacts") : null;
        for (int i = 0; i < n; i++) {
            ids.add(switch (kind) {
                case EVENTS -> {
                    // single events spread over the connector's window (90 days back, 365 ahead)
                    LocalDateTime start = today.plusDays(-80 + (i % 400)).plusHours(7 + (i / 400) % 12)
                            .plusMinutes(5 * ((i / 4800) % 12));
                    yield mb.addEvent(Map.of("subject", "Meeting " + salt + "-" + i,
                            "start", Map.of("dateTime", start.toString(), "timeZone", "UTC"),
                            "end", Map.of("dateTime", start.plusMinutes(30).toString(), "timeZone", "UTC"),
                            "attendees", List.of(Map.of("emailAddress", Map.of("address", "guest" + i + "@example.com",
                                    "name", "Guest " + i), "type", "required"))));
                }
                case CONTACTS -> mb.addContact(contacts, Map.of("givenName", "Anna" + i, "surname", "Muster" + salt,
                        "emailAddresses", List.of(Map.of("address", "anna" + i + "@example.com", "name", "Anna " + i)),
                        "businessPhones", List.of("+49 30 " + (1_000_000 + i))));
                case TASKS -> mb.addTodoTask(list, Map.of("title", "Call back " + salt + "-" + i,
                        "body", Map.of("content", "About offer " + i, "contentType", "text")));
                case MESSAGES -> mb.addMessage(inbox, mime(salt, i));
            });
        }
        return ids;
    }

    private static byte[] mime(int salt, int i) {
        return ("From: \"Dora Diaz\" <dora@example.com>\r\nTo: carla@contoso.com\r\nSubject: Offer " + salt + "-" + i
                + "\r\nDate: Tue, 5 Mar 2024 10:15:00 +0100\r\nMessage-ID: <bench-" + salt + "-" + i + "@example.com>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello " + i + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private AccountContext account(String upn) {
        Map<String, String> s = EmulatorAccounts.applicationSettings(emulator, TENANT, upn);
        s.put("calendarPastDays", "90");
        s.put("calendarFutureDays", "365");
        return new AccountContext(AccountId.of("bench-" + upn), EmployeeId.of("emp-bench"), s,
                new Credentials(CLIENT_ID, Secret.of(SECRET), Map.of()), c -> { });
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            failures++;
            System.out.println("  CHECK FAILED: " + message);
        }
    }

    private static String missing(Set<String> seeded, Set<String> got) {
        Set<String> lost = new HashSet<>(seeded);
        lost.removeAll(got);
        Set<String> extra = new HashSet<>(got);
        extra.removeAll(seeded);
        return lost.size() + " missing, " + extra.size() + " unexpected";
    }

    static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /**
     * Samples the emulator's per-mailbox in-flight counters (its {@code Stats} exposes only the per-mailbox maximum):
     * the highest sum seen is a lower bound of the overall maximum in flight.
     */
    static final class InFlight {
        private final Map<?, ?> counters;
        private final Field inFlight;
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile int maxTotal;
        private volatile int maxMailboxes;
        private Thread sampler;

        InFlight(GraphEmulator emulator) throws ReflectiveOperationException {
            Field stats = GraphEmulator.class.getDeclaredField("stats");
            stats.setAccessible(true);
            Object impl = stats.get(emulator);
            Field byMailbox = impl.getClass().getDeclaredField("byMailbox");
            byMailbox.setAccessible(true);
            counters = (Map<?, ?>) byMailbox.get(impl);
            inFlight = Class.forName("io.liaison.graph.emulator.StatsImpl$Counters").getDeclaredField("inFlight");
            inFlight.setAccessible(true);
        }

        void start() {
            running.set(true);
            sampler = new Thread(() -> {
                while (running.get()) {
                    int total = 0;
                    int busy = 0;
                    for (Object c : counters.values()) {
                        try {
                            int v = ((AtomicInteger) inFlight.get(c)).get();
                            total += v;
                            busy += v > 0 ? 1 : 0;
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    if (total > maxTotal) {
                        maxTotal = total;
                    }
                    if (busy > maxMailboxes) {
                        maxMailboxes = busy;
                    }
                    try {
                        Thread.sleep(0, 200_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "in-flight-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }

        int maxTotal() {
            return maxTotal;
        }

        int maxMailboxes() {
            return maxMailboxes;
        }
    }
}

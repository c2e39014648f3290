package io.liaison.benchmarks.duplicates;

import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.duplicates.internal.ContactNormalizer;
import io.liaison.duplicates.internal.DuplicateCheckComponent;
import io.liaison.duplicates.internal.DuplicateCheckConfig;
import io.liaison.duplicates.internal.DuplicateMatcher;
import io.liaison.duplicates.internal.InMemoryMatchKeyIndex;
import io.liaison.duplicates.internal.IndexedContact;
import io.liaison.duplicates.internal.MatchKeyIndex;
import io.liaison.duplicates.internal.MatchKeys;
import io.liaison.duplicates.internal.MatchSettings;
import io.liaison.duplicates.internal.NormalizedContact;
import io.liaison.duplicates.internal.PersonName;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The duplicate check at scale, in one run: the match-key index over 1,000,000 generated CRM contacts (in memory;
 * then as the duplicate check runs in production, in the JDBC tables on an H2 file database with its look-ups
 * answered from a copy in memory, through a restart that loads the copy from the tables; and with look-ups in the
 * tables), the time to check 1,000 incoming contacts, peak and live heap; and
 * the all-pairs baseline over a 10,000-contact subset against the index on the same subset, with their ratio.
 * System properties: {@code contacts} (1,000,000), {@code jdbc.contacts} (as {@code contacts}; 0 skips the JDBC
 * run), {@code incoming} (1,000), {@code baseline} (10,000).
 */
public final class DuplicateCheckBenchmark {

    private DuplicateCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = Integer.getInteger("contacts", 1_000_000);
        int jdbcContacts = Integer.getInteger("jdbc.contacts", contacts);
        int incoming = Integer.getInteger("incoming", 1_000);
        int baseline = Math.min(contacts, Integer.getInteger("baseline", 10_000));
        machine();

        long t = System.nanoTime();
        GeneratedContacts data = new GeneratedContacts(42, contacts);
        data.makeIncoming(incoming, baseline);
        System.out.printf(Locale.ROOT, "Generated %,d CRM contacts and %,d incoming in %.1f s%n", contacts, incoming, secs(t));

        inMemory(data, new GeneratedCrm(data.crm), contacts);
        allPairsBaseline(data, baseline);
        if (jdbcContacts > 0) {
            jdbc(data, Math.min(jdbcContacts, contacts));
        }
    }

    private static void inMemory(GeneratedContacts data, GeneratedCrm crm, int contacts) {
        System.out.printf(Locale.ROOT, "%n== In-memory match-key index, %,d contacts ==%n", contacts);
        Memory.resetPeaks();
        long gc = Memory.gcMillis();
        long t = System.nanoTime();
        InMemoryMatchKeyIndex index = new InMemoryMatchKeyIndex();
        DuplicateCheckComponent check = DuplicateCheckComponent.withIndex(crm, index, config(5000));
        check.catchUp();
        System.out.printf(Locale.ROOT, "index build:          %.1f s%n", secs(t));
        candidates(index, data.incoming);
        checkAll("check (first pass)", check, data.incoming);
        checkAll("check (second pass)", check, data.incoming);
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %,d MiB; live heap with index and contacts: %,d MiB; GC time %,d ms%n",
                Memory.peakHeapMiB(), Memory.liveHeapMiB(), Memory.gcMillis() - gc);
    }

    private static void allPairsBaseline(GeneratedContacts data, int baseline) {
        System.out.printf(Locale.ROOT, "%n== Baseline: all pairs vs. index, %,d-contact subset ==%n", baseline);
        GeneratedCrm subset = new GeneratedCrm(data.crm.subList(0, baseline));
        DuplicateCheckComponent check = DuplicateCheckComponent.withIndex(subset, new InMemoryMatchKeyIndex(), config(5000));
        check.catchUp();
        checkAll("index (warm-up)", check, data.incoming);
        List<DuplicateStatus> indexed = new ArrayList<>();
        long t = System.nanoTime();
        for (ContactCandidate c : data.incoming) {
            indexed.add(check.check(GeneratedCrm.EMPLOYEE, c).status());
        }
        double indexSecs = secs(t);

        ContactNormalizer normalizer = new ContactNormalizer("DE");
        DuplicateMatcher matcher = new DuplicateMatcher(MatchSettings.defaults());
        List<NormalizedContact> existing = new ArrayList<>(baseline);
        data.crm.subList(0, baseline).forEach(p -> existing.add(normalizer.normalize(p)));
        allPairs(data.incoming, existing, normalizer, matcher); // warm-up
        t = System.nanoTime();
        List<DuplicateStatus> exhaustive = allPairs(data.incoming, existing, normalizer, matcher);
        double allSecs = secs(t);
        int differ = 0;
        for (int i = 0; i < indexed.size(); i++) {
            differ += indexed.get(i) == exhaustive.get(i) ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "index:     %,d checks in %.3f s%n", data.incoming.size(), indexSecs);
        System.out.printf(Locale.ROOT, "all pairs: %,d x %,d comparisons in %.3f s (contacts normalised beforehand)%n",
                data.incoming.size(), baseline, allSecs);
        System.out.printf(Locale.ROOT, "ratio all pairs / index: %.0f x; statuses that differ: %d of %d%n",
                allSecs / indexSecs, differ, indexed.size());
        System.out.printf(Locale.ROOT, "all pairs extrapolated to %,d contacts: about %.0f s%n", data.crm.size(),
                allSecs * data.crm.size() / baseline);
    }

    /**
     * How many candidates the keys find per check, by kind of key; how many distinct names the in-memory index
     * compares for the name keys instead (it groups a key's contacts by name); and how many contacts a check
     * scores fully (the e-mail/phone candidates and those under the name keys whose names are both alike).
     */
    private static void candidates(InMemoryMatchKeyIndex index, List<ContactCandidate> incoming) {
        ContactNormalizer normalizer = new ContactNormalizer("DE");
        DuplicateMatcher matcher = new DuplicateMatcher(MatchSettings.defaults());
        long identity = 0;
        long names = 0;
        int maxNames = 0;
        long distinctNames = 0;
        int maxDistinctNames = 0;
        long scored = 0;
        for (ContactCandidate c : incoming) {
            NormalizedContact n = normalizer.normalize(c);
            int byIdentity = index.candidates(MatchKeys.identityKeys(n), Integer.MAX_VALUE).size();
            identity += byIdentity;
            int found = index.candidates(MatchKeys.lookupNameKeys(n), Integer.MAX_VALUE).size();
            names += found;
            maxNames = Math.max(maxNames, found);
            DuplicateMatcher.Probe probe = matcher.probe(n);
            int[] visited = new int[2];
            index.visitByName(MatchKeys.lookupNameKeys(n), Integer.MAX_VALUE, new MatchKeyIndex.NameVisitor() {
                @Override public boolean wants(PersonName names) {
                    visited[0]++;
                    return probe.namesAlike(names);
                }

                @Override public void accept(IndexedContact contact) {
                    visited[1]++;
                }
            });
            distinctNames += visited[0];
            maxDistinctNames = Math.max(maxDistinctNames, visited[0]);
            scored += byIdentity + visited[1];
        }
        System.out.printf(Locale.ROOT, "candidates per check: %.1f by e-mail/phone keys, %.1f by name keys (max %,d; "
                + "at most %,d per kind)%n", (double) identity / incoming.size(), (double) names / incoming.size(),
                maxNames, 2000);
        System.out.printf(Locale.ROOT, "work per check: %.1f distinct names compared under the name keys (max %,d), "
                + "%.1f contacts scored fully%n", (double) distinctNames / incoming.size(), maxDistinctNames,
                (double) scored / incoming.size());
    }

    private static List<DuplicateStatus> allPairs(List<ContactCandidate> incoming, List<NormalizedContact> existing,
                                                  ContactNormalizer normalizer, DuplicateMatcher matcher) {
        List<DuplicateStatus> statuses = new ArrayList<>();
        for (ContactCandidate c : incoming) {
            NormalizedContact n = normalizer.normalize(c);
            DuplicateStatus best = DuplicateStatus.NONE;
            for (NormalizedContact e : existing) {
                var v = matcher.match(n, e);
                if (v.isPresent() && v.get().status().compareTo(best) < 0) {
                    best = v.get().status();
                }
            }
            statuses.add(best);
        }
        return statuses;
    }

    private static void jdbc(GeneratedContacts data, int contacts) throws Exception {
        System.out.printf(Locale.ROOT, "%n== JDBC match-key index on an H2 file database, %,d contacts ==%n", contacts);
        Path dir = Path.of("target", "bench-h2");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.toAbsolutePath().resolve("liaison"), "sa", "");
        try {
            GeneratedCrm crm = new GeneratedCrm(data.crm.subList(0, contacts));
            Memory.resetPeaks();
            long t = System.nanoTime();
            // the production component and configuration: the tables, look-ups answered from the copy in memory
            DuplicateCheckComponent check = new DuplicateCheckComponent(crm, pool, config(5000));
            check.catchUp();
            System.out.printf(Locale.ROOT, "index build (tables and copy in memory): %.1f s%n", secs(t));
            checkAll("check (first pass)", check, data.incoming);
            checkAll("check (second pass)", check, data.incoming);
            System.out.printf(Locale.ROOT, "live heap with the copy in memory: %,d MiB%n", Memory.liveHeapMiB());
            check = null;
            long before = Memory.liveHeapMiB();
            t = System.nanoTime();
            DuplicateCheckComponent restarted = new DuplicateCheckComponent(crm, pool, config(5000));
            boolean rebuilt = restarted.catchUp().rebuilt();
            System.out.printf(Locale.ROOT, "restart (index kept): tables loaded into memory and caught up in %.1f s, rebuilt: %s%n",
                    secs(t), rebuilt);
            System.out.printf(Locale.ROOT, "copy in memory after the restart: %,d MiB of live heap%n",
                    Memory.liveHeapMiB() - before);
            checkAll("check after restart", restarted, data.incoming);
            checkAll("check (second pass)", restarted, data.incoming);
            restarted = null;

            DuplicateCheckComponent tablesOnly = new DuplicateCheckComponent(crm, pool, config(5000, false));
            System.out.printf(Locale.ROOT, "look-ups in the tables (lookupsInMemory=false), index kept: rebuilt: %s%n",
                    tablesOnly.catchUp().rebuilt());
            checkAll("check (first pass)", tablesOnly, data.incoming);
            checkAll("check (second pass)", tablesOnly, data.incoming);
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks): %,d MiB; database files: %,d MiB%n",
                    Memory.peakHeapMiB(), bytes / (1024 * 1024));
        } finally {
            pool.dispose();
        }
    }

    private static void checkAll(String what, DuplicateCheckComponent check, List<ContactCandidate> incoming) {
        Map<DuplicateStatus, Integer> counts = new EnumMap<>(DuplicateStatus.class);
        long[] nanos = new long[incoming.size()];
        long t = System.nanoTime();
        for (int i = 0; i < incoming.size(); i++) {
            long s = System.nanoTime();
            counts.merge(check.check(GeneratedCrm.EMPLOYEE, incoming.get(i)).status(), 1, Integer::sum);
            nanos[i] = System.nanoTime() - s;
        }
        double total = secs(t);
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-21s %,d checks in %.3f s (median %.2f ms, p99 %.2f ms, max %.2f ms) %s%n",
                what + ":", incoming.size(), total, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                nanos[nanos.length - 1] / 1e6, counts);
    }

    private static void machine() throws Exception {
        String cpu = "unknown CPU";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        }
        System.out.printf(Locale.ROOT, "Machine: %d cores (%s), %s %s, Java %s, max heap %,d MiB%n",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static DuplicateCheckConfig config(int pageSize) {
        return config(pageSize, true);
    }

    static DuplicateCheckConfig config(int pageSize, boolean lookupsInMemory) {
        return new DuplicateCheckConfig() {
            @Override public Class<? extends Annotation> annotationType() { return DuplicateCheckConfig.class; }
            @Override public String defaultRegion() { return "DE"; }
            @Override public double nameSimilarity() { return 0.90; }
            @Override public double phoneticSimilarity() { return 0.75; }
            @Override public String[] sharedMailboxNames() { return new String[0]; }
            @Override public String indexEmployee() { return ""; }
            @Override public int maxStalenessSeconds() { return 3600; }
            @Override public int pageSize() { return pageSize; }
            @Override public int maxCandidates() { return 2000; }
            @Override public int maxMatches() { return 50; }
            @Override public boolean lookupsInMemory() { return lookupsInMemory; }
            @Override public String dataSource_target() { return "(dataSourceName=liaison)"; }
        };
    }
}

package io.liaison.graph.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread-safe counters. */
final class StatsImpl implements Stats {

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final Map<String, Counters> byMailbox = new ConcurrentHashMap<>();
    private final OutlookConcurrency concurrency;

    StatsImpl(OutlookConcurrency concurrency) {
        this.concurrency = concurrency;
    }

    /** Counters of one mailbox. */
    static final class Counters {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger batchSubRequests = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final AtomicInteger withoutImmutableId = new AtomicInteger();
        final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();

        void enter() {
            int now = inFlight.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
        }

        void leave() {
            inFlight.decrementAndGet();
        }

        void kind(String kind) {
            kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    Counters of(String upn) {
        return byMailbox.computeIfAbsent(upn.toLowerCase(Locale.ROOT), k -> new Counters());
    }

    void tokenRequest() {
        tokenRequests.incrementAndGet();
    }

    @Override
    public int tokenRequests() {
        return tokenRequests.get();
    }

    @Override
    public int requests(String userPrincipalName) {
        return of(userPrincipalName).requests.get();
    }

    @Override
    public int batchSubRequests(String userPrincipalName) {
        return of(userPrincipalName).batchSubRequests.get();
    }

    @Override
    public int maxConcurrent(String userPrincipalName) {
        return of(userPrincipalName).maxConcurrent.get();
    }

    @Override
    public int runningAtOutlook(String userPrincipalName) {
        return concurrency.running(userPrincipalName);
    }

    @Override
    public int throttled(String userPrincipalName) {
        return of(userPrincipalName).throttled.get();
    }

    @Override
    public Map<String, Integer> requestsByKind(String userPrincipalName) {
        Map<String, Integer> out = new TreeMap<>();
        of(userPrincipalName).kinds.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public int requestsWithoutImmutableIdPreference(String userPrincipalName) {
        return of(userPrincipalName).withoutImmutableId.get();
    }

    @Override
    public void reset() {
        tokenRequests.set(0);
        byMailbox.values().forEach(c -> {
            c.requests.set(0);
            c.batchSubRequests.set(0);
            c.maxConcurrent.set(c.inFlight.get());
            c.throttled.set(0);
            c.withoutImmutableId.set(0);
            c.kinds.clear();
        });
    }
}

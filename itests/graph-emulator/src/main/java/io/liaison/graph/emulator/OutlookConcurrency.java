package io.liaison.graph.emulator;

import io.liaison.graph.emulator.Exchange.GraphError;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outlook's limit of {@value #LIMIT} concurrent requests per app and mailbox ("Microsoft Graph service-specific
 * throttling limits", Outlook service limits, https://learn.microsoft.com/en-us/graph/throttling-limits): every plain
 * request and every {@code $batch} step that addresses a mailbox counts while it runs (a {@code $batch} envelope does
 * not, its steps do); one more is refused with 429 {@code ApplicationThrottled}, "Application is over its
 * MailboxConcurrency limit.", the body Graph answers (Microsoft Q&amp;A 734143, 1660054, 2143058).
 */
final class OutlookConcurrency {

    static final int LIMIT = 4;

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    /** @return whether the request may run now; if so it counts until {@link #leave} */
    boolean tryEnter(String clientId, String upn) {
        AtomicInteger n = running.computeIfAbsent(key(clientId, upn), k -> new AtomicInteger());
        while (true) {
            int now = n.get();
            if (now >= LIMIT) {
                return false;
            }
            if (n.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void leave(String clientId, String upn) {
        running.get(key(clientId, upn)).decrementAndGet();
    }

    /** @return requests of every app running for that mailbox right now */
    int running(String upn) {
        String suffix = "|" + upn.toLowerCase(Locale.ROOT);
        return running.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).mapToInt(e -> e.getValue().get()).sum();
    }

    /**
     * The answer to a request beyond the limit. The {@code Retry-After} of 1 is what Microsoft's answer on Q&amp;A
     * 2143058 describes for this limit: it means "when one of your running requests has finished", not a time.
     */
    static GraphError overLimit() {
        return new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                .header("Retry-After", "1");
    }

    private static String key(String clientId, String upn) {
        return clientId + "|" + upn.toLowerCase(Locale.ROOT);
    }
}

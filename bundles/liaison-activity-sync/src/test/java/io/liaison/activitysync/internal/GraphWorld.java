package io.liaison.activitysync.internal;

import io.liaison.connector.graph.internal.EmulatorAccounts;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.graph.emulator.GraphEmulator;
import io.liaison.graph.emulator.Mailbox;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one Graph emulator of this test JVM (started on first use, closed when the JVM ends), with an application
 * that may read every mailbox; each flow gets a fresh mailbox. The settings are those the Graph connector's own
 * tests use too ({@code EmulatorAccounts} from its test jar).
 */
final class GraphWorld {
    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT_ID = "liaison-activity-sync-test";
    private static final String SECRET = "activity-sync-test-secret";
    private static final AtomicInteger MAILBOXES = new AtomicInteger();
    private static GraphEmulator emulator;

    private GraphWorld() {
    }

    /** The emulator, started on first use. Tests run one after the other, so faults set by one are seen by no other. */
    static synchronized GraphEmulator emulator() {
        if (emulator == null) {
            GraphEmulator started = GraphEmulator.start();
            started.registerApplication(TENANT, CLIENT_ID, SECRET);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "graph-emulator-close"));
            emulator = started;
        }
        return emulator;
    }

    /** A new, empty mailbox. */
    static String newMailbox() {
        String upn = "activities" + MAILBOXES.incrementAndGet() + "@contoso.example";
        emulator().mailbox(upn);
        return upn;
    }

    static Mailbox mailbox(String upn) {
        return emulator().mailbox(upn);
    }

    /** The settings of a {@code graph} account on that mailbox (no secrets). */
    static Map<String, String> settings(String upn) {
        Map<String, String> s = EmulatorAccounts.applicationSettings(emulator(), TENANT, upn);
        // the flows' dates lie in 2026; the calendar window must reach them whatever today is
        s.put("calendarPastDays", "3650");
        s.put("calendarFutureDays", "3650");
        s.put("timeZone", "Europe/Berlin");
        return s;
    }

    static Credentials credentials() {
        return new Credentials(CLIENT_ID, Secret.of(SECRET), Map.of());
    }
}

package io.liaison.connector.graph.internal;

import io.liaison.graph.emulator.GraphEmulator;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of a {@code graph} account on a Graph emulator's mailbox, for the tests of this connector and of the
 * modules that run it against the emulator (through this module's test jar).
 */
public final class EmulatorAccounts {
    private EmulatorAccounts() {
    }

    /**
     * Application sign-in to {@code upn}'s mailbox of {@code tenant} on the emulator, trusting its certificate: the
     * settings every such account needs, in a map the caller may add to (calendar window, time zone, ...).
     */
    /**
     * The Graph connector factory with a clock of the test's (its calendar window follows that clock's today), allowing
     * the emulator's host as an administrator would.
     */
    public static GraphConnectorFactory factory(java.time.Clock clock) {
        return GraphConnectorFactory.allowing(clock, EMULATOR_HOST);
    }

    /** The Graph connector factory on the system clock, allowing the emulator's host. */
    public static GraphConnectorFactory factory() {
        return factory(java.time.Clock.systemUTC());
    }

    /** The emulator listens on the loopback address. */
    public static final String EMULATOR_HOST = "127.0.0.1";

    public static Map<String, String> applicationSettings(GraphEmulator emulator, String tenant, String upn) {
        Map<String, String> s = new HashMap<>();
        s.put(GraphSettings.TENANT_ID, tenant);
        s.put(GraphSettings.MAILBOX, upn);
        s.put(GraphSettings.AUTH_MODE, "application");
        s.put(GraphSettings.GRAPH_ENDPOINT, emulator.graphBaseUrl());
        s.put(GraphSettings.AUTHORITY_HOST, emulator.authorityHost());
        s.put(GraphSettings.TRUST_STORE, emulator.trustStore().toString());
        s.put(GraphSettings.TRUST_STORE_PASSWORD, emulator.trustStorePassword());
        return s;
    }
}

package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.graph.emulator.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every connector contract test against the emulator needs, as one JUnit extension (the contract classes
 * are the tests' superclasses, so this cannot be a common base): an emulator per test class, a fresh mailbox per
 * "empty store", the sessions opened on it, closed after each test.
 */
final class GraphStores implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private GraphTestAccounts accounts;
    private String upn;
    private final List<ConnectorSession> sessions = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        accounts = new GraphTestAccounts();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        accounts.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sessions.forEach(ConnectorSession::close);
        sessions.clear();
    }

    /** A store of a new, empty mailbox. */
    <S> S openEmpty(Function<ConnectorSession, Optional<S>> store) {
        upn = accounts.newMailbox();
        return reopen(store);
    }

    /** The same mailbox's store through a new session. */
    <S> S reopen(Function<ConnectorSession, Optional<S>> store) {
        ConnectorSession session = accounts.open(upn);
        sessions.add(session);
        return store.apply(session).orElseThrow();
    }

    /** A person's edit in Outlook: a PATCH through Graph with the test's own token. */
    void editInOutlook(String path, String json) {
        accounts.editInOutlook(upn, path, json);
    }

    /** The requests the emulator counted for the current mailbox, by kind ("batch", "events.get", ...). */
    java.util.Map<String, Integer> requestsByKind() {
        return accounts.emulator.stats().requestsByKind(upn);
    }

    /** Sets the emulator's request counters back to zero. */
    void resetStats() {
        accounts.emulator.stats().reset();
    }

    /** The current mailbox as the emulator holds it. */
    Mailbox mailbox() {
        return accounts.mailbox(upn);
    }
}

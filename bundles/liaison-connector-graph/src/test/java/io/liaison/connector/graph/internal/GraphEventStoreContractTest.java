package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.connector.tck.EventStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The connector contract for events, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphEventStoreContractTest extends EventStoreContract {

    static GraphTestAccounts accounts;
    String upn;
    private final List<ConnectorSession> sessions = new ArrayList<>();

    @BeforeAll
    static void start() {
        accounts = new GraphTestAccounts();
    }

    @AfterAll
    static void stop() {
        accounts.close();
    }

    @AfterEach
    void closeSessions() {
        sessions.forEach(ConnectorSession::close);
    }

    @Override
    protected ItemStore<EventData> openEmptyStore() {
        upn = accounts.newMailbox();
        return reopenStore();
    }

    @Override
    protected ItemStore<EventData> reopenStore() {
        ConnectorSession session = accounts.open(upn);
        sessions.add(session);
        return session.events().orElseThrow();
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        accounts.editInOutlook(upn, "/events/" + itemId, "{\"subject\":\"Changed in Outlook\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        accounts.mailbox(upn).remove(itemId);
    }
}

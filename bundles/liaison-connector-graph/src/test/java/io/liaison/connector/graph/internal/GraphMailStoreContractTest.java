package io.liaison.connector.graph.internal;

import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.connector.tck.MailStoreContract;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The connector contract for mail, against the Graph emulator: messages are delivered by the emulator's back door. */
class GraphMailStoreContractTest extends MailStoreContract {

    static GraphTestAccounts accounts;
    String upn;
    private final java.util.List<io.liaison.api.connector.ConnectorSession> sessions = new java.util.ArrayList<>();

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
        sessions.forEach(io.liaison.api.connector.ConnectorSession::close);
    }

    @Override
    protected MailStore openEmptyMailbox() {
        upn = accounts.newMailbox();
        return reopenMailbox();
    }

    @Override
    protected MailStore reopenMailbox() {
        var session = accounts.open(upn);
        sessions.add(session);
        return session.mail().orElseThrow();
    }

    @Override
    protected void dropMessage(MailFolder folder, String name, InputStream content) throws Exception {
        try (content) {
            accounts.mailbox(upn).addMessage(folder.id(), content.readAllBytes());
        }
    }

    @Override
    protected void removeOutsideLiaison(String messageId) {
        accounts.mailbox(upn).remove(messageId);
    }

    @Override
    protected long largeMessageSize() {
        // the emulator holds messages in memory; 50 MB per test would be the JVM's whole heap in CI
        return 12L * 1024 * 1024;
    }
}

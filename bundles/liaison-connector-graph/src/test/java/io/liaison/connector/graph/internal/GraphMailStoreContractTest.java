package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.connector.tck.MailStoreContract;
import java.io.InputStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for mail, against the Graph emulator: messages are delivered by the emulator's back door. */
class GraphMailStoreContractTest extends MailStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    @Override
    protected MailStore openEmptyMailbox() {
        return STORES.openEmpty(ConnectorSession::mail);
    }

    @Override
    protected MailStore reopenMailbox() {
        return STORES.reopen(ConnectorSession::mail);
    }

    @Override
    protected void dropMessage(MailFolder folder, String name, InputStream content) throws Exception {
        try (content) {
            STORES.mailbox().addMessage(folder.id(), content.readAllBytes());
        }
    }

    @Override
    protected void removeOutsideLiaison(String messageId) {
        STORES.mailbox().remove(messageId);
    }

    /** Exchange's size is the message object's (PidTagMessageSizeExtended), not the MIME's length. */
    @Override
    protected boolean sizeIsTheRawBytes() {
        return false;
    }

    @Override
    protected long largeMessageSize() {
        // the emulator holds messages in memory; 50 MB per test would be the JVM's whole heap in CI
        return 12L * 1024 * 1024;
    }
}

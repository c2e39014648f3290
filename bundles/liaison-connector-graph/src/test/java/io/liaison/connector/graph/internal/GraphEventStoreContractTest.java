package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.connector.tck.EventStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for events, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphEventStoreContractTest extends EventStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    @Override
    protected ItemStore<EventData> openEmptyStore() {
        return STORES.openEmpty(ConnectorSession::events);
    }

    @Override
    protected ItemStore<EventData> reopenStore() {
        return STORES.reopen(ConnectorSession::events);
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        STORES.editInOutlook("/events/" + itemId, "{\"subject\":\"Changed in Outlook\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }
}

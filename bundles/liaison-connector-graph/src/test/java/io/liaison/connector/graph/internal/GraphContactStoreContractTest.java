package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.connector.tck.ContactStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for contacts, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphContactStoreContractTest extends ContactStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    @Override
    protected ItemStore<ContactData> openEmptyStore() {
        return STORES.openEmpty(ConnectorSession::contacts);
    }

    @Override
    protected ItemStore<ContactData> reopenStore() {
        return STORES.reopen(ConnectorSession::contacts);
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        STORES.editInOutlook("/contacts/" + itemId, "{\"personalNotes\":\"Changed in Outlook\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }
}

package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.TaskData;
import io.liaison.connector.tck.TaskStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connector contract for tasks, against the Graph emulator; a person's edits are PATCHes through Graph. */
class GraphTaskStoreContractTest extends TaskStoreContract {

    @RegisterExtension
    static final GraphStores STORES = new GraphStores();

    @Override
    protected ItemStore<TaskData> openEmptyStore() {
        return STORES.openEmpty(ConnectorSession::tasks);
    }

    @Override
    protected ItemStore<TaskData> reopenStore() {
        return STORES.reopen(ConnectorSession::tasks);
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        STORES.editInOutlook("/todo/lists/" + STORES.mailbox().folderId("tasks") + "/tasks/" + itemId,
                "{\"title\":\"Changed in To Do\"}");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }
}

package io.liaison.connector.local.internal;

import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.connector.tck.EventStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract for the local tree's Calendar folder: hand edits are made in the files as text. */
class LocalEventStoreContractTest extends EventStoreContract {

    @TempDir
    Path root;

    @Override
    protected ItemStore<EventData> openEmptyStore() {
        return LocalAccounts.open(root).events().orElseThrow();
    }

    @Override
    protected ItemStore<EventData> reopenStore() {
        return LocalAccounts.open(root).events().orElseThrow();
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        LocalAccounts.replaceLine(LocalAccounts.fileWithUid(root.resolve("Calendar"), itemId), "SUMMARY:", "SUMMARY:Changed by hand in an editor");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) throws Exception {
        Files.delete(LocalAccounts.fileWithUid(root.resolve("Calendar"), itemId));
    }
}

package io.liaison.connector.local.internal;

import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.TaskData;
import io.liaison.connector.tck.TaskStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract for the local tree's Tasks folder: hand edits are made in the files as text. */
class LocalTaskStoreContractTest extends TaskStoreContract {

    @TempDir
    Path root;

    @Override
    protected ItemStore<TaskData> openEmptyStore() {
        return LocalAccounts.open(root).tasks().orElseThrow();
    }

    @Override
    protected ItemStore<TaskData> reopenStore() {
        return LocalAccounts.open(root).tasks().orElseThrow();
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        LocalAccounts.replaceLine(LocalAccounts.fileWithUid(root.resolve("Tasks"), itemId), "SUMMARY:", "SUMMARY:Changed by hand in an editor");
    }

    @Override
    protected void removeOutsideLiaison(String itemId) throws Exception {
        Files.delete(LocalAccounts.fileWithUid(root.resolve("Tasks"), itemId));
    }
}

package io.liaison.connector.local.internal;

import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.connector.tck.MailStoreContract;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract for the local tree's mail: messages are files a person drops into folders. */
class LocalMailStoreContractTest extends MailStoreContract {

    @TempDir
    Path root;

    @Override
    protected MailStore openEmptyMailbox() {
        return LocalAccounts.open(root).mail().orElseThrow();
    }

    @Override
    protected MailStore reopenMailbox() {
        return LocalAccounts.open(root).mail().orElseThrow();
    }

    @Override
    protected void dropMessage(MailFolder folder, String name, InputStream content) throws Exception {
        try (content) {
            Files.copy(content, root.resolve("Mail").resolve(folder.id()).resolve(name + ".eml"));
        }
    }

    @Override
    protected void removeOutsideLiaison(String messageId) throws Exception {
        LocalTree tree = LocalTree.open(root);
        Files.delete(tree.mail().resolve(MailIndex.load(tree).byId(messageId).orElseThrow().path()));
    }
}

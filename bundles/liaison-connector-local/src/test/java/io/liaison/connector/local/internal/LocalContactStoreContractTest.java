package io.liaison.connector.local.internal;

import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.connector.tck.ContactStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract for the local tree's Contacts folder: hand edits are made in the files as text. */
class LocalContactStoreContractTest extends ContactStoreContract {

    @TempDir
    Path root;

    @Override
    protected ItemStore<ContactData> openEmptyStore() {
        return LocalAccounts.open(root).contacts().orElseThrow();
    }

    @Override
    protected ItemStore<ContactData> reopenStore() {
        return LocalAccounts.open(root).contacts().orElseThrow();
    }

    @Override
    protected void editOutsideLiaison(String itemId) {
        LocalAccounts.replaceLine(LocalAccounts.fileWithUid(root.resolve("Contacts"), itemId), "NOTE:", "NOTE:Changed by hand in an editor");
    }

    @Override
    protected void giveUnusablePhotoOutsideLiaison(String itemId) {
        LocalAccounts.replaceLine(LocalAccounts.fileWithUid(root.resolve("Contacts"), itemId), "END:VCARD",
                "PHOTO;VALUE=URI:https://photos.example.com/anna.jpg\r\nEND:VCARD");
    }

    @Override
    protected boolean emailAddressesHaveKinds() {
        return true;
    }

    @Override
    protected void givePrivateEmailAndNumberOutsideLiaison(String itemId) {
        LocalAccounts.replaceLine(LocalAccounts.fileWithUid(root.resolve("Contacts"), itemId), "END:VCARD",
                "EMAIL;TYPE=HOME:" + PRIVATE_EMAIL + "\r\nTEL;TYPE=CELL:" + PRIVATE_NUMBER + "\r\nEND:VCARD");
    }

    @Override
    protected boolean hasFoldersBelowTheContactsFolder() {
        return false;
    }

    /** A person's "Kunden/Berlin" directory below Contacts, and the contact's file moved into it (it keeps its UID). */
    @Override
    protected String moveToASubfolderOutsideLiaison(String itemId, String crmId, IdempotencyKey key) throws Exception {
        Path file = LocalAccounts.fileWithUid(root.resolve("Contacts"), itemId);
        Path berlin = Files.createDirectories(root.resolve("Contacts").resolve("Kunden").resolve("Berlin"));
        Files.move(file, berlin.resolve(file.getFileName()));
        return itemId;
    }

    @Override
    protected void removeOutsideLiaison(String itemId) throws Exception {
        Files.delete(LocalAccounts.fileWithUid(root.resolve("Contacts"), itemId));
    }
}

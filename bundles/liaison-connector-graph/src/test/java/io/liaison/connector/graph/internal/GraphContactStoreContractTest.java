package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.domain.Photo;
import io.liaison.connector.tck.ContactStoreContract;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.liaison.graph.emulator.Mailbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector contract for contacts, against the Graph emulator; a person's edits are PATCHes through Graph. Graph
 * takes contact photos as JPEG only ("Update profilephoto"), so a sample's PNG photo comes back as a JPEG of the same
 * image, and cannot remove a contact's photo ("Delete profilePhoto" supports user and group photos only).
 */
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
    protected ContactLimits limits() {
        return STORES.reopen(s -> Optional.of(s.contactLimits()));
    }

    /** A photo over Graph's 4 MB, as Outlook on the desktop can store: Graph reads it back, a write could not. */
    @Override
    protected void giveUnusablePhotoOutsideLiaison(String itemId) {
        byte[] jpeg = new byte[Photo.MAX_BYTES + 10];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        STORES.mailbox().setContactPhotoInOutlook(itemId, jpeg);
    }

    @Override
    protected boolean emailAddressesHaveKinds() {
        return false;
    }

    /**
     * Outlook's "E-mail 3" (one more of the contact's {@code emailAddresses}, which carry no kind) and a home phone
     * (its {@code homePhones}): Outlook holds one mobile number, so a second one goes there.
     */
    @Override
    protected void givePrivateEmailAndNumberOutsideLiaison(String itemId) {
        List<String> addresses = new java.util.ArrayList<>();
        reopenStore().get(itemId).orElseThrow().data().emails()
                .forEach(a -> addresses.add("{\"address\":\"" + a + "\"}"));
        addresses.add("{\"address\":\"" + PRIVATE_EMAIL + "\",\"name\":\"Jürgen (privat)\"}");
        STORES.editInOutlook("/contacts/" + itemId, "{\"emailAddresses\":[" + String.join(",", addresses)
                + "],\"homePhones\":[\"" + PRIVATE_NUMBER + "\"]}");
    }

    @Override
    protected boolean hasFoldersBelowTheContactsFolder() {
        return true;
    }

    /**
     * Outlook's move, as a new contact in the folder "Kunden/Berlin" below the default contacts folder carrying the
     * contact's extended properties, and the original gone (without immutable ids, a moved item gets a new id).
     */
    @Override
    protected String moveToASubfolderOutsideLiaison(String itemId, String crmId, IdempotencyKey key) {
        Mailbox mailbox = STORES.mailbox();
        String kunden = mailbox.createFolder(mailbox.folderId("contacts"), "Kunden");
        String berlin = mailbox.createFolder(kunden, "Berlin");
        String moved = mailbox.addContact(berlin, Map.of("givenName", "Jürgen2", "surname", "Müller-Lüdenscheidt",
                "singleValueExtendedProperties", List.of(
                        Map.of("id", ExtendedProperties.CRM_ID, "value", crmId),
                        Map.of("id", ExtendedProperties.KEY, "value", key.value()))));
        mailbox.remove(itemId);
        return moved;
    }

    @Override
    protected void removeOutsideLiaison(String itemId) {
        STORES.mailbox().remove(itemId);
    }

    @Override
    protected void assertSameContent(ContactData actual, ContactData expected) {
        assertThat(withoutPhoto(actual)).isEqualTo(withoutPhoto(expected));
        assertThat(actual.photo().isPresent()).isEqualTo(expected.photo().isPresent());
        expected.photo().ifPresent(written -> {
            Photo read = actual.photo().orElseThrow();
            assertThat(read.mediaType()).isEqualTo("image/jpeg");
            if (JpegPhoto.isJpeg(written.bytes())) {
                assertThat(read.bytes()).isEqualTo(written.bytes());
            } else {
                BufferedImage before = image(written.bytes());
                BufferedImage after = image(read.bytes());
                assertThat(after.getWidth()).isEqualTo(before.getWidth());
                assertThat(after.getHeight()).isEqualTo(before.getHeight());
            }
        });
    }

    private static ContactData withoutPhoto(ContactData d) {
        return new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(), d.department(),
                d.jobTitle(), d.emails(), d.businessPhones(), d.mobilePhone(), d.homePhones(), d.notes(), Optional.empty());
    }

    private static ContactData withPhoto(ContactData d, Optional<Photo> photo) {
        return new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(), d.department(),
                d.jobTitle(), d.emails(), d.businessPhones(), d.mobilePhone(), d.homePhones(), d.notes(), photo);
    }

    static BufferedImage image(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a readable image").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Update profilephoto" takes {@code Content-Type: image/jpeg}: a PNG is converted, and stored as a JPEG. */
    @Test
    void aPngPhotoIsStoredAsJpeg() {
        ItemStore<ContactData> store = openEmptyStore();
        ContactData data = sample(1);
        assertThat(data.photo()).hasValueSatisfying(p -> assertThat(p.mediaType()).isEqualTo("image/png"));

        GroupwareItem<ContactData> created = store.create(data, Optional.of("crm-1"), new IdempotencyKey("png"));

        // the emulator refuses a photo sent as anything but image/jpeg, as the page requires
        Photo stored = store.get(created.id()).orElseThrow().data().photo().orElseThrow();
        assertThat(stored.mediaType()).isEqualTo("image/jpeg");
        assertThat(JpegPhoto.isJpeg(stored.bytes())).isTrue();
        assertThat(image(stored.bytes()).getWidth()).isEqualTo(1);
    }

    /**
     * "Delete profilePhoto" does not support Outlook contacts: a photo removed in the CRM stays on the contact, no
     * DELETE is sent, and the item the update returns shows the photo still there (the caller can tell).
     */
    @Test
    void aRemovedPhotoStaysAndTheUpdateShowsIt() {
        ItemStore<ContactData> store = openEmptyStore();
        GroupwareItem<ContactData> created = store.create(sample(1), Optional.of("crm-1"), new IdempotencyKey("keep"));
        STORES.resetStats();

        GroupwareItem<ContactData> updated = store.update(created.id(), created.version(),
                withPhoto(changed(sample(1)), Optional.empty()), Optional.of("crm-1"));

        assertThat(updated.data().photo()).isEqualTo(created.data().photo());
        assertThat(updated.data().department()).isEqualTo("Sales");
        assertThat(STORES.requestsByKind()).doesNotContainKey("contacts.photo.delete");
    }

    /** A photo that is no image cannot become a JPEG: the write is refused naming the contact, and writes nothing. */
    @Test
    void aPhotoThatCannotBeConvertedIsRefusedNamingTheContact() {
        ItemStore<ContactData> store = openEmptyStore();
        byte[] broken = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ContactData data = withPhoto(ContactData.simple("Anna", "Berger", "anna@example.com"),
                Optional.of(new Photo("image/png", broken)));

        assertThatThrownBy(() -> store.create(data, Optional.of("crm-7"), new IdempotencyKey("broken")))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("'Anna Berger'")
                .hasMessageContaining("JPEG");

        assertThat(store.findByCrmId("crm-7")).isEmpty();
    }

    /**
     * "contact: delta" is documented for {@code contactFolders/{id}/contacts/delta} only: the default folder is read by
     * its id, found from a contact's {@code parentFolderId}. An empty default folder (no contact, no child folder)
     * shows no id: its read is complete and empty, and the next one reads it again.
     */
    @Test
    void theDefaultFolderIsReadByItsIdAndAnEmptyOneAgainNextTime() {
        ItemStore<ContactData> store = openEmptyStore();
        var empty = store.changes(Optional.empty());
        assertThat(empty.changed()).isEmpty();
        assertThat(empty.complete()).isTrue();
        GroupwareItem<ContactData> created = store.create(sample(2), Optional.of("crm-2"), new IdempotencyKey("later"));

        var second = reopenStore().changes(Optional.of(empty.next()));

        assertThat(second.changed()).extracting(GroupwareItem::id).containsExactly(created.id());
        assertThat(second.next().value()).contains("/contactFolders/" + STORES.mailbox().folderId("contacts") + "/contacts/delta");
        var third = reopenStore().changes(Optional.of(second.next()));
        assertThat(third.changed()).isEmpty();
        assertThat(third.complete()).isFalse();
    }

    /** Confirmations read 3 items in 2 {@code $batch} request(s) of up to 20; Graph's 404 is gone. */
    @Test
    void lookUpReadsTwentyPerBatchAndAnswersGoneForA404() throws Exception {
        lookUpWithOneRemoved(3, STORES::resetStats);
        assertThat(STORES.requestsByKind()).containsEntry("batch", 2).containsEntry("contacts.get", 3);
    }

    /**
     * Graph filters extended-property values case-insensitively ("Get singleValueLegacyExtendedProperty"): CRM ids
     * that differ only in case must still find their own item.
     */
    @Test
    void findByCrmIdTellsCrmIdsApartThatDifferOnlyInCase() {
        ItemStore<ContactData> store = openEmptyStore();
        String lower = store.create(sample(1), Optional.of("crm-abc"), new IdempotencyKey("case-1")).id();
        String upper = store.create(sample(2), Optional.of("CRM-ABC"), new IdempotencyKey("case-2")).id();

        assertThat(store.findByCrmId("CRM-ABC")).map(GroupwareItem::id).contains(upper);
        assertThat(store.findByCrmId("crm-abc")).map(GroupwareItem::id).contains(lower);
        assertThat(store.findByCrmId("Crm-Abc")).isEmpty();
    }

    /**
     * Outlook files a contact under "Surname, GivenName" by default; a contact written through Graph without
     * {@code fileAs} has an empty one and sorts under nothing in Outlook's lists. Middle name and suffix are Graph's
     * {@code middleName} and {@code generation}.
     */
    @Test
    void aContactIsFiledUnderSurnameCommaGivenNameWithItsMiddleNameAndGeneration() {
        ItemStore<ContactData> store = openEmptyStore();
        GroupwareItem<ContactData> created = store.create(sample(1), Optional.of("crm-file"), new IdempotencyKey("file"));

        java.util.Map<String, Object> stored = STORES.mailbox().item(created.id());

        assertThat(stored.get("fileAs")).isEqualTo("Müller-Lüdenscheidt, Jürgen1");
        assertThat(stored.get("middleName")).isEqualTo("Maria");
        assertThat(stored.get("generation")).isEqualTo("Jr.");
    }
}

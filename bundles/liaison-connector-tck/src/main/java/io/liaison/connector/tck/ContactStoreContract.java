package io.liaison.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.domain.Photo;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link ItemStoreContract} for contacts, with sample contacts that carry titles, company and department,
 * several e-mail addresses and phone numbers of each kind, notes and a photo.
 */
public abstract class ContactStoreContract extends ItemStoreContract<ContactData> {

    /** A real 1×1 PNG image, so that a groupware that checks photos accepts it. */
    protected static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /** What the connector's session says its contacts hold ({@code ConnectorSession.contactLimits()}). */
    protected ContactLimits limits() {
        return ContactLimits.NONE;
    }

    /**
     * Gives the contact a photo outside Liaison that the connector cannot read into a {@link Photo}: a vCard photo
     * given by URL, an Outlook photo larger than {@link Photo#MAX_BYTES}.
     */
    protected abstract void giveUnusablePhotoOutsideLiaison(String itemId) throws Exception;

    /**
     * A contact with more e-mail addresses and phone numbers than the groupware holds is written with the first ones
     * (never refused, which would stop the contact's replication for good), and the connector's limits say so.
     */
    @Test
    void entriesBeyondTheLimitsAreLeftOutNeverRefused() {
        ContactData many = sample(2).withLists(
                List.of("a1@mueller.example", "a2@mueller.example", "a3@mueller.example", "a4@mueller.example",
                        "a5@mueller.example"),
                List.of("+49 30 111", "+49 30 222", "+49 30 333"), List.of("+49 30 444", "+49 30 555", "+49 30 666"));

        GroupwareItem<ContactData> created = store.create(many, Optional.of("crm-many"), new IdempotencyKey("many"));

        ContactData read = store.get(created.id()).orElseThrow().data();
        assertSameContent(read, limits().cut(many));
        assertThat(read.emails()).startsWith("a1@mueller.example");
        GroupwareItem<ContactData> updated = store.update(created.id(), created.version(), changed(many).withLists(
                many.emails(), many.businessPhones(), many.homePhones()), Optional.of("crm-many"));
        assertThat(updated.data().department()).isEqualTo("Sales");
        assertThat(updated.data().emails()).hasSize(Math.min(5, limits().emails()));
    }

    /**
     * A photo the connector cannot use is "present but unusable", never "no photo" (a caller would take that for a
     * removed photo), and an update that does not set a photo leaves it where it is.
     */
    @Test
    void aPhotoTheConnectorCannotUseReadsAsPresentButUnusableAndStays() throws Exception {
        GroupwareItem<ContactData> created = store.create(sample(2), Optional.of("crm-photo"), new IdempotencyKey("ph"));
        giveUnusablePhotoOutsideLiaison(created.id());

        GroupwareItem<ContactData> read = store.get(created.id()).orElseThrow();
        assertThat(read.data().photo()).isEmpty();
        assertThat(read.data().photoProblem()).isPresent();
        assertThat(store.changes(Optional.empty()).changed()).singleElement()
                .satisfies(listed -> assertThat(listed.data().photoProblem()).isPresent());

        GroupwareItem<ContactData> updated = store.update(read.id(), read.version(), changed(read.data()),
                Optional.of("crm-photo"));
        assertThat(updated.data().department()).isEqualTo("Sales");
        assertThat(updated.data().photoProblem()).isPresent();
    }

    /** The private e-mail address a person gives a contact outside Liaison. */
    protected static final String PRIVATE_EMAIL = "anna@home.example";
    /** The private phone number a person gives a contact outside Liaison. */
    protected static final String PRIVATE_NUMBER = "+49 170 2222";

    /**
     * Whether the groupware gives a contact's e-mail addresses a kind: a vCard's {@code EMAIL;TYPE=HOME} (RFC 6350
     * 6.4.2) is a home address; Microsoft Graph's {@code emailAddresses} are name and address only, so a person's
     * private address there is one of the contact's addresses ({@link ContactData#homeEmails()} stays empty).
     */
    protected abstract boolean emailAddressesHaveKinds();

    /**
     * Gives the contact, outside Liaison, the private address {@link #PRIVATE_EMAIL} and the private number
     * {@link #PRIVATE_NUMBER} as a person does in the groupware: vCard {@code EMAIL;TYPE=HOME} and a second
     * {@code TEL;TYPE=CELL}; Outlook (Graph) one more entry of {@code emailAddresses}, which has no kind, and an entry
     * of {@code homePhones} (its {@code mobilePhone} is a single number).
     */
    protected abstract void givePrivateEmailAndNumberOutsideLiaison(String itemId) throws Exception;

    /**
     * The kinds of a contact's entries are the groupware's, and are kept (RFC 6350 6.4.1 TEL TYPE, 6.4.2 EMAIL TYPE;
     * Graph's {@code businessPhones}, {@code homePhones}, {@code mobilePhone}): a private number is no business number
     * and leaves the mobile number as it is. A home e-mail address is read as a home address, not as one of the
     * (business) addresses, and an update that keeps it leaves it, one without it removes it. Where addresses have no
     * kind, the private address is one of the addresses in the groupware's order, no home address is read, and an
     * update that names a home address is written without one (never refused).
     */
    @Test
    void privateEntriesKeepTheKindTheGroupwareGivesThem() throws Exception {
        GroupwareItem<ContactData> created = store.create(sample(2), Optional.of("crm-kinds"), new IdempotencyKey("kd"));
        givePrivateEmailAndNumberOutsideLiaison(created.id());
        boolean kinds = emailAddressesHaveKinds();

        GroupwareItem<ContactData> edited = store.get(created.id()).orElseThrow();
        ContactData read = edited.data();
        assertThat(read.businessPhones()).isEqualTo(sample(2).businessPhones());
        assertThat(read.mobilePhone()).isEqualTo(sample(2).mobilePhone());
        assertThat(read.businessPhones()).doesNotContain(PRIVATE_NUMBER);
        if (kinds) {
            assertThat(read.emails()).isEqualTo(sample(2).emails());
            assertThat(read.homeEmails()).containsExactly(PRIVATE_EMAIL);
        } else {
            List<String> all = new java.util.ArrayList<>(sample(2).emails());
            all.add(PRIVATE_EMAIL);
            assertThat(read.emails()).isEqualTo(all);
            assertThat(read.homeEmails()).isEmpty();
            assertThat(read.homePhones()).containsExactly(PRIVATE_NUMBER);
        }

        ContactData fromCrm = changed(read).withHomeEmails(List.of(PRIVATE_EMAIL));
        GroupwareItem<ContactData> updated = store.update(edited.id(), edited.version(), fromCrm,
                Optional.of("crm-kinds"));
        ContactData after = store.get(updated.id()).orElseThrow().data();
        assertThat(after.department()).isEqualTo("Sales");
        assertThat(after.emails()).isEqualTo(fromCrm.emails());
        assertThat(after.homeEmails()).isEqualTo(kinds ? List.of(PRIVATE_EMAIL) : List.of());
        assertThat(after.businessPhones()).isEqualTo(sample(2).businessPhones());
        assertThat(after.mobilePhone()).isEqualTo(fromCrm.mobilePhone());

        GroupwareItem<ContactData> without = store.update(updated.id(), updated.version(),
                after.withHomeEmails(List.of()), Optional.of("crm-kinds"));
        assertThat(store.get(without.id()).orElseThrow().data().homeEmails()).isEmpty();
    }

    /**
     * Whether the groupware holds contacts in folders below the contacts folder, as Outlook's contact folders do
     * ({@code contactFolder} has {@code childFolders}). The local tree's contacts folder is one vdir collection, which
     * holds items and no collections (vdirsyncer, pimsync and khard read no directory below it).
     */
    protected abstract boolean hasFoldersBelowTheContactsFolder();

    /**
     * Moves the contact, outside Liaison, into a folder two levels below the contacts folder ("Kunden/Berlin"), as a
     * person sorting contacts does; where the groupware has such folders the moved contact keeps its CRM id and
     * idempotency key and may get another id, elsewhere it is a directory a person made there.
     *
     * @return the contact's id in its new folder
     */
    protected abstract String moveToASubfolderOutsideLiaison(String itemId, String crmId, IdempotencyKey key)
            throws Exception;

    /**
     * A contact a person moved to another folder of the contacts is found by its CRM id and by its idempotency key,
     * so that a re-export takes it instead of creating a second one. Where there are no folders below the contacts
     * folder, a contact moved below it has left the contacts as one moved out of them: it is neither listed nor found,
     * and a re-export writes the one contact the groupware then holds for the CRM id.
     */
    @Test
    void aContactMovedToAnotherFolderIsFoundBeforeASecondOneIsCreated() throws Exception {
        IdempotencyKey key = new IdempotencyKey("moved");
        GroupwareItem<ContactData> created = store.create(sample(2), Optional.of("crm-moved"), key);
        String moved = moveToASubfolderOutsideLiaison(created.id(), "crm-moved", key);

        if (hasFoldersBelowTheContactsFolder()) {
            assertThat(store.findAllByCrmId("crm-moved")).extracting(GroupwareItem::id).containsExactly(moved);
            assertThat(store.findByCrmId("crm-moved")).map(GroupwareItem::id).contains(moved);
            assertThat(store.create(sample(2), Optional.of("crm-moved"), key).id()).isEqualTo(moved);
        } else {
            assertThat(store.changes(Optional.empty()).changed()).isEmpty();
            assertThat(store.findAllByCrmId("crm-moved")).isEmpty();
            assertThat(store.get(moved)).isEmpty();
            GroupwareItem<ContactData> again = store.create(sample(2), Optional.of("crm-moved"), key);
            assertThat(store.findAllByCrmId("crm-moved")).extracting(GroupwareItem::id).containsExactly(again.id());
        }
        assertThat(store.findAllByCrmId("crm-moved")).hasSize(1);
    }

    /** Samples with odd {@code n} carry a middle name and a suffix (vCard N's five parts, Graph middleName/generation). */
    @Override
    protected ContactData sample(int n) {
        boolean odd = n % 2 == 1;
        return odd ? sampleData(n, true).withMiddleNameAndSuffix("Maria", "Jr.") : sampleData(n, false);
    }

    private static ContactData sampleData(int n, boolean odd) {
        return new ContactData(odd ? "Dr." : "", "Jürgen" + n, "Müller-Lüdenscheidt",
                odd ? "Dr. Jürgen Müller-Lüdenscheidt (" + n + ")" : "", "Müller & Söhne GmbH", "Purchasing",
                "Head of purchasing", List.of("juergen" + n + "@mueller.example", "jm" + n + "@private.example"),
                List.of("+49 30 1234" + n), "+49 171 555" + n, odd ? List.of("+49 30 9876" + n) : List.of(),
                "Met at the fair, line one\nline two; with a semicolon, and a comma",
                odd ? Optional.of(new Photo("image/png", PNG)) : Optional.empty());
    }

    @Override
    protected ContactData changed(ContactData d) {
        return new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(), "Sales",
                "Managing director", List.of("new." + d.emails().get(0)), d.businessPhones(), "+49 172 000111",
                List.of(), d.notes() + "\nChanged by the CRM.", d.photo(), Optional.empty(), d.middleName(),
                d.suffix());
    }

    /** Middle names and a suffix are stored and read back, and an update that leaves them out removes them. */
    @Test
    void middleNameAndSuffixAreKeptAndCanBeRemoved() {
        GroupwareItem<ContactData> created = store.create(sample(1), Optional.of("crm-names"), new IdempotencyKey("nm"));
        assertThat(created.data().middleName()).isEqualTo("Maria");
        assertThat(created.data().suffix()).isEqualTo("Jr.");

        GroupwareItem<ContactData> updated = store.update(created.id(), created.version(),
                created.data().withMiddleNameAndSuffix("", ""), Optional.of("crm-names"));

        assertThat(updated.data().middleName()).isEmpty();
        assertThat(updated.data().suffix()).isEmpty();
        assertThat(store.get(created.id()).orElseThrow().data().givenName()).isEqualTo("Jürgen1");
    }

    /**
     * Every contact carrying a CRM id is found: a person's copy of a contact (Outlook's copy, a copied file) carries the
     * original's CRM id, and a caller must see that there are two rather than take one of them.
     */
    @Test
    void everyItemCarryingACrmIdIsFound() {
        GroupwareItem<ContactData> original = create(1, "crm-copied");
        GroupwareItem<ContactData> copy = store.create(sample(2), Optional.of("crm-copied"), new IdempotencyKey("the-copy"));
        create(3, "crm-other");

        assertThat(store.findAllByCrmId("crm-copied")).extracting(GroupwareItem::id)
                .containsExactlyInAnyOrder(original.id(), copy.id());
        assertThat(store.findAllByCrmId("crm-other")).hasSize(1);
        assertThat(store.findAllByCrmId("crm-none")).isEmpty();
    }
}

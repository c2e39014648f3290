package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.Telephone;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.PostalAddress;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM update of a contact merges into the person's vCard: FAX and PAGER numbers, a photo given by URL
 * (PHOTO;VALUE=uri), the HOME/WORK types of the e-mail addresses, a second mobile number (CELL), N's middle names
 * and suffix, groups with their labels, addresses and birthday all survive, and what the CRM changed is read back.
 * The card is ez-vcard's Mac Address Book test card (mangstadt/ez-vcard,
 * branches/scribes/src/test/resources/ezvcard/io/text/John_Doe_MAC_ADDRESS_BOOK.vcf) without its 25 kB embedded photo, with a
 * PHOTO;VALUE=uri line as vcard-creator's tests write it (jeroendesloovere/vcard-creator), a second CELL number and a
 * HOME e-mail address added.
 */
class ContactMergeTest {

    @TempDir
    Path root;

    private ItemStore<ContactData> contacts;
    private GroupwareItem<ContactData> john;

    @BeforeEach
    void placeTheCard() throws Exception {
        Path dir = LocalTree.open(root).contacts();
        try (InputStream in = getClass().getResourceAsStream("/samples/ezvcard-mac-address-book-john-doe.vcf")) {
            Files.write(dir.resolve("john-doe.vcf"), in.readAllBytes());
        }
        contacts = LocalAccounts.open(root).contacts().orElseThrow();
        john = contacts.changes(Optional.empty()).changed().get(0);
    }

    @Test
    void theCardReadsAsTheCrmModelsIt() {
        ContactData d = john.data();
        // RFC 6350 6.4.2: the address typed HOME is a home address, not one of the contact's (business) addresses
        assertThat(d.emails()).containsExactly("john.doe@ibm.com");
        assertThat(d.homeEmails()).containsExactly("johnny@home.example");
        assertThat(d.mobilePhone()).isEqualTo("905-555-1234");
        // fax, pager and the second mobile number have no place in ContactData: they are the card's own
        assertThat(d.businessPhones()).containsExactly("905-777-1234", "905-222-1234");
        assertThat(d.homePhones()).containsExactly("905-666-1234");
        assertThat(d.webPages()).containsExactly("http://www.ibm.com");
        assertThat(d.birthday()).contains(LocalDate.of(2012, 6, 6));
        assertThat(d.postalAddresses()).containsExactly(HOME, WORK);
        assertThat(d.photo()).isEmpty();
        // the photo given by URL is there, but not one Liaison fetches: "present but unusable", not "no photo"
        assertThat(d.photoProblem()).hasValueSatisfying(p -> assertThat(p).contains("https://example.com/img/photo.jpg"));
    }

    @Test
    void aCrmEditOfTheJobTitleAndANewNumberKeepsEverythingTheCrmDoesNotModel() {
        ContactData d = john.data();
        List<String> business = new ArrayList<>(d.businessPhones());
        business.add("905-333-1234");
        ContactData edited = new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(),
                d.department(), "Chief Money Counter", d.emails(), business, d.mobilePhone(), d.homePhones(),
                d.notes(), d.photo(), d.photoProblem(), d.middleName(), d.suffix()).withHomeEmails(d.homeEmails())
                .withWebPages(d.webPages()).withBirthday(d.birthday()).withPostalAddresses(d.postalAddresses());

        contacts.update(john.id(), john.version(), edited, Optional.of("crm-42"));

        VCard card = writtenCard();
        assertThat(phone(card, "905-888-1234").getTypes()).contains(TelephoneType.HOME, TelephoneType.FAX);
        assertThat(phone(card, "905-999-1234").getTypes()).contains(TelephoneType.WORK, TelephoneType.FAX);
        assertThat(phone(card, "905-111-1234").getTypes()).contains(TelephoneType.PAGER);
        assertThat(phone(card, "905-444-1234").getTypes()).containsExactly(TelephoneType.CELL);
        assertThat(phone(card, "905-555-1234").getTypes()).containsExactly(TelephoneType.CELL);
        assertThat(phone(card, "905-222-1234").getGroup()).isEqualTo("item1");
        assertThat(card.getExtendedProperties("X-ABLabel")).extracting(p -> p.getValue())
                .contains("AssistantPhone", "_$!<HomePage>!$_");
        assertThat(email(card, "john.doe@ibm.com").getTypes()).contains(EmailType.WORK, EmailType.PREF);
        assertThat(email(card, "johnny@home.example").getTypes()).contains(EmailType.HOME)
                .doesNotContain(EmailType.PREF);
        assertThat(card.getPhotos()).singleElement().satisfies(p ->
                assertThat(p.getUrl()).isEqualTo("https://example.com/img/photo.jpg"));
        assertThat(card.getStructuredName().getAdditionalNames()).containsExactly("Richter,James");
        assertThat(card.getStructuredName().getSuffixes()).containsExactly("Sr.");
        assertThat(card.getAddresses()).hasSize(2);
        assertThat(card.getBirthday().getDate()).isEqualTo(LocalDate.of(2012, 6, 6));
        assertThat(card.getNickname().getValues()).containsExactly("Johny");
        assertThat(card.getUrls()).singleElement().satisfies(u -> {
            assertThat(u.getValue()).isEqualTo("http://www.ibm.com");
            assertThat(u.getGroup()).isEqualTo("item4");
        });

        ContactData back = contacts.get(john.id()).orElseThrow().data();
        assertThat(back).isEqualTo(edited);
    }

    @Test
    void anotherPrimaryAddressFromTheCrmMovesThePreferenceAndKeepsTheTypes() {
        ContactData d = john.data();
        ContactData edited = d.withLists(List.of("j.doe@ibm.com", "john.doe@ibm.com"), d.businessPhones(),
                d.homePhones());

        contacts.update(john.id(), john.version(), edited, Optional.empty());

        VCard card = writtenCard();
        assertThat(email(card, "j.doe@ibm.com").getTypes()).contains(EmailType.PREF);
        assertThat(email(card, "john.doe@ibm.com").getTypes()).contains(EmailType.WORK)
                .doesNotContain(EmailType.PREF);
        assertThat(email(card, "johnny@home.example").getTypes()).contains(EmailType.HOME)
                .doesNotContain(EmailType.PREF);
        assertThat(contacts.get(john.id()).orElseThrow().data()).isEqualTo(edited);
    }

    /** A home address that becomes one of the contact's addresses is written without HOME, so that it reads as one. */
    @Test
    void aHomeAddressMadeABusinessOneLosesItsHomeType() {
        ContactData d = john.data();
        ContactData edited = d.withLists(List.of("johnny@home.example", "john.doe@ibm.com"), d.businessPhones(),
                d.homePhones()).withHomeEmails(List.of());

        contacts.update(john.id(), john.version(), edited, Optional.empty());

        assertThat(email(writtenCard(), "johnny@home.example").getTypes()).contains(EmailType.PREF)
                .doesNotContain(EmailType.HOME);
        assertThat(contacts.get(john.id()).orElseThrow().data()).isEqualTo(edited);
    }

    @Test
    void aNumberTheCrmRemovedGoesAndTheOthersStay() {
        ContactData d = john.data();
        ContactData edited = new ContactData(d.title(), d.givenName(), d.surname(), d.displayName(), d.company(),
                d.department(), d.jobTitle(), d.emails(), List.of("905-777-1234"), d.mobilePhone(),
                List.of(), d.notes(), d.photo(), d.photoProblem(), d.middleName(), d.suffix())
                .withHomeEmails(d.homeEmails());

        contacts.update(john.id(), john.version(), edited, Optional.empty());

        VCard card = writtenCard();
        assertThat(card.getTelephoneNumbers()).extracting(ContactMerge::number)
                .doesNotContain("905-222-1234", "905-666-1234")
                .contains("905-888-1234", "905-999-1234", "905-111-1234");
        assertThat(phone(card, "905-444-1234").getTypes()).containsExactly(TelephoneType.CELL);
        assertThat(contacts.get(john.id()).orElseThrow().data()).isEqualTo(edited);
    }

    /** The card's two ADR lines: item2 typed HOME and PREF, item3 typed WORK with a street of three lines. */
    private static final PostalAddress HOME = new PostalAddress(PostalAddress.Kind.HOME, "Silicon Alley 5,", "12345",
            "New York", "New York", "United States of America");
    private static final PostalAddress WORK = new PostalAddress(PostalAddress.Kind.BUSINESS,
            "Street4\nBuilding 6\nFloor 8", "12345", "New York", "", "USA");

    /** A changed business address is written into the card's WORK ADR, which keeps its group; the home one stays. */
    @Test
    void aChangedAddressKeepsItsAdrAndTheOtherStaysAsItWas() {
        ContactData d = john.data();
        PostalAddress moved = new PostalAddress(PostalAddress.Kind.BUSINESS, "1 New Road", "10001", "New York", "NY",
                "USA");
        PostalAddress other = new PostalAddress(PostalAddress.Kind.OTHER, "", "", "Boston", "", "");
        ContactData edited = d.withPostalAddresses(List.of(HOME, moved, other));

        contacts.update(john.id(), john.version(), edited, Optional.empty());

        VCard card = writtenCard();
        assertThat(card.getAddresses()).hasSize(3);
        assertThat(card.getAddresses().get(0).getGroup()).isEqualTo("item2");
        assertThat(card.getAddresses().get(0).getTypes()).contains(AddressType.HOME, AddressType.PREF);
        assertThat(card.getAddresses().get(1).getGroup()).isEqualTo("item3");
        assertThat(card.getAddresses().get(1).getTypes()).containsExactly(AddressType.WORK);
        assertThat(card.getAddresses().get(1).getStreetAddress()).isEqualTo("1 New Road");
        assertThat(card.getAddresses().get(2).getTypes()).isEmpty();
        assertThat(contacts.get(john.id()).orElseThrow().data().postalAddresses()).containsExactly(HOME, moved, other);
    }

    /**
     * RFC 6350 6.2.5 allows a birthday without a year ({@code --0415}): it reads with the year 1604, stays as the card
     * has it while it does not change, and a birthday set without a year is written in that form again.
     */
    @Test
    void aBirthdayWithoutAYearSurvivesAnUpdateAndIsWrittenWithoutOne() throws Exception {
        Path file = root.resolve("Contacts/jane.vcf");
        Files.writeString(file, "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:jane-1\r\nFN:Jane Roe\r\nN:Roe;Jane;;;\r\n"
                + "BDAY:--0415\r\nEND:VCARD\r\n");
        GroupwareItem<ContactData> jane = contacts.changes(Optional.empty()).changed().stream()
                .filter(i -> i.data().surname().equals("Roe")).findFirst().orElseThrow();
        assertThat(jane.data().birthday()).contains(LocalDate.of(1604, 4, 15));

        contacts.update(jane.id(), jane.version(), jane.data().withLists(List.of("jane@roe.example"), List.of(),
                List.of()), Optional.empty());
        assertThat(Files.readString(file)).contains("BDAY:--0415");
        GroupwareItem<ContactData> read = contacts.get(jane.id()).orElseThrow();
        assertThat(read.data().birthday()).contains(LocalDate.of(1604, 4, 15));

        contacts.update(read.id(), read.version(), read.data().withBirthday(Optional.of(LocalDate.of(1604, 2, 29))),
                Optional.empty());
        VCard card = Ezvcard.parse(LocalAccounts.read(file)).first();
        assertThat(card.getBirthday().getPartialDate().getYear()).isNull();
        assertThat(contacts.get(jane.id()).orElseThrow().data().birthday()).contains(LocalDate.of(1604, 2, 29));
    }

    private VCard writtenCard() {
        return Ezvcard.parse(LocalAccounts.read(root.resolve("Contacts/john-doe.vcf"))).first();
    }

    private static Telephone phone(VCard card, String number) {
        return card.getTelephoneNumbers().stream().filter(t -> number.equals(ContactMerge.number(t))).findFirst()
                .orElseThrow(() -> new AssertionError("no TEL " + number));
    }

    private static Email email(VCard card, String address) {
        return card.getEmails().stream().filter(e -> address.equals(e.getValue())).findFirst()
                .orElseThrow(() -> new AssertionError("no EMAIL " + address));
    }
}

package io.liaison.contactreplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.ContactLimits;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPersonData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The field mapping keeps each side's own fields and round-trips the shared ones. */
class ContactMappingTest {
    private static final ContactPersonData CRM = new ContactPersonData(Optional.of(BusinessPartnerId.of("7")), "Herr",
            "Dr.", "Hans", "Schmidt", "Einkauf", "Leitung", List.of(
            Communication.email("hans@firma.de", true), Communication.email("h.schmidt@firma.de", false),
            new Communication(CommunicationType.PHONE, "030 1234", true),
            new Communication(CommunicationType.MOBILE, "0171 1", true),
            new Communication(CommunicationType.MOBILE, "0171 2", false),
            new Communication(CommunicationType.FAX, "030 9999", true)));

    @Test
    void crmToGroupwareAndBackKeepsEverySharedAndEveryOwnField() {
        ContactData existing = new ContactData("", "", "", "Hansi", "Alt GmbH", "", "", List.of(), List.of(), "",
                List.of("030 privat"), "notes", Optional.empty());

        ContactData gw = ContactMapping.toGroupware(CRM, Optional.of("Firma GmbH"), Optional.empty(), Optional.of(existing),
                ContactLimits.NONE);

        assertThat(gw.emails()).containsExactly("hans@firma.de", "h.schmidt@firma.de");
        assertThat(gw.mobilePhone()).isEqualTo("0171 1");
        assertThat(gw.businessPhones()).containsExactly("030 1234");
        assertThat(List.of(gw.displayName(), gw.company(), gw.notes(), gw.jobTitle(), gw.department()))
                .containsExactly("Hansi", "Firma GmbH", "notes", "Einkauf", "Leitung");
        assertThat(gw.homePhones()).containsExactly("030 privat");

        ContactPersonData back = ContactMapping.toCrm(CRM, gw, ContactLimits.NONE);
        assertThat(back.salutation()).isEqualTo("Herr");
        assertThat(back.businessPartner()).isEqualTo(CRM.businessPartner());
        assertThat(back.communications()).containsExactlyInAnyOrderElementsOf(CRM.communications());
        assertThat(ContactMapping.sharedHash(ContactMapping.toGroupware(back, Optional.empty(), Optional.empty(),
                Optional.of(gw), ContactLimits.NONE), true)).isEqualTo(ContactMapping.sharedHash(gw, true));
    }

    /** Microsoft Graph's limits (microsoft-graph-docs issue 15276): 3 e-mail addresses, 2 business, 2 home numbers. */
    private static final ContactLimits GRAPH = new ContactLimits(3, 2, 2);

    private static final ContactPersonData MANY = new ContactPersonData(Optional.of(BusinessPartnerId.of("7")), "",
            "", "Vera", "Viel", "", "", List.of(
            Communication.email("v1@firma.de", true), Communication.email("v2@firma.de", false),
            Communication.email("v3@firma.de", false), Communication.email("v4@firma.de", false),
            Communication.email("v5@firma.de", false),
            new Communication(CommunicationType.PHONE, "030 1", true),
            new Communication(CommunicationType.PHONE, "030 2", false),
            new Communication(CommunicationType.PHONE, "030 3", false)));

    @Test
    void theGroupwareGetsWhatItHoldsAndIsToldWhatStaysInTheCrm() {
        ContactData gw = ContactMapping.toGroupware(MANY, Optional.empty(), Optional.empty(), Optional.empty(), GRAPH);

        assertThat(gw.emails()).containsExactly("v1@firma.de", "v2@firma.de", "v3@firma.de");
        assertThat(gw.businessPhones()).containsExactly("030 1", "030 2");
        assertThat(ContactMapping.leftOut(MANY, GRAPH)).containsExactly(
                "the groupware holds at most 3 e-mail addresses: v4@firma.de, v5@firma.de not written there; kept in "
                        + "the CRM",
                "the groupware holds at most 2 business phone numbers: 030 3 not written there; kept in the CRM");
        assertThat(ContactMapping.leftOut(CRM, GRAPH)).isEmpty();
    }

    @Test
    void aGroupwareChangeKeepsTheCrmEntriesTheGroupwareNeverHeld() {
        ContactData gw = ContactMapping.toGroupware(MANY, Optional.empty(), Optional.empty(), Optional.empty(), GRAPH);
        ContactData edited = gw.withLists(List.of("v1@firma.de", "neu@firma.de"), List.of("030 1", "030 9"),
                List.of());

        ContactPersonData back = ContactMapping.toCrm(MANY, edited, GRAPH);

        assertThat(back.valuesOf(CommunicationType.EMAIL))
                .containsExactly("v1@firma.de", "neu@firma.de", "v4@firma.de", "v5@firma.de");
        assertThat(back.valuesOf(CommunicationType.PHONE)).containsExactly("030 1", "030 9", "030 3");
        // unchanged content on both sides hashes alike, so a pair at the limits is not written again and again
        assertThat(ContactMapping.sharedHash(ContactMapping.toGroupware(MANY, Optional.empty(), Optional.empty(),
                Optional.empty(), GRAPH), true)).isEqualTo(ContactMapping.sharedHash(gw, true));
        assertThat(ContactMapping.toCrm(MANY, gw, GRAPH).communications())
                .containsExactlyInAnyOrderElementsOf(MANY.communications());
    }

    @Test
    void aContactWithOnlyADisplayNameGetsItsNamesFromIt() {
        ContactData gw = new ContactData("", "", "", "Maria von Berg", "", "", "", List.of("m@x.de"), List.of(), "",
                List.of(), "", Optional.empty());

        ContactPersonData crm = ContactMapping.newCrmContact(BusinessPartnerId.of("1"), gw);

        assertThat(crm.firstName()).isEqualTo("Maria");
        assertThat(crm.lastName()).isEqualTo("von Berg");
    }

    /** Particles belong to the last name (the usual sort and filing of such names); the last word alone otherwise. */
    @Test
    void aDisplayNameIsSplitWithParticlesInMind() {
        assertThat(ContactMapping.splitDisplayName("Ludwig van Beethoven")).containsExactly("Ludwig", "van Beethoven");
        assertThat(ContactMapping.splitDisplayName("Ursula von der Leyen")).containsExactly("Ursula", "von der Leyen");
        assertThat(ContactMapping.splitDisplayName("Maria de la Cruz")).containsExactly("Maria", "de la Cruz");
        assertThat(ContactMapping.splitDisplayName("Johann Sebastian Bach")).containsExactly("Johann Sebastian", "Bach");
        assertThat(ContactMapping.splitDisplayName(" Cher ")).containsExactly("", "Cher");
        // a particle is never all of the first name
        assertThat(ContactMapping.splitDisplayName("van Gogh")).containsExactly("van", "Gogh");
    }

    /** Middle names and a suffix are the groupware's: a CRM update keeps them. */
    @Test
    void middleNamesAndSuffixSurviveACrmUpdate() {
        ContactData existing = ContactData.simple("Hans", "Schmidt", "hans@firma.de").withMiddleNameAndSuffix("Peter",
                "Jr.");

        ContactData gw = ContactMapping.toGroupware(CRM, Optional.empty(), Optional.empty(), Optional.of(existing),
                ContactLimits.NONE);

        assertThat(gw.middleName()).isEqualTo("Peter");
        assertThat(gw.suffix()).isEqualTo("Jr.");
    }

    @Test
    void exportKeysAreStableSafeAndDistinct() {
        var account = io.liaison.api.domain.AccountId.of("acc-1");
        assertThat(ReplicationKeys.exportKey(account, io.liaison.api.domain.ContactPersonId.of("12")).value())
                .isEqualTo("liaison-contact-acc-1-12");
        assertThat(ReplicationKeys.exportKey(account, io.liaison.api.domain.ContactPersonId.of("a/b")))
                .isNotEqualTo(ReplicationKeys.exportKey(account, io.liaison.api.domain.ContactPersonId.of("a:b")));
    }

    /**
     * A home e-mail address (vCard EMAIL;TYPE=HOME, RFC 6350 6.4.2) is the groupware's own: it is not written into the
     * CRM, whose addresses are business ones, and the CRM's address of the same value stays a home address in the
     * groupware and stays in the CRM.
     */
    @Test
    void aHomeEmailIsNoBusinessAddressOfTheCrm() {
        ContactData gw = ContactData.simple("Anna", "Berg", "anna@firma.de").withHomeEmails(List.of("anna@home.example"));

        ContactPersonData imported = ContactMapping.newCrmContact(BusinessPartnerId.of("7"), gw);

        assertThat(imported.valuesOf(CommunicationType.EMAIL)).containsExactly("anna@firma.de");
    }

    @Test
    void aHomeEmailTheCrmAlsoHoldsStaysHomeOnTheWayThroughTheCrmAndBack() {
        ContactPersonData crm = new ContactPersonData(Optional.of(BusinessPartnerId.of("7")), "", "", "Anna", "Berg",
                "", "", List.of(Communication.email("anna@firma.de", true),
                Communication.email("Anna@Home.example", false)));
        ContactData existing = ContactData.simple("Anna", "Berg", "anna@firma.de")
                .withHomeEmails(List.of("anna@home.example"));

        ContactData gw = ContactMapping.toGroupware(crm, Optional.empty(), Optional.empty(), Optional.of(existing),
                ContactLimits.NONE);

        assertThat(gw.emails()).containsExactly("anna@firma.de");
        assertThat(gw.homeEmails()).containsExactly("anna@home.example");
        ContactPersonData back = ContactMapping.toCrm(crm, gw.withLists(List.of("anna.berg@firma.de"),
                gw.businessPhones(), gw.homePhones()), ContactLimits.NONE);
        assertThat(back.communications()).containsExactly(Communication.email("anna.berg@firma.de", true),
                Communication.email("Anna@Home.example", false));
    }
}

package io.liaison.shell.internal.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.shell.internal.InMemoryCrm;
import io.liaison.shell.internal.UserInputException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactCsvLoaderTest {
    static final String HEADER = "id,business_partner,bp_email_domain,title,first_name,last_name,email,phone,mobile\n";
    static final EmployeeId DEMO = EmployeeId.of("demo");

    HostCrm crm;
    ContactCsvLoader loader;

    @BeforeEach
    void setUp() {
        crm = CrmForTests.create();
        loader = new ContactCsvLoader(crm);
    }

    ContactCsvReport load(String csv) throws IOException {
        return loader.load(DEMO, new StringReader(csv));
    }

    ContactPerson contact(String externalKey) {
        return crm.contactPersons().findByExternalKey(DEMO, externalKey).orElseThrow();
    }

    List<BusinessPartner> partnersNamed(String name) {
        return crm.businessPartners().findByName(DEMO, name);
    }

    @Test
    void createsOneBusinessPartnerPerDistinctNameWithItsDomain() throws IOException {
        ContactCsvReport report = load(HEADER
                + "c1,Muster GmbH,muster.de,Dr.,Anna,Muster,anna@muster.de,+49 30 1234,+49 170 1\n"
                + "c2,MUSTER GMBH,,,Bernd,Beispiel,bernd@muster.de,,\n"
                + "c3,Acme Corp,acme.example;acme-mail.example,,Carl,Coyote,carl@acme.example,,\n");

        assertThat(report.failures()).isEmpty();
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.businessPartnersCreated()).containsExactly("Muster GmbH", "Acme Corp");
        assertThat(partnersNamed("Muster GmbH")).singleElement()
                .satisfies(bp -> assertThat(bp.emailDomains()).containsExactly("muster.de"));
        assertThat(partnersNamed("Acme Corp")).singleElement()
                .satisfies(bp -> assertThat(bp.emailDomains()).containsExactlyInAnyOrder("acme.example", "acme-mail.example"));

        ContactPersonData anna = contact("c1").data();
        BusinessPartner muster = partnersNamed("Muster GmbH").get(0);
        assertThat(anna.businessPartner()).contains(muster.id());
        assertThat(anna.title()).isEqualTo("Dr.");
        assertThat(anna.firstName()).isEqualTo("Anna");
        assertThat(anna.lastName()).isEqualTo("Muster");
        assertThat(anna.valuesOf(CommunicationType.EMAIL)).containsExactly("anna@muster.de");
        assertThat(anna.valuesOf(CommunicationType.PHONE)).containsExactly("+49 30 1234");
        assertThat(anna.valuesOf(CommunicationType.MOBILE)).containsExactly("+49 170 1");
        assertThat(contact("c2").data().businessPartner()).contains(muster.id());
        assertThat(contact("c2").data().valuesOf(CommunicationType.PHONE)).isEmpty();
    }

    @Test
    void loadingTheSameFileAgainDuplicatesNothing() throws IOException {
        String csv = HEADER
                + "c1,Muster GmbH,muster.de,,Anna,Muster,anna@muster.de,+49 30 1234,\n"
                + "c2,Acme Corp,acme.example,,Carl,Coyote,carl@acme.example,,\n";
        load(csv);
        long contactsBefore = crm.contactPersons().search(DEMO, ContactSearch.all(1000)).size();
        long versionBefore = contact("c1").version();

        ContactCsvReport again = load(csv);

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.businessPartnersCreated()).isEmpty();
        assertThat(again.failures()).isEmpty();
        assertThat(crm.contactPersons().search(DEMO, ContactSearch.all(1000))).hasSize((int) contactsBefore);
        assertThat(partnersNamed("Muster GmbH")).hasSize(1);
        assertThat(contact("c1").version()).as("an unchanged contact is not written").isEqualTo(versionBefore);
    }

    @Test
    void aChangedLineUpdatesTheContactAndKeepsWhatTheFileDoesNotOwn() throws IOException {
        load(HEADER + "c1,Muster GmbH,muster.de,,Anna,Muster,anna@muster.de,+49 30 1234,\n"
                + "c2,Muster GmbH,,,Bernd,Beispiel,,,\n");
        ContactPerson stored = contact("c1");
        ContactPersonData withCrmFields = new ContactPersonData(stored.data().businessPartner(), "Frau", "",
                "Anna", "Muster", "Head of Sales", "Sales",
                List.of(stored.data().communications().get(0), stored.data().communications().get(1),
                        new Communication(CommunicationType.FAX, "+49 30 9999", true)), "AT");
        crm.contactPersons().update(DEMO, stored.id(), stored.version(), withCrmFields);

        ContactCsvReport report = load(HEADER
                + "c1,Other AG,other.example,Prof.,Anna,Muster-Neu,ANNA@other.example,,+49 171 2\n"
                + "c2,Muster GmbH,,,Bernd,Beispiel,,,\n");

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.created()).isZero();
        ContactPersonData anna = contact("c1").data();
        assertThat(anna.businessPartner()).contains(partnersNamed("Other AG").get(0).id());
        assertThat(anna.title()).isEqualTo("Prof.");
        assertThat(anna.lastName()).isEqualTo("Muster-Neu");
        assertThat(anna.valuesOf(CommunicationType.EMAIL)).containsExactly("ANNA@other.example");
        assertThat(anna.valuesOf(CommunicationType.PHONE)).as("the file's phone column is now empty").isEmpty();
        assertThat(anna.valuesOf(CommunicationType.MOBILE)).containsExactly("+49 171 2");
        assertThat(anna.valuesOf(CommunicationType.FAX)).containsExactly("+49 30 9999");
        assertThat(anna.salutation()).isEqualTo("Frau");
        assertThat(anna.position()).isEqualTo("Head of Sales");
        assertThat(anna.department()).isEqualTo("Sales");
        assertThat(anna.country()).isEqualTo("AT");

        assertThat(load(HEADER + "c1,Other AG,other.example,Prof.,Anna,Muster-Neu,anna@OTHER.example,,+49 171 2\n")
                .unchanged()).as("e-mail addresses compare ignoring case").isEqualTo(1);
    }

    @Test
    void anExistingPartnerIsFoundByNameAndGetsTheDomainsItLacks() throws IOException {
        BusinessPartner existing = crm.businessPartners().create(DEMO, "Muster GmbH", List.of("muster.de"));

        ContactCsvReport report = load(HEADER
                + "c1,muster gmbh,muster.de;muster.com,,Anna,Muster,,,\n"
                + "c2,Muster GmbH,MUSTER.COM,,Bernd,Beispiel,,,\n");

        assertThat(report.failures()).isEmpty();
        assertThat(report.businessPartnersCreated()).isEmpty();
        assertThat(partnersNamed("Muster GmbH")).singleElement().satisfies(bp -> {
            assertThat(bp.id()).isEqualTo(existing.id());
            assertThat(bp.emailDomains()).containsExactlyInAnyOrder("muster.de", "muster.com");
        });
    }

    @Test
    void malformedLinesAreReportedByNumberAndReasonAndTheRestIsLoaded() throws IOException {
        ContactCsvReport report = load(HEADER
                + "c1,Muster GmbH,muster.de,,Anna,Muster,anna@muster.de,,\n"            // 2 ok
                + "c2,Muster GmbH,,,Bernd\n"                                              // 3 too few
                + "c3,Muster GmbH,,,Carla,,carla@muster.de,,\n"                           // 4 no last name
                + "c4,Muster GmbH,,,Dora,Dorf,dora.muster.de,,\n"                         // 5 no @
                + "c5,\"Muster GmbH,,,Emil,Ernst,,,\n"                                    // 6 unbalanced quote
                + "c6,Muster GmbH,,,Fritz,Fuchs,,,\n"                                     // 7 ok, after the quote
                + "c1,Muster GmbH,,,Gina,Gans,,,\n"                                       // 8 duplicate id
                + ",Muster GmbH,,,Hans,Hut,,,\n"                                          // 9 no id
                + "c9,,,,Ida,Igel,,,\n"                                                   // 10 no partner
                + "c10,Muster GmbH,not a domain,,Jan,Jung,,,\n"                           // 11 bad domain
                + "c11,Muster GmbH,,,Kai,Kurz,,call me,\n"                                // 12 bad phone
                + "c12,\"Muster\" GmbH,,,Lea,Lang,,,\n"                                   // 13 misplaced quote
                + "c13,Muster GmbH,,,Max,Maier,a@b@c,,\n"                                 // 14 two @
                + "c14,Muster GmbH,,,Nina,Nord,,,,extra\n"                                // 15 too many
                + "\n"                                                                    // 16 blank: skipped
                + "c15,\"Muster GmbH\",,,\"Otto, jr.\",\"O'Neil \"\"Ox\"\"\",,,\n");      // 17 ok, quoted

        assertThat(report.failures()).extracting(RowFailure::toString).containsExactly(
                "line 3: expected 9 values, found 5",
                "line 4 (id c3): last_name is empty",
                "line 5 (id c4): email 'dora.muster.de' has no '@'",
                "line 6: unbalanced quotes",
                "line 8 (id c1): id 'c1' was already used on line 2",
                "line 9: id is empty",
                "line 10 (id c9): business_partner is empty",
                "line 11 (id c10): bp_email_domain 'not' is not a domain",
                "line 12 (id c11): phone 'call me' is not a phone number",
                "line 13: misplaced quotes (a quoted value must be followed by a delimiter)",
                "line 14 (id c13): email 'a@b@c' is not an e-mail address",
                "line 15: expected 9 values, found 10");
        assertThat(report.created()).isEqualTo(3);
        assertThat(contact("c6").data().lastName()).isEqualTo("Fuchs");
        assertThat(contact("c15").data().firstName()).isEqualTo("Otto, jr.");
        assertThat(contact("c15").data().lastName()).isEqualTo("O'Neil \"Ox\"");
        assertThat(crm.contactPersons().findByExternalKey(DEMO, "c3")).isEmpty();
    }

    @Test
    void semicolonsByteOrderMarkCrLfAndColumnOrderAreAccepted() throws IOException {
        ContactCsvReport report = load("\uFEFFlast_name;first_name;id;business_partner;bp_email_domain;title;email;"
                + "phone;mobile\r\nMuster;Anna;c1;Muster GmbH;muster.de;;anna@muster.de;;\r\n");

        assertThat(report.failures()).isEmpty();
        assertThat(contact("c1").data().firstName()).isEqualTo("Anna");
        assertThat(contact("c1").data().lastName()).isEqualTo("Muster");
    }

    @Test
    void undecodableTextAndOverLongLinesAreLineFailures() throws IOException {
        ContactCsvReport report = load(HEADER
                + "c1,M\uFFFDller GmbH,,,Anna,Muster,,,\n"
                + "c2,Muster GmbH,,,Bernd," + "x".repeat(ContactCsvParser.MAX_LINE_LENGTH) + ",,,\n"
                + "c3,Muster GmbH,,,Carl,Coyote,,,\n");

        assertThat(report.failures()).extracting(RowFailure::toString).containsExactly(
                "line 2 (id c1): not valid UTF-8 (save the file as UTF-8)",
                "line 3: the line is longer than 10000 characters");
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void anAmbiguousPartnerNameFailsOnlyItsLines() throws IOException {
        crm.businessPartners().create(DEMO, "Twin", List.of());
        crm.businessPartners().create(DEMO, "twin", List.of());

        ContactCsvReport report = load(HEADER + "c1,Twin,,,Anna,Muster,,,\nc2,Solo,,,Bernd,Beispiel,,,\n");

        assertThat(report.failures()).extracting(RowFailure::toString)
                .containsExactly("line 2 (id c1): business partner name 'Twin' matches 2 partners in the CRM");
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void aWrongHeaderOrAnEmptyFileFailsTheWholeFile() {
        assertThatThrownBy(() -> load("id,business_partner,first_name,last_name\nc1,A,B,C\n"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("line 1: the header must be id,business_partner,bp_email_domain,title,first_name,"
                        + "last_name,email,phone,mobile (any order); missing bp_email_domain, title, email, phone, mobile");
        assertThatThrownBy(() -> load(HEADER.replace("mobile", "fax")))
                .hasMessageEndingWith("; missing mobile; unknown fax");
        assertThatThrownBy(() -> load(HEADER.replace("mobile", "id")))
                .hasMessageEndingWith("; missing mobile");
        assertThatThrownBy(() -> load("\n\n")).hasMessageStartingWith("the file is empty");
    }
}

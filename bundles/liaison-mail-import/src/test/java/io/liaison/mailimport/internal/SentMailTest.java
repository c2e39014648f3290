package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.address.internal.AddressResolverComponent;
import io.liaison.address.internal.AddressResolverConfig;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mail the employee sent (it lies in an import folder because they filed their own sent mail there) is outgoing,
 * and it is about its recipient: before, it was a MAILIN assigned through the sender, the employee's own address
 * (or their own company's domain), never to the customer it was written to.
 */
class SentMailTest {
    private JdbcHostCrm crm;
    private EmployeeId demo;
    private BusinessPartner kunde;
    private ContactPerson max;
    private MessageImporter importer;
    private OwnAddresses own;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sent-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        crm = new JdbcHostCrm(ds);
        crm.defineActivityTypes(List.of(new CrmCatalog.ActivityTypeDefinition(new ActivityType("MAILOUT"),
                "Outgoing mail")));
        demo = crm.employees().findByLogin("demo").orElseThrow().id();
        kunde = crm.businessPartners().create(demo, "Kunde GmbH", List.of("kunde.example"));
        crm.businessPartners().create(demo, "Liaison AG", List.of("liaison.example")); // the employee's own company
        max = crm.contactPersons().create(demo, new ContactPersonData(Optional.of(kunde.id()), "", "", "Max", "Kunde",
                "", "", List.of(Communication.email("max@kunde.example", true))), Optional.empty());
        AddressResolverComponent resolver = new AddressResolverComponent(crm, new AddressResolverConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AddressResolverConfig.class; }
            @Override public String[] additionalFreeMailDomains() { return new String[0]; }
            @Override public boolean fullDomainFirst() { return true; }
        });
        importer = new MessageImporter(crm, null, new SenderAssigner(() -> Optional.of(resolver)),
                new MailActivityMapper(Clock.systemUTC()), "E-Mail", Duration.ofSeconds(30), new ActivityType("MAILOUT"));
        // the CRM knows demo@example.com; the account's mailbox is demo@liaison.example
        own = OwnAddresses.of(crm, demo, Map.of("mailbox", "Demo@Liaison.example"));
    }

    private static ParsedMessage mail(String from, List<String> to, List<String> cc) {
        return new ParsedMessage("m@x", Optional.empty(), List.of(), from, "", to, cc, Optional.empty(), "Angebot",
                "Text", "", List.of(), List.of(), List.of());
    }

    @Test
    void aMailTheEmployeeSentIsOutgoingAndAssignedToItsRecipient() {
        MessageImporter.Placement sent = importer.place(demo, mail("demo@liaison.example",
                List.of("max@kunde.example"), List.of()), own);

        assertThat(sent.type()).isEqualTo(new ActivityType("MAILOUT"));
        assertThat(sent.assignment().contactPerson()).contains(max.id());
        assertThat(sent.assignment().description()).startsWith("sent to max@kunde.example");
    }

    @Test
    void colleaguesAmongTheRecipientsAreSkippedForTheFirstExternalOne() {
        MessageImporter.Placement sent = importer.place(demo, mail("DEMO@example.com",
                List.of("chefin@liaison.example"), List.of("einkauf@kunde.example")), own);

        assertThat(sent.type()).isEqualTo(new ActivityType("MAILOUT"));
        assertThat(sent.assignment().businessPartner()).contains(kunde.id());
        assertThat(sent.assignment().contactPerson()).isEmpty();
    }

    @Test
    void aMailToColleaguesOnlyIsNotAssignedToTheOwnCompany() {
        MessageImporter.Placement internal = importer.place(demo, mail("demo@liaison.example",
                List.of("chefin@liaison.example"), List.of()), own);

        assertThat(internal.assignment().businessPartner()).isEmpty();
        assertThat(internal.assignment().description()).contains("no one outside the company");
    }

    @Test
    void aMailFromSomeoneElseStaysIncomingAndGoesToItsSender() {
        MessageImporter.Placement received = importer.place(demo, mail("max@kunde.example",
                List.of("demo@liaison.example"), List.of()), own);

        assertThat(received.type()).isEqualTo(ActivityType.MAIL_IN);
        assertThat(received.assignment().contactPerson()).contains(max.id());
    }
}

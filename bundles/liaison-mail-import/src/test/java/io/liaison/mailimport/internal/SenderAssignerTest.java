package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.address.internal.AddressResolverComponent;
import io.liaison.address.internal.AddressResolverConfig;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who an imported mail is assigned to, with the real address resolution over the embedded CRM: a mail a program
 * sent (a bounce from a customer's mail server) is never assigned to the customer through the domain, while a
 * person's mail is, and an automatic reply from a known contact's own address still goes to that contact.
 */
class SenderAssignerTest {
    private JdbcHostCrm crm;
    private EmployeeId demo;
    private BusinessPartner kunde;
    private ContactPerson max;
    private SenderAssigner assigner;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:assign-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        crm = new JdbcHostCrm(ds);
        demo = crm.employees().findByLogin("demo").orElseThrow().id();
        kunde = crm.businessPartners().create(demo, "Kunde GmbH", List.of("kunde.example"));
        max = crm.contactPersons().create(demo, new ContactPersonData(Optional.of(kunde.id()), "", "", "Max", "Kunde",
                "", "", List.of(Communication.email("max@kunde.example", true))), Optional.empty());
        AddressResolverComponent resolver = new AddressResolverComponent(crm, new AddressResolverConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AddressResolverConfig.class; }
            @Override public String[] additionalFreeMailDomains() { return new String[0]; }
            @Override public boolean fullDomainFirst() { return true; }
        });
        assigner = new SenderAssigner(() -> Optional.of(resolver));
    }

    @Test
    void aBounceFromTheCustomersMailServerIsNotAssignedToTheCustomer() {
        Assignment bounce = assigner.assign(demo, "MAILER-DAEMON@kunde.example",
                Optional.of("delivery status report (multipart/report)"));

        assertThat(bounce.businessPartner()).isEmpty();
        assertThat(bounce.contactPerson()).isEmpty();
        assertThat(bounce.description()).contains("delivery status report", "not assigned through the sender's domain");
    }

    @Test
    void aPersonsMailIsAssignedThroughTheDomainAndAnAutoReplyOfAKnownContactToTheContact() {
        assertThat(assigner.assign(demo, "einkauf@kunde.example", Optional.empty()).businessPartner())
                .contains(kunde.id());
        Assignment outOfOffice = assigner.assign(demo, "max@kunde.example",
                Optional.of("automatic mail (Auto-Submitted: auto-replied)"));
        assertThat(outOfOffice.contactPerson()).contains(max.id());
    }
}

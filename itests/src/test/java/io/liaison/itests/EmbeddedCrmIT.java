package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Employee;

import org.junit.Test;

/**
 * The embedded CRM of the default distribution answers through its host-CRM SPI service, on the H2 file
 * DataSource that the liaison-crm-embedded feature configures.
 */
public class EmbeddedCrmIT extends LiaisonTestSupport {

    @Test
    public void hostCrmKnowsTheStatusKeysImportedAndDone() {
        HostCrm crm = awaitService(HostCrm.class);
        List<String> keys = crm.catalog().statusKeys().stream()
                .map(status -> status.key().key())
                .collect(Collectors.toList());
        assertTrue("status keys " + keys + " should contain I (imported)", keys.contains("I"));
        assertTrue("status keys " + keys + " should contain E (done)", keys.contains("E"));
    }

    @Test
    public void businessPartnerCreatedThroughTheSpiIsFoundByItsEmailDomain() {
        HostCrm crm = awaitService(HostCrm.class);
        List<Employee> employees = crm.employees().list();
        assertFalse("the embedded CRM should start with an employee to act as", employees.isEmpty());
        Employee actor = employees.get(0);

        BusinessPartner created = crm.businessPartners().create(actor.id(), "Itest Widgets AG",
                List.of("itest-widgets.example"));

        List<BusinessPartner> found = crm.businessPartners().findByEmailDomain(actor.id(), "itest-widgets.example");
        assertEquals(List.of(created.id()), found.stream().map(BusinessPartner::id).collect(Collectors.toList()));
        assertEquals("Itest Widgets AG", found.get(0).name());
    }
}

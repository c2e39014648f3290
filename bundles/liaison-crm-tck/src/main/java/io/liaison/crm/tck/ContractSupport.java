package io.liaison.crm.tck;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.EmployeeId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The base of every area of the contract: access to the fixture and the few items most tests need. An area can also
 * be run on its own by extending it and returning a fixture.
 */
public abstract class ContractSupport {

    /** The CRM and employees under test. */
    protected abstract CrmFixture fixture();

    protected HostCrm crm() {
        return fixture().crm();
    }

    protected EmployeeId me() {
        return fixture().employee();
    }

    /** The second employee; skips the calling test when the fixture has none. */
    protected EmployeeId someoneElse() {
        Optional<EmployeeId> other = fixture().otherEmployee();
        Assumptions.assumeTrue(other.isPresent(), "the fixture names no second employee");
        return other.get();
    }

    protected BusinessPartner newPartner(String... domains) {
        return crm().businessPartners().create(me(), CrmTestData.unique("Partner"), List.of(domains));
    }

    protected ContactPersonData person(String first, String last, Communication... communications) {
        return new ContactPersonData(Optional.empty(), "", "", first, last, "", "", List.of(communications));
    }

    protected ContactPerson newContact(String email) {
        return crm().contactPersons().create(me(), person("Eva", CrmTestData.unique("Muster"),
                new Communication(CommunicationType.EMAIL, email, true)), Optional.empty());
    }
}

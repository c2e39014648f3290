package io.liaison.crm.tck;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.util.Optional;

/**
 * What the contract tests need from the CRM under test. {@link HostCrmContractTest} implements it through the
 * methods a vendor overrides.
 */
public interface CrmFixture {

    /** The CRM under test; called often, so return the same instance. Tests share it and never expect it empty. */
    HostCrm crm();

    /** An employee the CRM knows, whose login {@link io.liaison.api.crm.EmployeeDirectory} can find. */
    EmployeeId employee();

    /** A second known employee, for the tests that check what belongs to whom; empty skips them. */
    default Optional<EmployeeId> otherEmployee() {
        return Optional.empty();
    }

    /**
     * Renames a business partner as the CRM's own users do (the SPI does not rename partners), for the test that a
     * rename counts as a change of its contact persons; false when the fixture cannot, which skips that test.
     */
    default boolean renameBusinessPartner(BusinessPartnerId id, String newName) {
        return false;
    }

    /**
     * Merges a contact person into another as the CRM's own users do (the SPI does not merge), for the tests that the
     * merged person's absence names the survivor; false when the fixture cannot, which skips those tests.
     */
    default boolean mergeContactPerson(ContactPersonId merged, ContactPersonId survivor) {
        return false;
    }

    /** The size of the document that checks that content streams through; 16 MiB unless overridden. */
    default long largeDocumentBytes() {
        return 16L * 1024 * 1024;
    }
}

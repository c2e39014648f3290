package io.liaison.api.crm;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host CRM as Liaison sees it: one service, registered by the CRM vendor's bundle (or by
 * {@code liaison-crm-embedded}), through which Liaison reads and writes every piece of business data.
 * Every call names the employee it acts for; the CRM decides what that employee may see and change.
 */
@ProviderType
public interface HostCrm {
    /** Activities, their quicksearches and change feed. */
    ActivityStore activities();

    /** Documents attached to activities. */
    DocumentStore documents();

    /** Contact persons and their communications. */
    ContactPersonDirectory contactPersons();

    /** Business partners and their e-mail domains. */
    BusinessPartnerDirectory businessPartners();

    /** Employees. */
    EmployeeDirectory employees();

    /** Status keys and activity types the CRM knows. */
    CrmCatalog catalog();
}

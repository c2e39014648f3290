package io.liaison.api.crm;

import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.EmployeeId;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The host CRM's business partners. */
@ProviderType
public interface BusinessPartnerDirectory {

    Optional<BusinessPartner> get(EmployeeId actor, BusinessPartnerId id);

    /** Creates a business partner with these e-mail domains (stored lower-case). */
    BusinessPartner create(EmployeeId actor, String name, List<String> emailDomains);

    /**
     * Sets a partner's country (an ISO 3166-1 alpha-2 code, or empty to clear it). Since 1.4; a CRM that keeps no
     * country refuses it (the default).
     *
     * @throws UnsupportedOperationException when the CRM keeps no country for its partners
     */
    default BusinessPartner setCountry(EmployeeId actor, BusinessPartnerId id, String country) {
        throw new UnsupportedOperationException("this CRM keeps no country for its business partners");
    }

    /** Adds e-mail domains to a partner, keeping the ones it has. */
    BusinessPartner addEmailDomains(EmployeeId actor, BusinessPartnerId id, List<String> emailDomains);

    /** Partners whose name contains the text, ignoring case. */
    List<BusinessPartner> search(EmployeeId actor, String name, int limit);

    /** Partners with exactly this name, ignoring case. */
    List<BusinessPartner> findByName(EmployeeId actor, String name);

    /**
     * The spec's "BPwithEmail" search: partners with this e-mail domain, compared ignoring case.
     * The caller cuts the domain to the one to look for; more than one result is possible.
     */
    List<BusinessPartner> findByEmailDomain(EmployeeId actor, String domain);
}

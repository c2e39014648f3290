package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Business partners: e-mail domains kept lower-case, the spec's "BPwithEmail" search, search by name. */
public abstract class BusinessPartnerDirectoryContract extends ContractSupport {

    private static String domain() {
        return CrmTestData.unique("firma").toLowerCase(Locale.ROOT) + ".example";
    }

    @Test
    void aPartnerIsCreatedWithLowerCaseDomains() {
        String d1 = domain();
        String d2 = domain();
        String name = CrmTestData.unique("Müller GmbH");
        BusinessPartner bp = crm().businessPartners().create(me(), name, List.of(d1.toUpperCase(Locale.ROOT), d2));
        assertThat(bp.name()).isEqualTo(name);
        assertThat(bp.emailDomains()).containsExactlyInAnyOrder(d1, d2);
        assertThat(crm().businessPartners().get(me(), bp.id())).contains(bp);
    }

    @Test
    void unknownPartnersAreAbsent() {
        assertThat(crm().businessPartners().get(me(), BusinessPartnerId.of(CrmTestData.unique("none")))).isEmpty();
        assertThat(crm().businessPartners().get(me(), BusinessPartnerId.of("999999999999"))).isEmpty();
    }

    @Test
    void addingDomainsKeepsTheExistingOnesAndAddsNoDuplicates() {
        String d1 = domain();
        String d2 = domain();
        BusinessPartner bp = crm().businessPartners().create(me(), CrmTestData.unique("Add"), List.of(d1));
        BusinessPartner after = crm().businessPartners().addEmailDomains(me(), bp.id(),
                List.of(d1.toUpperCase(Locale.ROOT), d2.toUpperCase(Locale.ROOT), d2));
        assertThat(after.emailDomains()).containsExactlyInAnyOrder(d1, d2);
        assertThat(crm().businessPartners().get(me(), bp.id())).contains(after);
        assertThat(crm().businessPartners().findByEmailDomain(me(), d2)).extracting(BusinessPartner::id).containsExactly(bp.id());
    }

    @Test
    void addingDomainsToAMissingPartnerIsNotFound() {
        assertThatThrownBy(() -> crm().businessPartners().addEmailDomains(me(), BusinessPartnerId.of(CrmTestData.unique("x")),
                List.of(domain()))).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void findByEmailDomainIgnoresCaseAndMatchesExactly() {
        String d = domain();
        BusinessPartner bp = crm().businessPartners().create(me(), CrmTestData.unique("Exact"), List.of(d));
        assertThat(crm().businessPartners().findByEmailDomain(me(), d.toUpperCase(Locale.ROOT)))
                .extracting(BusinessPartner::id).containsExactly(bp.id());
        assertThat(crm().businessPartners().findByEmailDomain(me(), "mail." + d)).isEmpty();
        assertThat(crm().businessPartners().findByEmailDomain(me(), d.substring(1))).isEmpty();
        assertThat(crm().businessPartners().findByEmailDomain(me(), domain())).isEmpty();
    }

    @Test
    void severalPartnersMayShareADomainAndAreAllFound() {
        String shared = domain();
        BusinessPartner a = crm().businessPartners().create(me(), CrmTestData.unique("Holding"), List.of(shared));
        BusinessPartner b = crm().businessPartners().create(me(), CrmTestData.unique("Subsidiary"), List.of(domain(), shared));
        assertThat(crm().businessPartners().findByEmailDomain(me(), shared)).extracting(BusinessPartner::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void searchFindsNamesContainingTheTextIgnoringCase() {
        String tag = CrmTestData.unique("Qx");
        BusinessPartner a = crm().businessPartners().create(me(), "Alpha " + tag + " AG", List.of());
        BusinessPartner b = crm().businessPartners().create(me(), tag + " Beta", List.of());
        crm().businessPartners().create(me(), CrmTestData.unique("Gamma"), List.of());
        assertThat(crm().businessPartners().search(me(), tag.toLowerCase(Locale.ROOT), 100)).extracting(BusinessPartner::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(crm().businessPartners().search(me(), tag, 1)).hasSize(1);
    }

    @Test
    void findByNameMatchesTheWholeNameIgnoringCase() {
        String name = CrmTestData.unique("Schmidt & Söhne");
        BusinessPartner a = crm().businessPartners().create(me(), name, List.of());
        BusinessPartner b = crm().businessPartners().create(me(), name.toUpperCase(Locale.ROOT), List.of());
        assertThat(crm().businessPartners().findByName(me(), name.toLowerCase(Locale.ROOT))).extracting(BusinessPartner::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(crm().businessPartners().findByName(me(), name.substring(0, name.length() - 1))).isEmpty();
    }
}

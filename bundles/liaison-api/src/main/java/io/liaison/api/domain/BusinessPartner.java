package io.liaison.api.domain;

import java.util.List;
import java.util.Objects;

/**
 * A business partner (a company or organisation) with the e-mail domains its people write from.
 *
 * @param id           the CRM's id
 * @param name         the partner's name
 * @param emailDomains lower-case domains such as {@code firma.de}; the spec's "BPwithEmail" search looks here
 * @param country      the partner's country, as an ISO 3166-1 alpha-2 code, upper-case, or empty when unknown: its
 *                     contact persons' phone numbers without a country code are read in it. Since 1.3.
 */
public record BusinessPartner(BusinessPartnerId id, String name, List<String> emailDomains, String country) {
    public BusinessPartner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        emailDomains = List.copyOf(emailDomains);
        country = CountryCodes.normalize(country);
    }

    /** A partner without a country (the form of API 1.2). */
    public BusinessPartner(BusinessPartnerId id, String name, List<String> emailDomains) {
        this(id, name, emailDomains, "");
    }
}

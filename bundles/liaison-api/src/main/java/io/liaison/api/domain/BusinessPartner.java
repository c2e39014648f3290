package io.liaison.api.domain;

import java.util.List;
import java.util.Objects;

/**
 * A business partner (a company or organisation) with the e-mail domains its people write from.
 *
 * @param id           the CRM's id
 * @param name         the partner's name
 * @param emailDomains lower-case domains such as {@code firma.de}; the spec's "BPwithEmail" search looks here
 */
public record BusinessPartner(BusinessPartnerId id, String name, List<String> emailDomains) {
    public BusinessPartner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        emailDomains = List.copyOf(emailDomains);
    }
}

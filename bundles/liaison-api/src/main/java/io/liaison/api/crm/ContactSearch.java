package io.liaison.api.crm;

import io.liaison.api.domain.BusinessPartnerId;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria of a contact person search (the export wizard's search); every criterion given must match.
 *
 * @param name            a part of the first or last name, ignoring case; empty for any
 * @param businessPartner only people of this partner
 * @param email           a part of an e-mail address, ignoring case; empty for any
 * @param limit           the most results
 */
public record ContactSearch(String name, Optional<BusinessPartnerId> businessPartner, String email, int limit) {
    public ContactSearch {
        name = name == null ? "" : name;
        Objects.requireNonNull(businessPartner, "businessPartner");
        email = email == null ? "" : email;
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Every contact person, at most {@code limit}. */
    public static ContactSearch all(int limit) {
        return new ContactSearch("", Optional.empty(), "", limit);
    }
}

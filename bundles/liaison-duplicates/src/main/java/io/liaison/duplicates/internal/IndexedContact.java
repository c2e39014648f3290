package io.liaison.duplicates.internal;

import io.liaison.api.domain.ContactPersonId;
import java.util.Objects;

/**
 * A CRM contact person as the match-key index keeps it: its id and its normalised values.
 *
 * @param id      the CRM's id
 * @param version the CRM's version of the contact person that was normalised
 * @param contact the normalised values
 */
public record IndexedContact(ContactPersonId id, long version, NormalizedContact contact) {
    public IndexedContact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
    }
}

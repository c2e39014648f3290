package io.liaison.mailimport.internal;

import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPersonId;
import java.util.Optional;

/**
 * Whom an imported mail is assigned to ("Activity with"), and how that was decided, for the journal.
 *
 * @param businessPartner the partner, if found
 * @param contactPerson   the contact person, if found
 * @param description     e.g. "contact person 12", "business partner 3 by domain firma.de", "not assigned: …"
 */
record Assignment(Optional<BusinessPartnerId> businessPartner, Optional<ContactPersonId> contactPerson,
                  String description) {

    static Assignment none(String why) {
        return new Assignment(Optional.empty(), Optional.empty(), "not assigned: " + why);
    }
}

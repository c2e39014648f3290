package io.liaison.api.contactreplication;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.duplicates.DuplicateResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A groupware contact without a CRM id of its own, as the import wizard lists it.
 *
 * @param groupwareId        the groupware contact's id
 * @param contact            its content
 * @param suggestedPartner   the business partner suggested by e-mail domain or company name
 * @param duplicates         the duplicate check's result; {@code CERTAIN} ones cannot be imported
 * @param copyOf             the CRM contact person this contact is a copy of: a person copied that contact person's
 *                           linked groupware contact, and the copy carries its CRM id. Importing the copy makes it a
 *                           contact person of its own (its CRM id is replaced); empty for a contact without CRM id
 * @param stale              the CRM id the contact carries when the importing employee gets no contact person for it
 *                           (deleted, merged, not visible), with the reason: importing replaces it (1.3.0)
 */
public record ImportableContact(String groupwareId, ContactData contact, Optional<BusinessPartnerId> suggestedPartner,
                                DuplicateResult duplicates, Optional<ContactPersonId> copyOf,
                                Optional<StaleCrmId> stale) {

    /** A contact that is no copy. */
    public ImportableContact(String groupwareId, ContactData contact, Optional<BusinessPartnerId> suggestedPartner,
                             DuplicateResult duplicates) {
        this(groupwareId, contact, suggestedPartner, duplicates, Optional.empty(), Optional.empty());
    }

    /** A contact without a stale CRM id. */
    public ImportableContact(String groupwareId, ContactData contact, Optional<BusinessPartnerId> suggestedPartner,
                             DuplicateResult duplicates, Optional<ContactPersonId> copyOf) {
        this(groupwareId, contact, suggestedPartner, duplicates, copyOf, Optional.empty());
    }

    public ImportableContact {
        Objects.requireNonNull(copyOf, "copyOf");
        Objects.requireNonNull(stale, "stale");
        Objects.requireNonNull(groupwareId, "groupwareId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(suggestedPartner, "suggestedPartner");
        Objects.requireNonNull(duplicates, "duplicates");
    }
}

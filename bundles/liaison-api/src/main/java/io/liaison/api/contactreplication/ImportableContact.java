package io.liaison.api.contactreplication;

import io.liaison.api.connector.item.ContactData;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.duplicates.DuplicateResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A groupware contact without a CRM id, as the import wizard lists it.
 *
 * @param groupwareId        the groupware contact's id
 * @param contact            its content
 * @param suggestedPartner   the business partner suggested by e-mail domain or company name
 * @param duplicates         the duplicate check's result; {@code CERTAIN} ones cannot be imported
 */
public record ImportableContact(String groupwareId, ContactData contact, Optional<BusinessPartnerId> suggestedPartner,
                                DuplicateResult duplicates) {
    public ImportableContact {
        Objects.requireNonNull(groupwareId, "groupwareId");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(suggestedPartner, "suggestedPartner");
        Objects.requireNonNull(duplicates, "duplicates");
    }
}

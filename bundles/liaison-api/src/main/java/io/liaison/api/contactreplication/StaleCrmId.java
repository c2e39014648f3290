package io.liaison.api.contactreplication;

import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.domain.ContactPersonId;
import java.util.Objects;

/**
 * The CRM id an unlinked groupware contact carries when the importing employee gets no contact person for it: the
 * contact was exported once, and its contact person was since deleted, merged into another, or is not visible to the
 * employee. Such a contact is offered by the import; importing it replaces the id with its new contact person's.
 *
 * @param crmId   the id the contact carries
 * @param absence why the CRM gives the employee no contact person for it
 */
public record StaleCrmId(ContactPersonId crmId, ContactPersonAbsence absence) {

    public StaleCrmId {
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(absence, "absence");
    }

    /** The reason in words, for the preview. */
    public String describe() {
        String id = "CRM id " + crmId.value();
        return switch (absence.reason()) {
            case NOT_VISIBLE -> "carries " + id + " of a contact person the importing employee may not see";
            case DELETED -> "carries " + id + " of a contact person deleted in the CRM";
            case MERGED -> "carries " + id + " of a contact person merged into contact person "
                    + absence.survivor().orElseThrow().value() + " in the CRM";
            case UNKNOWN -> "carries " + id + ", which the CRM gives the importing employee no contact person for "
                    + "(deleted, merged or not visible: the CRM does not tell)";
        };
    }
}

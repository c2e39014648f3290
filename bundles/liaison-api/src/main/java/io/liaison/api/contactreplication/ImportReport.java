package io.liaison.api.contactreplication;

import io.liaison.api.domain.ContactPersonId;
import java.util.List;

/**
 * What an import did: the contact persons created (and linked to their groupware contacts), the chosen contacts
 * refused and why (certain duplicate, no business partner, gone, already linked, …), and what was left out of
 * imported ones (a bad photo).
 *
 * @param imported the CRM contact persons created
 * @param refused  the chosen groupware contacts not imported, with the reason
 * @param warnings imported contacts with something left out, and why
 */
public record ImportReport(List<ContactPersonId> imported, List<ContactIssue> refused, List<ContactIssue> warnings) {
    public ImportReport {
        imported = List.copyOf(imported);
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
    }

    /** The spec's closing information, e.g. "2 of 3 contacts imported; 1 refused". */
    public String summary() {
        int chosen = imported.size() + refused.size();
        return imported.size() + " of " + chosen + " contacts imported"
                + (refused.isEmpty() ? "" : "; " + refused.size() + " refused");
    }
}

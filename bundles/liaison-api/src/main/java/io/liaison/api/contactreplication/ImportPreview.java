package io.liaison.api.contactreplication;

import java.util.List;

/**
 * The import wizard's list: the groupware contacts without a CRM id, the number found or a message saying that
 * there are none, and the groupware contacts that could not be read.
 *
 * @param contacts                the importable contacts, with suggested partner and duplicate status
 * @param problems                groupware contacts that could not be read (e.g. a broken vCard file), and why
 * @param duplicateCheckAvailable false when no duplicate check is installed: every status then reads
 *                                {@code NONE} without having been checked
 * @param message                 for people, e.g. "3 groupware contacts can be imported" or "No groupware
 *                                contacts to import: every contact is linked to the CRM"
 */
public record ImportPreview(List<ImportableContact> contacts, List<ContactIssue> problems,
                            boolean duplicateCheckAvailable, String message) {
    public ImportPreview {
        contacts = List.copyOf(contacts);
        problems = List.copyOf(problems);
        message = message == null ? "" : message;
    }

    /** How many contacts can be imported. */
    public int count() {
        return contacts.size();
    }
}

package io.liaison.api.crm;

/**
 * The spec's three quicksearches for imported mails. An "imported mail" is an activity of type MAILIN that
 * Liaison created from a message (it has a source key).
 */
public enum Quicksearch {
    /** Imported mails, whatever their status, assigned to neither a business partner nor a contact person. */
    NOT_ASSIGNED_IMPORTED_MAILS,
    /** Imported mails that still have status {@code I} (imported), i.e. nobody has dealt with them yet. */
    IMPORTED_MAILS,
    /** Every imported mail, whatever its status (also those from folders such as {@code CRM Erledigt [E]}). */
    ALL_IMPORTED_MAILS
}

package io.liaison.api.duplicates;

/** The result of a duplicate check, as the spec's import wizard shows it. */
public enum DuplicateStatus {
    /** "Certain Doublet": the contact exists in the CRM (same e-mail, or same last name and phone). Cannot be imported. */
    CERTAIN,
    /** "Possible Doublet": the contact may exist in the CRM (similar names). */
    POSSIBLE,
    /** "No duplicate": the contact does not exist in the CRM. */
    NONE
}

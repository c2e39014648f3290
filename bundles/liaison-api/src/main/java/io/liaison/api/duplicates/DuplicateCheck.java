package io.liaison.api.duplicates;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The duplicate check of the spec's contact import: whether a contact already exists among the CRM's
 * contact persons. Candidates come from a match-key index, never from comparing all pairs.
 */
@ProviderType
public interface DuplicateCheck {

    /**
     * Checks one contact against the contact persons the employee may see.
     *
     * @throws IllegalArgumentException naming the field when the contact cannot be checked at all
     */
    DuplicateResult check(EmployeeId actor, ContactCandidate candidate);

    /**
     * Erases what the index holds of a contact person (its normalised names, addresses and numbers and the keys it is
     * filed under), for the erasure of the person: call it once the CRM no longer has it, else the index files it again
     * when the CRM reports it changed. This default holds nothing.
     *
     * @return how many rows held it (0 when it was not filed)
     * @since 1.4
     */
    default int erase(ContactPersonId contact) {
        return 0;
    }
}

package io.liaison.api.duplicates;

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
}

package io.liaison.api.duplicates;

import io.liaison.api.domain.ContactPersonId;
import java.util.List;
import java.util.Objects;

/**
 * A CRM contact person that matches a checked contact, how strongly and why.
 *
 * @param contactPerson the CRM contact person
 * @param status        {@code CERTAIN} or {@code POSSIBLE}
 * @param reasons       why, for people: e.g. "same e-mail address anna@firma.de", "similar name (Jaro-Winkler 0.95)"
 */
public record DuplicateMatch(ContactPersonId contactPerson, DuplicateStatus status, List<String> reasons) {
    public DuplicateMatch {
        Objects.requireNonNull(contactPerson, "contactPerson");
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
    }
}

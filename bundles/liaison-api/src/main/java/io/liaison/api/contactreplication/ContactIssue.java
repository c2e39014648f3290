package io.liaison.api.contactreplication;

import java.util.Objects;

/**
 * Why one contact was not exported or imported, or what was left out of it (a bad photo), in words for people.
 *
 * @param id     the CRM id (export) or groupware id (import) of the contact
 * @param name   the contact's name as a person recognises it, or empty
 * @param reason why, e.g. "certain duplicate of CRM contact person 12 (same e-mail address anna@firma.de)"
 */
public record ContactIssue(String id, String name, String reason) {
    public ContactIssue {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(reason, "reason");
    }
}

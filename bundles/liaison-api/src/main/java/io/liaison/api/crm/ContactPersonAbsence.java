package io.liaison.api.crm;

import io.liaison.api.domain.ContactPersonId;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the CRM gives an employee no contact person for an id (see {@link ContactPersonDirectory#absence}): a groupware
 * contact carrying that id is handled by the reason, since a contact person merged into another one, one the employee
 * may no longer see and one deleted for good call for different things in the groupware.
 *
 * @param reason   why it is absent
 * @param survivor the contact person it was merged into ({@link Reason#MERGED} only; the last of a chain of merges)
 */
public record ContactPersonAbsence(Reason reason, Optional<ContactPersonId> survivor) {

    /** Why a contact person is absent. */
    public enum Reason {
        /** The CRM does not say (the default of a CRM that keeps no record of deletions). */
        UNKNOWN,
        /** It exists, but the employee may not see it. */
        NOT_VISIBLE,
        /** Deleted for good. */
        DELETED,
        /** Deleted by merging it into another contact person, the {@link #survivor()}. */
        MERGED
    }

    public ContactPersonAbsence {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(survivor, "survivor");
        if ((reason == Reason.MERGED) != survivor.isPresent()) {
            throw new IllegalArgumentException("a survivor is named for a merge and only for a merge, not for " + reason);
        }
    }

    public static ContactPersonAbsence unknown() {
        return new ContactPersonAbsence(Reason.UNKNOWN, Optional.empty());
    }

    public static ContactPersonAbsence notVisible() {
        return new ContactPersonAbsence(Reason.NOT_VISIBLE, Optional.empty());
    }

    public static ContactPersonAbsence deleted() {
        return new ContactPersonAbsence(Reason.DELETED, Optional.empty());
    }

    public static ContactPersonAbsence mergedInto(ContactPersonId survivor) {
        return new ContactPersonAbsence(Reason.MERGED, Optional.of(survivor));
    }
}

package io.liaison.api.crm;

import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Photo;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The host CRM's contact persons, their communications and photos, with a change feed. */
@ProviderType
public interface ContactPersonDirectory {

    /**
     * Creates a contact person, once per external key: a second call with a key already used returns the
     * first contact person unchanged.
     */
    ContactPerson create(EmployeeId actor, ContactPersonData data, Optional<String> externalKey);

    Optional<ContactPerson> get(EmployeeId actor, ContactPersonId id);

    /** The contact person created with this external key, if any. */
    Optional<ContactPerson> findByExternalKey(EmployeeId actor, String externalKey);

    /**
     * Replaces a contact person's content.
     *
     * @throws CrmStaleVersionException when it changed since {@code expectedVersion}
     */
    ContactPerson update(EmployeeId actor, ContactPersonId id, long expectedVersion, ContactPersonData data);

    /** Deletes a contact person. */
    void delete(EmployeeId actor, ContactPersonId id, long expectedVersion);

    /** Adds a communication (a new e-mail address or number) to a contact person. */
    ContactPerson addCommunication(EmployeeId actor, ContactPersonId id, Communication communication);

    /** Contact persons whose e-mail communication equals the address, ignoring case. */
    List<ContactPerson> findByEmail(EmployeeId actor, String address);

    /** Contact persons matching every criterion given. */
    List<ContactPerson> search(EmployeeId actor, ContactSearch criteria);

    /** The contact person's photo, if it has one. */
    Optional<Photo> photo(EmployeeId actor, ContactPersonId id);

    /** Sets or (with empty) removes the photo; counts as a change of the contact person. */
    ContactPerson setPhoto(EmployeeId actor, ContactPersonId id, Optional<Photo> photo);

    /**
     * Why {@link #get} gives the actor no contact person for this id; empty when it gives one. A CRM that merges
     * contact persons names the survivor, so that the groupware contact of a merged-away person follows the survivor
     * instead of vanishing; one with visibility rules says "not visible" rather than "deleted". Additive (1.4.0): the
     * default knows no reasons and answers {@link ContactPersonAbsence.Reason#UNKNOWN} for every absent id.
     */
    default Optional<ContactPersonAbsence> absence(EmployeeId actor, ContactPersonId id) {
        return get(actor, id).isPresent() ? Optional.empty() : Optional.of(ContactPersonAbsence.unknown());
    }

    /**
     * What changed among the contact persons the actor may see since a token. Renaming a business partner counts as a
     * change of each of its contact persons (a new version, listed here): the partner's name is the company their
     * groupware contacts show, and contact replication writes it when a contact person changes.
     */
    CrmChangePage<ContactPerson, ContactPersonId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max);

    /**
     * Whether a token is ahead of this feed's own position: one this CRM has not given out yet, as when its database
     * was restored from a backup older than the token. Reading on from such a token would silently skip the changes
     * made after the restore until the feed passes the token again; a caller that learns so reads the feed from its
     * start instead. The default cannot tell and answers false (no check).
     *
     * @throws CrmException when the token is not one of this feed's
     * @since 1.4
     */
    default boolean aheadOfFeed(EmployeeId actor, CrmToken token) {
        return false;
    }
}

package io.liaison.api.contactreplication;

import io.liaison.api.crm.ContactSearch;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The spec's contact person replication: export to the groupware, import from it with the duplicate check,
 * and the per-contact switch.
 */
@ProviderType
public interface ContactReplicationService {

    /** The export search; contacts exported earlier come first, marked by {@link #isReplicated}. */
    List<ContactPerson> exportSearch(AccountId account, ContactSearch criteria);

    /** Exports the chosen contact persons; returns how many were written. */
    int export(AccountId account, List<ContactPersonId> contacts, boolean withPhotos);

    /** The groupware contacts without a CRM id, with suggested partners and duplicate status. */
    List<ImportableContact> importPreview(AccountId account);

    /** Imports the chosen groupware contacts with their business partners; returns the CRM ids created. */
    List<ContactPersonId> importContacts(AccountId account, Map<String, BusinessPartnerId> chosen);

    /** Whether the contact person is replicated with the account's groupware. */
    boolean isReplicated(AccountId account, ContactPersonId contact);

    /** The per-contact switch: on creates the groupware contact, off deletes it and stops replicating. */
    void setReplicated(AccountId account, ContactPersonId contact, boolean replicated);
}

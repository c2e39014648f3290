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

    /** Exports the chosen contact persons to the default contacts folder; returns how many were written. */
    default int export(AccountId account, List<ContactPersonId> contacts, boolean withPhotos) {
        return export(account, contacts, ExportOptions.defaultFolder(withPhotos)).exported().size();
    }

    /**
     * Exports the chosen contact persons: each groupware contact carries the CRM id and is linked, so that it is
     * replicated from then on and never exported twice.
     *
     * @throws IllegalArgumentException when the options ask for something the account's groupware cannot do
     *                                  (a named folder where the connector has only the default one)
     */
    ExportReport export(AccountId account, List<ContactPersonId> contacts, ExportOptions options);

    /** The groupware contacts without a CRM id, with suggested partners and duplicate status. */
    default List<ImportableContact> importPreview(AccountId account) {
        return previewImport(account).contacts();
    }

    /**
     * The import wizard's list: the groupware contacts without a CRM id (exported and linked ones are never
     * offered), the number found or a message that there are none, and the contacts that could not be read.
     */
    ImportPreview previewImport(AccountId account);

    /** Imports the chosen groupware contacts with their business partners; returns the CRM ids created. */
    default List<ContactPersonId> importContacts(AccountId account, Map<String, BusinessPartnerId> chosen) {
        return importChosen(account, chosen).imported();
    }

    /**
     * Imports the chosen groupware contacts (groupware id to business partner; a partner is mandatory) and links
     * them, writing the CRM id back to the groupware contact. Certain duplicates are refused; the report says
     * why each refused contact was not imported.
     */
    ImportReport importChosen(AccountId account, Map<String, BusinessPartnerId> chosen);

    /** Whether the contact person is replicated with the account's groupware. */
    boolean isReplicated(AccountId account, ContactPersonId contact);

    /**
     * The per-contact switch: on creates the groupware contact (with the photo choice of the export the switch turned
     * off, if it turned one off), off deletes it and stops replicating ({@link #switchOff}).
     */
    void setReplicated(AccountId account, ContactPersonId contact, boolean replicated);

    /**
     * The switch turned off, saying what it removes: deletes the groupware contact and stops replicating, and returns
     * the groupware-only fields the deleted contact held (notes, home numbers, …, in words), which are gone with it;
     * empty when it held none (1.3.0).
     */
    List<String> switchOff(AccountId account, ContactPersonId contact);
}

package io.liaison.api.runtime;

import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Erasure of what Liaison holds about one person (a data subject's request to be forgotten): a contact person of the
 * CRM or an employee. Each erasure deletes the person's rows and then compacts the runtime's database, so that the
 * deleted text is not left readable in its file either (see {@link Erasure#compaction()}). What the CRM itself holds
 * is the CRM's to erase.
 *
 * @since 1.4
 */
@ProviderType
public interface ErasureService {

    /**
     * The link scope under which contact replication pairs a CRM contact person (the link's CRM id) with its groupware
     * contact (the link's groupware id).
     */
    String CONTACT_PERSON_LINK_SCOPE = "CONTACTS";

    /**
     * The token scope prefix, followed by the contact person's CRM id, under which contact replication remembers a pair
     * its per-contact switch turned off.
     */
    String CONTACT_SWITCH_TOKEN_PREFIX = "contact-switch:";

    /**
     * Erases a contact person: the journal entries of contact replication naming its CRM id and every journal entry
     * whose item or message names one of its e-mail addresses (of any area, e.g. an imported mail's sender) with the
     * failing items of those entries (since 1.5), its
     * contact replication links in every account (the pair of its CRM id and its groupware contact), the switch
     * memory kept for it, and, when the duplicate index is installed, its rows there.
     *
     * @param contact        the contact person's CRM id; it need not exist in the CRM any more
     * @param emailAddresses its e-mail addresses as the CRM held them (compared ignoring case); may be empty
     */
    Erasure eraseContactPerson(ContactPersonId contact, Set<String> emailAddresses);

    /**
     * Erases an employee: their groupware accounts with the accounts' credentials, settings, links, marks and tokens,
     * their sync runs with every journal entry, and their groupware preferences.
     */
    Erasure eraseEmployee(EmployeeId employee);
}

package io.liaison.shell.internal.contacts;

import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.account.AccountIdCompleter;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code liaison:contact-delete-in-groupware}: the spec's "delete in groupware": removes the contact from the
 * account's groupware and stops replicating it; the CRM contact person stays.
 */
@Command(scope = "liaison", name = "contact-delete-in-groupware", description = "Deletes a CRM contact person's "
        + "groupware contact and stops replicating it; the contact person stays in the CRM")
@Service
public class ContactDeleteInGroupwareCommand extends LiaisonAction {

    @Reference(optional = true)
    ContactReplicationService replication;

    @Argument(index = 0, name = "account", required = true, description = "The account id")
    @Completion(AccountIdCompleter.class)
    String account;

    @Argument(index = 1, name = "contact", required = true, description = "The CRM contact person id")
    String contact;

    @Override
    protected void run() {
        ContactReplicationService service = require(replication, ContactReplicationService.class,
                ContactViews.CONTACT_REPLICATION);
        AccountId id = AccountId.of(account.strip());
        ContactPersonId person = ContactPersonId.of(contact.strip());
        List<String> removed = service.switchOff(id, person);
        ContactReplicationSwitchCommand.print(id, person, service.isReplicated(id, person), removed, out(), json);
    }
}

package io.liaison.shell.internal.duplicates;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.shell.internal.Actors;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.UserInputException;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:assign-address}: adds an e-mail address to a contact person as a further communication. */
@Command(scope = "liaison", name = "assign-address", description = "Adds an e-mail address to an existing contact "
        + "person as a new communication (not the standard one)")
@Service
public class AssignAddressCommand extends LiaisonAction {

    @Reference(optional = true)
    AddressResolver resolver;

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "address", required = true, description = "The e-mail address")
    String address;

    @Argument(index = 1, name = "contact", required = true, description = "The CRM id of the contact person")
    String contact;

    @Option(name = "--employee", aliases = "-e", description = "The employee to act for (CRM id or login; default: the CRM's first employee)")
    String employee;

    @Override
    protected void run() {
        AddressResolver resolver = require(this.resolver, AddressResolver.class, ResolveAddressCommand.ADDRESSES);
        if (contact == null || contact.isBlank()) {
            throw new UserInputException("no contact person id given");
        }
        EmployeeId actor = Actors.resolve(crm, employee);
        ContactPerson person = resolver.assignToContact(actor, address, ContactPersonId.of(contact.strip()));
        if (json) {
            printJson(ResolveAddressCommand.contact(person));
        } else {
            out().println("Address " + address.strip() + " is a communication of contact person " + ResolveAddressCommand.name(person));
        }
    }
}

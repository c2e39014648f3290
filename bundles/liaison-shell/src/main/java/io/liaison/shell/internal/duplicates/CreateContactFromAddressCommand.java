package io.liaison.shell.internal.duplicates;

import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.EmployeeId;
import io.liaison.shell.internal.Actors;
import io.liaison.shell.internal.LiaisonAction;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:create-contact-from-address}: creates a contact person with an unknown address as its standard e-mail. */
@Command(scope = "liaison", name = "create-contact-from-address", description = "Creates a contact person with the "
        + "e-mail address as its standard e-mail, names guessed from the display name or the address, and the "
        + "business partner given or found by the domain")
@Service
public class CreateContactFromAddressCommand extends LiaisonAction {

    @Reference(optional = true)
    AddressResolver resolver;

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "address", required = true, description = "The e-mail address")
    String address;

    @Option(name = "--name", aliases = "-n", description = "The sender's display name, e.g. \"Anna Müller\"")
    String displayName;

    @Option(name = "--business-partner", aliases = "-b", description = "The CRM id of the business partner (default: the one found by the domain)")
    String businessPartner;

    @Option(name = "--employee", aliases = "-e", description = "The employee to act for (CRM id or login; default: the CRM's first employee)")
    String employee;

    @Override
    protected void run() {
        AddressResolver resolver = require(this.resolver, AddressResolver.class, ResolveAddressCommand.ADDRESSES);
        EmployeeId actor = Actors.resolve(crm, employee);
        Optional<BusinessPartnerId> partner = businessPartner == null || businessPartner.isBlank()
                ? Optional.empty() : Optional.of(BusinessPartnerId.of(businessPartner.strip()));
        ContactPerson person = resolver.createContact(actor, address, displayName == null ? "" : displayName, partner);
        if (json) {
            printJson(ResolveAddressCommand.contact(person));
        } else {
            out().println("Created contact person " + ResolveAddressCommand.name(person)
                    + person.data().businessPartner().map(p -> " at business partner " + p).orElse(""));
        }
    }
}

package io.liaison.shell.internal.duplicates;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.EmployeeId;
import io.liaison.shell.internal.Actors;
import io.liaison.shell.internal.LiaisonAction;
import io.liaison.shell.internal.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code liaison:resolve-address}: what an e-mail address resolves to: a contact person, a business partner, ambiguous or unknown. */
@Command(scope = "liaison", name = "resolve-address", description = "Resolves an e-mail address to the contact person "
        + "with it, else to the one business partner with its registrable domain (free-mail domains never match)")
@Service
public class ResolveAddressCommand extends LiaisonAction {
    static final String ADDRESSES = "the address resolution (feature liaison-address-resolution)";

    @Reference(optional = true)
    AddressResolver resolver;

    @Reference(optional = true)
    HostCrm crm;

    @Argument(index = 0, name = "address", required = true, description = "The e-mail address")
    String address;

    @Option(name = "--employee", aliases = "-e", description = "The employee to resolve for (CRM id or login; default: the CRM's first employee)")
    String employee;

    @Override
    protected void run() {
        AddressResolver resolver = require(this.resolver, AddressResolver.class, ADDRESSES);
        EmployeeId actor = Actors.resolve(crm, employee);
        AddressResolution resolution = resolver.resolve(actor, address);
        if (json) {
            printJson(view(resolution));
        } else {
            out().println(text(resolution));
        }
    }

    static Map<String, Object> view(AddressResolution resolution) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (resolution instanceof AddressResolution.ContactFound c) {
            v.put("result", "CONTACT");
            v.put("contactPerson", contact(c.contactPerson()));
            v.put("others", c.others().stream().map(ResolveAddressCommand::contact).toList());
        } else if (resolution instanceof AddressResolution.BusinessPartnerFound b) {
            v.put("result", "BUSINESS_PARTNER");
            v.put("domain", b.domain());
            v.put("businessPartner", partner(b.businessPartner()));
        } else if (resolution instanceof AddressResolution.Ambiguous a) {
            v.put("result", "AMBIGUOUS");
            v.put("domain", a.domain());
            v.put("candidates", a.candidates().stream().map(ResolveAddressCommand::partner).toList());
        } else if (resolution instanceof AddressResolution.Unknown u) {
            v.put("result", "UNKNOWN");
            v.put("domain", u.domain());
            v.put("reason", u.reason());
        }
        return v;
    }

    static String text(AddressResolution resolution) {
        if (resolution instanceof AddressResolution.ContactFound c) {
            return "Contact person " + name(c.contactPerson()) + (c.others().isEmpty() ? "" : " (also: "
                    + c.others().stream().map(ResolveAddressCommand::name).collect(Collectors.joining(", ")) + ")");
        }
        if (resolution instanceof AddressResolution.BusinessPartnerFound b) {
            return "Business partner " + Text.oneLine(b.businessPartner().name()) + " [" + b.businessPartner().id()
                    + "] by domain " + b.domain();
        }
        if (resolution instanceof AddressResolution.Ambiguous a) {
            return "Ambiguous: domain " + a.domain() + " belongs to " + a.candidates().size() + " business partners: "
                    + a.candidates().stream().map(p -> Text.oneLine(p.name()) + " [" + p.id() + "]").collect(Collectors.joining(", "));
        }
        AddressResolution.Unknown u = (AddressResolution.Unknown) resolution;
        return "Unknown (" + u.domain() + "): " + Text.oneLine(u.reason());
    }

    static String name(ContactPerson p) {
        return Text.oneLine(p.data().firstName() + " " + p.data().lastName()) + " [" + p.id() + "]";
    }

    static Map<String, Object> contact(ContactPerson p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id().value());
        v.put("firstName", p.data().firstName());
        v.put("lastName", p.data().lastName());
        v.put("businessPartner", p.data().businessPartner().map(Object::toString));
        return v;
    }

    static Map<String, Object> partner(BusinessPartner p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id().value());
        v.put("name", p.name());
        v.put("emailDomains", p.emailDomains());
        return v;
    }
}

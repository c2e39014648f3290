package io.liaison.rest.internal;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;

/**
 * {@code /api/addresses}: the spec's "Unknown e-mail addresses" for the caller's employee: what an address resolves
 * to, assigning it to a contact person, or creating a contact person with it.
 */
@Path("addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AddressesResource {
    static final String ADDRESSES = "liaison-address-resolution";
    private final Modules modules;

    public AddressesResource(Modules modules) {
        this.modules = modules;
    }

    /** The contact person with the address, else the one business partner with its domain, else why nobody. */
    @GET
    public Views.Resolution resolve(@Context HttpServletRequest request, @QueryParam("address") String address) {
        return Views.resolution(resolution(actor(request), resolver(), address));
    }

    /** Adds the address to the contact person as another e-mail (nothing changes when it has it already). */
    @POST
    @Path("assign")
    public Views.Contact assign(@Context HttpServletRequest request, Inputs.AddressAssignment input) {
        EmployeeId actor = actor(request);
        if (input == null) {
            throw ProblemException.badRequest(null, "a JSON body with the address and the contact person is required");
        }
        AddressResolver resolver = resolver();
        resolution(actor, resolver, input.address());
        if (input.contactPerson() == null || input.contactPerson().isBlank()) {
            throw ProblemException.badRequest("contactPerson", "the contact person to assign the address to is required");
        }
        try {
            return Views.contact(resolver.assignToContact(actor, input.address(),
                    ContactPersonId.of(input.contactPerson().strip())));
        } catch (CrmNotFoundException e) {
            throw new ProblemException(404, "not-found", "Not found", "no contact person " + input.contactPerson(),
                    "contactPerson");
        }
    }

    /**
     * Creates a contact person with the address as its standard e-mail, at the business partner given or found by the
     * domain. Refused (409, with the reason) where the spec wants an assignment instead: the address already belongs
     * to a contact person, or a certain duplicate exists; and where no person can be named from it.
     */
    @POST
    @Path("contacts")
    public Response create(@Context HttpServletRequest request, Inputs.NewAddressContact input) {
        EmployeeId actor = actor(request);
        if (input == null) {
            throw ProblemException.badRequest(null, "a JSON body with the address is required");
        }
        AddressResolver resolver = resolver();
        AddressResolution found = resolution(actor, resolver, input.address());
        Optional<BusinessPartnerId> partner = Optional.ofNullable(input.businessPartner()).map(String::strip)
                .filter(p -> !p.isEmpty()).map(BusinessPartnerId::of);
        if (found instanceof AddressResolution.Ambiguous ambiguous && partner.isEmpty()) {
            throw ProblemException.badRequest("businessPartner", "the domain " + ambiguous.domain() + " belongs to "
                    + ambiguous.candidates().size() + " business partners: name one");
        }
        ContactPerson created;
        try {
            created = resolver.createContact(actor, input.address(), input.displayName(), partner);
        } catch (CrmNotFoundException e) {
            throw new ProblemException(404, "not-found", "Not found", "no business partner " + input.businessPartner(),
                    "businessPartner");
        } catch (IllegalArgumentException e) {
            throw new ProblemException(409, "refused", "Not created", e.getMessage(), null);
        }
        return Response.status(Response.Status.CREATED).entity(Views.contact(created)).build();
    }

    private static AddressResolution resolution(EmployeeId actor, AddressResolver resolver, String address) {
        if (address == null || address.isBlank()) {
            throw ProblemException.badRequest("address", "the e-mail address is required");
        }
        try {
            return resolver.resolve(actor, address);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("address", e.getMessage());
        }
    }

    private EmployeeId actor(HttpServletRequest request) {
        return Access.of(request, modules).employee().orElseThrow(() -> new ProblemException(403, "no-employee",
                "No CRM employee", "addresses are resolved for a CRM employee; this user has none", null));
    }

    private AddressResolver resolver() {
        return Modules.require(modules.addresses(), ADDRESSES);
    }
}

package io.liaison.api.address;

import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolves unknown senders, and the spec's two actions for them: assign the address to an existing contact
 * person, or create a new contact person with it.
 */
@ProviderType
public interface AddressResolver {

    /**
     * Resolves an address for an employee.
     *
     * @throws IllegalArgumentException when the text is not an e-mail address
     */
    AddressResolution resolve(EmployeeId actor, String address);

    /** Adds the address to a contact person as a new e-mail communication (not the standard one). */
    ContactPerson assignToContact(EmployeeId actor, String address, ContactPersonId contactPerson);

    /**
     * Creates a contact person with the address as its standard e-mail, the names guessed from the address
     * or the display name, and the business partner given or found by the domain.
     */
    ContactPerson createContact(EmployeeId actor, String address, String displayName,
                                Optional<BusinessPartnerId> businessPartner);
}

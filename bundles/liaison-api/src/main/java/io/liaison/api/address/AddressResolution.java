package io.liaison.api.address;

import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.ContactPerson;
import java.util.List;

/**
 * What an e-mail address resolves to, following the spec's "Unknown e-mail addresses": the contact person
 * with that address, else the one business partner with its domain, else nothing. Never a guess.
 */
public sealed interface AddressResolution {

    /** The address is a communication of a contact person (the first of several, with the others listed). */
    record ContactFound(ContactPerson contactPerson, List<ContactPerson> others) implements AddressResolution {
        public ContactFound {
            others = List.copyOf(others);
        }
    }

    /** No contact person has the address, but exactly one business partner has its registrable domain. */
    record BusinessPartnerFound(BusinessPartner businessPartner, String domain) implements AddressResolution {
    }

    /** Two or more business partners have the domain: reported, not guessed. */
    record Ambiguous(String domain, List<BusinessPartner> candidates) implements AddressResolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** Nobody found: no contact person, and no partner with the domain (or a free-mail domain). */
    record Unknown(String domain, String reason) implements AddressResolution {
    }
}

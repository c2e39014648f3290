package io.liaison.mailimport.internal;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.domain.EmployeeId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns an imported mail to the sender's contact person and business partner through the address
 * resolution service, when that module is installed; without it every mail stays "not assigned".
 */
final class SenderAssigner {
    private static final Logger LOG = LoggerFactory.getLogger(SenderAssigner.class);

    private final Supplier<Optional<AddressResolver>> resolver;

    SenderAssigner(Supplier<Optional<AddressResolver>> resolver) {
        this.resolver = resolver;
    }

    Assignment assign(EmployeeId employee, String senderAddress) {
        return assign(employee, senderAddress, Optional.empty());
    }

    /**
     * Assigns the mail; a mail a program sent ({@code automated}: a bounce, an automatic reply) only to a contact
     * person who has the sender's address, never to a business partner through the sender's domain: a customer's
     * mail server reporting an undeliverable mail is not the customer writing.
     */
    Assignment assign(EmployeeId employee, String senderAddress, Optional<String> automated) {
        Assignment assignment = assignBySender(employee, senderAddress);
        if (automated.isPresent() && assignment.contactPerson().isEmpty() && assignment.businessPartner().isPresent()) {
            return Assignment.none(automated.get() + ": not assigned through the sender's domain");
        }
        return assignment;
    }

    private Assignment assignBySender(EmployeeId employee, String senderAddress) {
        if (senderAddress.isBlank()) {
            return Assignment.none("the message names no sender");
        }
        Optional<AddressResolver> service = resolver.get();
        if (service.isEmpty()) {
            return Assignment.none("address resolution is not installed");
        }
        AddressResolution resolution;
        try {
            resolution = service.get().resolve(employee, senderAddress);
        } catch (IllegalArgumentException e) {
            return Assignment.none(e.getMessage());
        } catch (RuntimeException e) {
            // The resolver is another module: its failure must not cost the mail its import.
            LOG.warn("Address resolution failed for a sender: {}", e.toString());
            return Assignment.none("address resolution failed: " + e.getMessage());
        }
        if (resolution instanceof AddressResolution.ContactFound found) {
            return new Assignment(found.contactPerson().data().businessPartner(),
                    Optional.of(found.contactPerson().id()),
                    "contact person " + found.contactPerson().id()
                            + (found.others().isEmpty() ? "" : " (" + found.others().size() + " more with this address)"));
        }
        if (resolution instanceof AddressResolution.BusinessPartnerFound found) {
            return new Assignment(Optional.of(found.businessPartner().id()), Optional.empty(),
                    "business partner " + found.businessPartner().id() + " by domain " + found.domain());
        }
        if (resolution instanceof AddressResolution.Ambiguous ambiguous) {
            return Assignment.none(ambiguous.candidates().size() + " business partners have the domain "
                    + ambiguous.domain());
        }
        AddressResolution.Unknown unknown = (AddressResolution.Unknown) resolution;
        return Assignment.none(unknown.reason());
    }
}

package io.liaison.address.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the address resolution (PID {@code io.liaison.address}). */
@ObjectClassDefinition(name = "Liaison address resolution",
        description = "Unknown e-mail addresses: contact person, else business partner by the registrable domain.")
public @interface AddressResolverConfig {

    @AttributeDefinition(name = "Additional free-mail domains",
            description = "Domains besides the shipped list (gmail.com, web.de, gmx.de, ...) that never identify a business partner.")
    String[] additionalFreeMailDomains() default {};

    @AttributeDefinition(name = "Full domain first",
            description = "Look for partners with the address's full domain (vertrieb.firma.co.uk) before its registrable "
                    + "domain (firma.co.uk), so that a partner that registered a subdomain is found before its parent.")
    boolean fullDomainFirst() default true;
}

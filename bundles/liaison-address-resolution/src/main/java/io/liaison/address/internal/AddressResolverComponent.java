package io.liaison.address.internal;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.DuplicateCheck;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves unknown senders as the spec's "Unknown e-mail addresses" says: the contact person with the address;
 * else the business partner with its domain ("BPwithEmail"), looking first for the full domain
 * ({@code vertrieb.firma.co.uk}, configurable) and then for the registrable domain ({@code firma.co.uk}); a
 * free-mail domain never matches, nor the domain of the employee's own company; two or more partners are reported
 * as ambiguous, never guessed. A contact person is created from an address only when the duplicate check (when
 * installed) finds no certain duplicate of it.
 */
@Component(service = AddressResolver.class, configurationPid = "io.liaison.address")
@Designate(ocd = AddressResolverConfig.class)
public final class AddressResolverComponent implements AddressResolver {
    private static final Logger LOG = LoggerFactory.getLogger(AddressResolverComponent.class);

    private final HostCrm crm;
    private final Map<EmployeeId, Optional<String>> ownDomains = new ConcurrentHashMap<>();
    /** The duplicate check, when installed: a contact person is created only when it is no certain duplicate. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DuplicateCheck duplicates;
    /** Replaced as a whole when the configuration changes. */
    private volatile Settings settings;

    private record Settings(FreeMailDomains freeMail, boolean fullDomainFirst) {
        static Settings of(AddressResolverConfig config) {
            return new Settings(FreeMailDomains.withAdditional(Arrays.asList(config.additionalFreeMailDomains())),
                    config.fullDomainFirst());
        }
    }

    @Activate
    public AddressResolverComponent(@Reference(name = "crm") HostCrm crm, AddressResolverConfig config) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.settings = Settings.of(config);
    }

    /** A changed configuration applies to the next resolution, without a restart of the component. */
    @Modified
    void modified(AddressResolverConfig config) {
        this.settings = Settings.of(config);
    }

    @Override
    public AddressResolution resolve(EmployeeId actor, String address) {
        EmailAddress email = EmailAddress.parse(address);
        List<ContactPerson> people = contactsWith(actor, email);
        if (!people.isEmpty()) {
            return new AddressResolution.ContactFound(people.get(0), people.subList(1, people.size()));
        }
        return byDomain(actor, email);
    }

    private AddressResolution byDomain(EmployeeId actor, EmailAddress email) {
        String registrable = RegistrableDomain.of(email.asciiDomain());
        Settings settings = this.settings;
        if (ownDomain(actor).filter(registrable::equals).isPresent()) {
            return new AddressResolution.Unknown(registrable, "no contact person has the address, and " + registrable
                    + " is the domain of the employee's own company (an internal mail, or a colleague organising a "
                    + "meeting), which never identifies a customer");
        }
        if (settings.freeMail().contains(email.asciiDomain(), registrable)) {
            return new AddressResolution.Unknown(registrable, "no contact person has the address, and " + registrable
                    + " is a free-mail domain, which never identifies a business partner");
        }
        if (DisposableDomains.shipped().contains(email.asciiDomain(), registrable)) {
            return new AddressResolution.Unknown(registrable, "no contact person has the address, and "
                    + email.asciiDomain() + " is a disposable-address domain, which never identifies a business partner");
        }
        List<String> domains = new ArrayList<>();
        if (settings.fullDomainFirst() && !registrable.equals(email.asciiDomain())) {
            domains.add(email.asciiDomain());
        }
        domains.add(registrable);
        for (String domain : domains) {
            List<BusinessPartner> partners = partnersWith(actor, domain);
            if (partners.size() == 1) {
                return new AddressResolution.BusinessPartnerFound(partners.get(0), domain);
            }
            if (partners.size() > 1) {
                LOG.debug("Domain {} belongs to {} business partners: reported as ambiguous", domain, partners.size());
                return new AddressResolution.Ambiguous(domain, partners);
            }
        }
        return new AddressResolution.Unknown(registrable, "no contact person has the address and no business partner the domain "
                + String.join(" or ", domains));
    }

    /**
     * Contact persons with the address as given, in ASCII or in Unicode form, or with a spelling that reaches the same
     * mailbox (without a +tag; Gmail's dots), as the duplicate check compares them.
     */
    private List<ContactPerson> contactsWith(EmployeeId actor, EmailAddress email) {
        Set<String> forms = new LinkedHashSet<>(List.of(email.address(), email.localPart() + "@" + email.asciiDomain(),
                email.localPart() + "@" + email.unicodeDomain()));
        forms.addAll(email.sameMailbox());
        Map<ContactPersonId, ContactPerson> found = new LinkedHashMap<>();
        for (String form : forms) {
            crm.contactPersons().findByEmail(actor, form).forEach(p -> found.putIfAbsent(p.id(), p));
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The registrable domain of the employee's own e-mail address, if the CRM knows one: remembered per employee
     * (an employee's address rarely changes, and every resolution would otherwise ask the CRM).
     */
    private Optional<String> ownDomain(EmployeeId actor) {
        return ownDomains.computeIfAbsent(actor, a -> crm.employees().get(a).map(Employee::email)
                .filter(e -> e.indexOf('@') > 0).flatMap(e -> {
                    try {
                        return Optional.of(RegistrableDomain.of(EmailAddress.parse(e).asciiDomain()));
                    } catch (IllegalArgumentException unreadable) {
                        return Optional.empty();
                    }
                }));
    }

    /** Partners with the domain in ASCII or in Unicode form. */
    private List<BusinessPartner> partnersWith(EmployeeId actor, String asciiDomain) {
        Set<String> forms = new LinkedHashSet<>(List.of(asciiDomain, DomainNames.toUnicode(asciiDomain)));
        Map<BusinessPartnerId, BusinessPartner> found = new LinkedHashMap<>();
        for (String form : forms) {
            crm.businessPartners().findByEmailDomain(actor, form).forEach(p -> found.putIfAbsent(p.id(), p));
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public ContactPerson assignToContact(EmployeeId actor, String address, ContactPersonId contactPerson) {
        EmailAddress email = EmailAddress.parse(address);
        ContactPerson person = crm.contactPersons().get(actor, contactPerson).orElseThrow(() -> new CrmNotFoundException(
                "contact person " + contactPerson + " does not exist, or employee " + actor + " may not see it"));
        boolean known = person.data().valuesOf(CommunicationType.EMAIL).stream()
                .anyMatch(v -> sameAddress(v, email));
        if (known) {
            return person;
        }
        return crm.contactPersons().addCommunication(actor, contactPerson, Communication.email(email.address(), false));
    }

    private static boolean sameAddress(String stored, EmailAddress email) {
        try {
            EmailAddress other = EmailAddress.parse(stored);
            return other.localPart().equalsIgnoreCase(email.localPart()) && other.asciiDomain().equals(email.asciiDomain());
        } catch (IllegalArgumentException e) {
            return stored.equalsIgnoreCase(email.address());
        }
    }

    @Override
    public ContactPerson createContact(EmployeeId actor, String address, String displayName,
                                       Optional<BusinessPartnerId> businessPartner) {
        EmailAddress email = EmailAddress.parse(address);
        List<ContactPerson> existing = contactsWith(actor, email);
        if (!existing.isEmpty()) {
            ContactPerson first = existing.get(0);
            throw new IllegalArgumentException("address " + email.address() + " already belongs to contact person "
                    + first.id() + " (" + (first.data().firstName() + " " + first.data().lastName()).strip()
                    + "): assign it instead of creating another one");
        }
        Optional<BusinessPartnerId> partner = businessPartner.isPresent()
                ? Optional.of(crm.businessPartners().get(actor, businessPartner.get()).orElseThrow(() -> new CrmNotFoundException(
                "business partner " + businessPartner.get() + " does not exist, or employee " + actor + " may not see it")).id())
                : partnerOf(actor, email);
        NameGuess names = NameGuess.from(displayName, email.localPart());
        if (names.last().isEmpty()) {
            throw new IllegalArgumentException("address " + email.address() + " is a role or team address and names no "
                    + "person: give the contact's name");
        }
        DuplicateCheck check = duplicates;
        if (check != null) {
            DuplicateResult result = check.check(actor, new ContactCandidate(names.title(), names.first(), names.last(),
                    List.of(email.address()), List.of(), List.of(), ""));
            if (result.status() == DuplicateStatus.CERTAIN) {
                DuplicateMatch match = result.matches().get(0);
                throw new IllegalArgumentException("a certain duplicate of contact person " + match.contactPerson()
                        + " (" + String.join(", ", match.reasons()) + "): assign the address to it instead");
            }
        }
        ContactPersonData data = new ContactPersonData(partner, "", names.title(), names.first(), names.last(), "", "",
                List.of(Communication.email(email.address(), true)));
        ContactPerson created = crm.contactPersons().create(actor, data, Optional.empty());
        LOG.info("Contact person {} created for an unknown address{}", created.id(),
                partner.map(p -> " at business partner " + p).orElse(""));
        return created;
    }

    private Optional<BusinessPartnerId> partnerOf(EmployeeId actor, EmailAddress email) {
        AddressResolution byDomain = byDomain(actor, email);
        if (byDomain instanceof AddressResolution.BusinessPartnerFound found) {
            return Optional.of(found.businessPartner().id());
        }
        if (byDomain instanceof AddressResolution.Ambiguous ambiguous) {
            throw new IllegalArgumentException("domain " + ambiguous.domain() + " belongs to " + ambiguous.candidates().size()
                    + " business partners (" + ambiguous.candidates().stream().map(p -> p.name() + " [" + p.id() + "]")
                    .collect(Collectors.joining(", ")) + "): name the business partner");
        }
        return Optional.empty();
    }
}

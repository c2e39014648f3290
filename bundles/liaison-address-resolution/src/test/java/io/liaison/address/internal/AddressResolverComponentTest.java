package io.liaison.address.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.address.AddressResolution;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.crm.embedded.internal.JdbcHostCrm;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resolver over the real embedded host CRM (JdbcHostCrm on H2). */
class AddressResolverComponentTest {
    private JdbcHostCrm crm;
    private EmployeeId demo;
    private AddressResolverComponent resolver;
    private ContactPerson anna;
    private BusinessPartner firma;

    static AddressResolverConfig config(boolean fullDomainFirst, String... freeMail) {
        return new AddressResolverConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AddressResolverConfig.class; }
            @Override public String[] additionalFreeMailDomains() { return freeMail; }
            @Override public boolean fullDomainFirst() { return fullDomainFirst; }
        };
    }

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        crm = new JdbcHostCrm(ds);
        demo = crm.employees().findByLogin("demo").orElseThrow().id();
        firma = crm.businessPartners().create(demo, "Firma Ltd", List.of("firma.co.uk"));
        anna = crm.contactPersons().create(demo, new ContactPersonData(Optional.of(firma.id()), "", "", "Anna", "Müller", "", "",
                List.of(Communication.email("Anna.Mueller@firma.co.uk", true))), Optional.empty());
        resolver = new AddressResolverComponent(crm, config(true, "privatmail.example"));
    }

    @Test
    void findsTheContactPersonWithTheAddressFirst() {
        AddressResolution r = resolver.resolve(demo, " anna.mueller@FIRMA.co.uk ");
        assertThat(r).isInstanceOf(AddressResolution.ContactFound.class);
        assertThat(((AddressResolution.ContactFound) r).contactPerson().id()).isEqualTo(anna.id());
        assertThat(((AddressResolution.ContactFound) r).others()).isEmpty();
    }

    @Test
    void elseFindsTheBusinessPartnerByTheRegistrableDomain() {
        AddressResolution r = resolver.resolve(demo, "einkauf@vertrieb.firma.co.uk");
        assertThat(r).isEqualTo(new AddressResolution.BusinessPartnerFound(firma, "firma.co.uk"));
        assertThat(RegistrableDomain.of("vertrieb.firma.co.uk")).isEqualTo("firma.co.uk");
        assertThat(RegistrableDomain.of("mail.firma.de")).isEqualTo("firma.de");
        assertThat(RegistrableDomain.of("firma.local")).isEqualTo("firma.local");
    }

    @Test
    void findsAPartnerOfTheFullDomainBeforeTheRegistrableOne() {
        BusinessPartner vertrieb = crm.businessPartners().create(demo, "Firma Vertrieb", List.of("vertrieb.firma.co.uk"));
        assertThat(resolver.resolve(demo, "x@vertrieb.firma.co.uk"))
                .isEqualTo(new AddressResolution.BusinessPartnerFound(vertrieb, "vertrieb.firma.co.uk"));
        assertThat(new AddressResolverComponent(crm, config(false)).resolve(demo, "x@vertrieb.firma.co.uk"))
                .isEqualTo(new AddressResolution.BusinessPartnerFound(firma, "firma.co.uk"));
    }

    @Test
    void reportsTwoPartnersWithTheDomainAsAmbiguous() {
        BusinessPartner second = crm.businessPartners().create(demo, "Firma Holding", List.of("FIRMA.co.uk"));
        AddressResolution r = resolver.resolve(demo, "new@firma.co.uk");
        assertThat(r).isInstanceOf(AddressResolution.Ambiguous.class);
        assertThat(((AddressResolution.Ambiguous) r).candidates()).extracting(BusinessPartner::id)
                .containsExactlyInAnyOrder(firma.id(), second.id());
        assertThatThrownBy(() -> resolver.createContact(demo, "new@firma.co.uk", "", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to 2 business partners");
    }

    @Test
    void neverMatchesAPartnerByAFreeMailDomain() {
        crm.businessPartners().create(demo, "Someone who entered gmail.com", List.of("gmail.com", "web.de", "privatmail.example"));
        for (String address : List.of("anna@gmail.com", "anna@googlemail.com", "x@web.de", "y@gmx.net", "z@t-online.de",
                "a@privatmail.example")) {
            AddressResolution r = resolver.resolve(demo, address);
            assertThat(r).as(address).isInstanceOf(AddressResolution.Unknown.class);
            assertThat(((AddressResolution.Unknown) r).reason()).contains("free-mail domain");
        }
        assertThat(FreeMailDomains.withAdditional(List.of()).size()).isGreaterThan(40);
    }

    @Test
    void reportsAnUnknownDomainAndRefusesTextThatIsNoAddress() {
        assertThat(resolver.resolve(demo, "x@unbekannt.de"))
                .isEqualTo(new AddressResolution.Unknown("unbekannt.de",
                        "no contact person has the address and no business partner the domain unbekannt.de"));
        assertThatThrownBy(() -> resolver.resolve(demo, "anna.firma.de")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'anna.firma.de' is not an e-mail address: it has no @");
        assertThatThrownBy(() -> resolver.resolve(demo, "anna@")).hasMessageContaining("nothing after the @");
    }

    @Test
    void findsPartnersAndContactsByInternationalisedDomains() {
        BusinessPartner baecker = crm.businessPartners().create(demo, "Bäckerei Müller", List.of("bäckerei-müller.de"));
        assertThat(resolver.resolve(demo, "info@xn--bckerei-mller-bfb28a.de"))
                .isEqualTo(new AddressResolution.BusinessPartnerFound(baecker, "xn--bckerei-mller-bfb28a.de"));
    }

    @Test
    void assignsTheAddressToAContactAsAFurtherCommunication() {
        ContactPerson updated = resolver.assignToContact(demo, "anna@privat.de", anna.id());
        assertThat(updated.data().communications()).contains(new Communication(CommunicationType.EMAIL, "anna@privat.de", false));
        assertThat(updated.data().valuesOf(CommunicationType.EMAIL).get(0)).isEqualTo("Anna.Mueller@firma.co.uk");
        // again: nothing added
        assertThat(resolver.assignToContact(demo, "ANNA@privat.de", anna.id()).data().communications()).hasSize(2);
        assertThat(resolver.resolve(demo, "anna@privat.de")).isInstanceOf(AddressResolution.ContactFound.class);
        assertThatThrownBy(() -> resolver.assignToContact(demo, "a@b.de", ContactPersonId.of("999999")))
                .isInstanceOf(CrmNotFoundException.class).hasMessageContaining("999999");
    }

    @Test
    void createsAContactWithGuessedNamesAndThePartnerFoundByTheDomain() {
        ContactPerson hans = resolver.createContact(demo, "hans-peter.schmidt@vertrieb.firma.co.uk", "", Optional.empty());
        assertThat(hans.data().firstName()).isEqualTo("Hans-Peter");
        assertThat(hans.data().lastName()).isEqualTo("Schmidt");
        assertThat(hans.data().businessPartner()).contains(firma.id());
        assertThat(hans.data().communications()).containsExactly(Communication.email("hans-peter.schmidt@vertrieb.firma.co.uk", true));

        ContactPerson eva = resolver.createContact(demo, "eva@gmail.com", "\"Dr. Eva von der Heide\"", Optional.empty());
        assertThat(eva.data().title()).isEqualTo("Dr.");
        assertThat(eva.data().firstName()).isEqualTo("Eva");
        assertThat(eva.data().lastName()).isEqualTo("von der Heide");
        assertThat(eva.data().businessPartner()).isEmpty();

        BusinessPartner other = crm.businessPartners().create(demo, "Other", List.of("other.de"));
        ContactPerson given = resolver.createContact(demo, "x@firma.co.uk", "Weber, Karl", Optional.of(other.id()));
        assertThat(given.data().businessPartner()).contains(other.id());
        assertThat(given.data().firstName()).isEqualTo("Karl");
        assertThat(given.data().lastName()).isEqualTo("Weber");

        assertThatThrownBy(() -> resolver.createContact(demo, "ANNA.MUELLER@firma.co.uk", "", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already belongs to contact person " + anna.id());
    }

    @Test
    void guessesNames() {
        assertThat(NameGuess.from("", "a.mueller+crm")).isEqualTo(new NameGuess("", "A.", "Mueller"));
        assertThat(NameGuess.from("anna@firma.de", "anna_maria.schmidt2")).isEqualTo(new NameGuess("", "Anna Maria", "Schmidt"));
        assertThat(NameGuess.from(null, "info")).as("a role address names no person").isEqualTo(new NameGuess("", "", ""));
        assertThat(NameGuess.from("Prof. Dr. Jürgen Groß", "x")).isEqualTo(new NameGuess("Prof. Dr.", "Jürgen", "Groß"));
        assertThat(NameGuess.from("Madonna", "x")).isEqualTo(new NameGuess("", "", "Madonna"));
    }

    @Test
    void theEmployeesOwnCompanyDomainNeverResolvesToACustomer() {
        // demo's own address is demo@example.com; the own company is often a business partner of its CRM too
        crm.businessPartners().create(demo, "Eigene Firma", List.of("example.com"));
        AddressResolution r = resolver.resolve(demo, "kollegin@example.com");
        assertThat(r).isInstanceOf(AddressResolution.Unknown.class);
        assertThat(((AddressResolution.Unknown) r).reason()).contains("own company");
    }

    @Test
    void findsTheContactPersonBehindATaggedAddress() {
        AddressResolution r = resolver.resolve(demo, "anna.mueller+newsletter@firma.co.uk");
        assertThat(r).isInstanceOf(AddressResolution.ContactFound.class);
        assertThat(((AddressResolution.ContactFound) r).contactPerson().id()).isEqualTo(anna.id());
    }

    @Test
    void guessesSensibleNames() {
        assertThat(NameGuess.from("Anna Müller (Firma GmbH)", "am")).isEqualTo(new NameGuess("", "Anna", "Müller"));
        assertThat(NameGuess.from("MÜLLER Anna", "am")).isEqualTo(new NameGuess("", "Anna", "Müller"));
        assertThat(NameGuess.from("", "info")).isEqualTo(new NameGuess("", "", ""));
        assertThat(NameGuess.from("", "vertrieb-nord")).isEqualTo(new NameGuess("", "", ""));
        assertThat(NameGuess.from("", "anna.mueller")).isEqualTo(new NameGuess("", "Anna", "Mueller"));
        assertThatThrownBy(() -> resolver.createContact(demo, "info@firma.co.uk", "", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no person");
    }

    @Test
    void refusesToCreateACertainDuplicate() {
        resolver.duplicates = (actor, candidate) -> candidate.lastName().equals("Müller")
                ? new DuplicateResult(DuplicateStatus.CERTAIN, List.of(new DuplicateMatch(anna.id(), DuplicateStatus.CERTAIN,
                        List.of("same last name (mueller) and same mobile number +491711234567"))))
                : new DuplicateResult(DuplicateStatus.NONE, List.of());
        assertThatThrownBy(() -> resolver.createContact(demo, "a.mueller@privat.de", "Anna Müller", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a certain duplicate of contact person");
        assertThat(resolver.createContact(demo, "b.neu@privat.de", "Bernd Neu", Optional.empty()).data().lastName())
                .isEqualTo("Neu");
    }

    @Test
    void knowsTheGermanAustrianAndSwissFreeMailProviders() {
        FreeMailDomains free = FreeMailDomains.withAdditional(List.of());
        for (String domain : List.of("magenta.de", "vodafonemail.de", "mail.com", "gmx.eu", "outlook.at", "live.at",
                "aon.at", "a1.net", "sunrise.ch", "ewetel.net", "netcologne.de", "kabelbw.de")) {
            assertThat(free.contains(domain, domain)).as(domain).isTrue();
        }
    }

    @Test
    void aDisposableAddressNeverIdentifiesABusinessPartner() {
        // the domains are in the npm package disposable-email-domains; a partner that (wrongly) holds one is not found
        crm.businessPartners().create(demo, "Mailinator", List.of("mailinator.com"));
        crm.businessPartners().create(demo, "Trashmail", List.of("trashmail.de"));
        crm.businessPartners().create(demo, "33mail", List.of("33mail.com"));
        for (String address : List.of("x@mailinator.com", "x@trashmail.de", "x@anna.33mail.com")) {
            AddressResolution r = resolver.resolve(demo, address);
            assertThat(r).as(address).isInstanceOf(AddressResolution.Unknown.class);
            assertThat(((AddressResolution.Unknown) r).reason()).as(address).contains("disposable-address domain");
        }
        // the spec's actions for an unknown address stay: a contact person can be created, without a partner
        ContactPerson created = resolver.createContact(demo, "xaver.yilmaz@mailinator.com", "", Optional.empty());
        assertThat(created.data().businessPartner()).isEmpty();
        // and the contact person with the address is found first, as for any address
        assertThat(resolver.resolve(demo, "xaver.yilmaz@mailinator.com")).isInstanceOf(AddressResolution.ContactFound.class);
        assertThat(DisposableDomains.shipped().size()).isGreaterThan(100_000);
        assertThat(DisposableDomains.shipped().contains("firma.co.uk", "firma.co.uk")).isFalse();
    }

    @Test
    void straßeDeIsAnotherDomainThanStrasseDe() {
        // UTS #46 nontransitional (IDNA2008): ß is kept, as in the duplicate check; IDNA2003 would map it to ss
        BusinessPartner strasse = crm.businessPartners().create(demo, "Strasse AG", List.of("strasse.de"));
        BusinessPartner straße = crm.businessPartners().create(demo, "Straße GmbH", List.of("straße.de"));
        assertThat(resolver.resolve(demo, "anna@STRASSE.de")).isEqualTo(new AddressResolution.BusinessPartnerFound(strasse, "strasse.de"));
        assertThat(resolver.resolve(demo, "anna@straße.de"))
                .isEqualTo(new AddressResolution.BusinessPartnerFound(straße, "xn--strae-oqa.de"));
    }
}

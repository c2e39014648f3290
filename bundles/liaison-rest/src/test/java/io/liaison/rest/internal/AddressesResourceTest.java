package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;

/**
 * {@code /api/addresses}: the spec's "Unknown e-mail addresses" over the real address resolution and the embedded
 * CRM: Firma Ltd has the domain firma.co.uk and the contact person Anna Müller; two partners share twin.example.
 */
class AddressesResourceTest {
    static ApiServer api;
    static BusinessPartner firma;
    static ContactPerson anna;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
        firma = api.hostCrm.businessPartners().create(api.demo, "Firma Ltd", List.of("firma.co.uk"));
        anna = api.hostCrm.contactPersons().create(api.demo, new ContactPersonData(Optional.of(firma.id()), "", "",
                "Anna", "Müller", "", "", List.of(Communication.email("Anna.Mueller@firma.co.uk", true))),
                Optional.empty());
        api.hostCrm.businessPartners().create(api.demo, "Twin A", List.of("twin.example"));
        api.hostCrm.businessPartners().create(api.demo, "Twin B", List.of("twin.example"));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void installed() {
        api.addresses = api.resolver;
    }

    @Test
    void anAddressResolvesToItsContactPersonFirst() {
        ApiServer.Answer a = api.get("demo", "addresses?address=anna.mueller@FIRMA.co.uk");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("result").asText()).isEqualTo("CONTACT");
        assertThat(a.json().get("contactPerson").get("id").asText()).isEqualTo(anna.id().value());
        assertThat(a.json().get("contactPerson").get("lastName").asText()).isEqualTo("Müller");
    }

    @Test
    void elseToTheOnePartnerWithItsRegistrableDomainElseToNobody() {
        // firma.co.uk is the registrable domain of vertrieb.firma.co.uk (co.uk is a public suffix)
        JsonNode partner = api.get("demo", "addresses?address=info@vertrieb.firma.co.uk").json();
        assertThat(partner.get("result").asText()).isEqualTo("BUSINESS_PARTNER");
        assertThat(partner.get("businessPartner").get("id").asText()).isEqualTo(firma.id().value());
        assertThat(partner.get("domain").asText()).isEqualTo("firma.co.uk");
        JsonNode twins = api.get("demo", "addresses?address=sales@twin.example").json();
        assertThat(twins.get("result").asText()).isEqualTo("AMBIGUOUS");
        assertThat(twins.get("candidates")).hasSize(2);
        JsonNode freeMail = api.get("demo", "addresses?address=someone@gmail.com").json();
        assertThat(freeMail.get("result").asText()).isEqualTo("UNKNOWN");
        assertThat(freeMail.get("reason").asText()).contains("free-mail");
    }

    @Test
    void noAddressOrNoneAtAllIsAProblemNamingIt() {
        ApiServer.Answer missing = api.get("demo", "addresses");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("address");
        ApiServer.Answer bad = api.get("demo", "addresses?address=no-address-at-all");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("field").asText()).isEqualTo("address");
    }

    @Test
    void anAddressIsAssignedToAContactPerson() {
        ApiServer.Answer a = api.send("demo", "POST", "addresses/assign",
                "{\"address\":\"anna.private@privat.example\",\"contactPerson\":\"" + anna.id().value() + "\"}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        a.json().get("emails").forEach(e -> emails.add(e.asText()));
        assertThat(emails).contains("Anna.Mueller@firma.co.uk", "anna.private@privat.example");
        assertThat(api.get("demo", "addresses?address=anna.private@privat.example").json().get("contactPerson")
                .get("id").asText()).isEqualTo(anna.id().value());
    }

    @Test
    void assigningNeedsAnAddressAndAnExistingContactPerson() {
        ApiServer.Answer noContact = api.send("demo", "POST", "addresses/assign", "{\"address\":\"x@privat.example\"}");
        assertThat(noContact.status()).isEqualTo(400);
        assertThat(noContact.json().get("field").asText()).isEqualTo("contactPerson");
        ApiServer.Answer unknown = api.send("demo", "POST", "addresses/assign",
                "{\"address\":\"x@privat.example\",\"contactPerson\":\"999999\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("contactPerson");
        ApiServer.Answer badAddress = api.send("demo", "POST", "addresses/assign",
                "{\"address\":\"x at privat\",\"contactPerson\":\"" + anna.id().value() + "\"}");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.json().get("field").asText()).isEqualTo("address");
        assertThat(api.send("demo", "POST", "addresses/assign", "{\"address\":").status()).isEqualTo(400);
    }

    @Test
    void aContactPersonIsCreatedAtThePartnerOfTheDomain() {
        ApiServer.Answer a = api.send("demo", "POST", "addresses/contacts",
                "{\"address\":\"peter.schmidt@firma.co.uk\"}");
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(a.json().get("firstName").asText()).isEqualTo("Peter");
        assertThat(a.json().get("lastName").asText()).isEqualTo("Schmidt");
        assertThat(a.json().get("businessPartner").asText()).isEqualTo(firma.id().value());
        assertThat(api.get("demo", "addresses?address=peter.schmidt@firma.co.uk").json().get("result").asText())
                .isEqualTo("CONTACT");
    }

    @Test
    void creatingIsRefusedWhereTheSpecWantsAnAssignmentOrAName() {
        ApiServer.Answer known = api.send("demo", "POST", "addresses/contacts",
                "{\"address\":\"Anna.Mueller@firma.co.uk\"}");
        assertThat(known.status()).isEqualTo(409);
        assertThat(known.json().get("detail").asText()).contains(anna.id().value());
        ApiServer.Answer ambiguous = api.send("demo", "POST", "addresses/contacts",
                "{\"address\":\"jan.berg@twin.example\"}");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("field").asText()).isEqualTo("businessPartner");
        ApiServer.Answer noPartner = api.send("demo", "POST", "addresses/contacts",
                "{\"address\":\"jan.berg@twin.example\",\"businessPartner\":\"999999\"}");
        assertThat(noPartner.status()).isEqualTo(404);
        assertThat(noPartner.json().get("field").asText()).isEqualTo("businessPartner");
        ApiServer.Answer noAddress = api.send("demo", "POST", "addresses/contacts", "{\"displayName\":\"Jan Berg\"}");
        assertThat(noAddress.status()).isEqualTo(400);
        assertThat(noAddress.json().get("field").asText()).isEqualTo("address");
    }

    @Test
    void anAdministratorWithoutEmployeeAndAMissingModuleAreProblems() {
        assertThat(api.get("boss", "addresses?address=someone@gmail.com").status()).isEqualTo(403);
        api.addresses = null;
        ApiServer.Answer a = api.get("demo", "addresses?address=someone@gmail.com");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("detail").asText()).contains("liaison-address-resolution");
        assertThat(api.get("demo", "preferences").status()).isEqualTo(200);
    }
}

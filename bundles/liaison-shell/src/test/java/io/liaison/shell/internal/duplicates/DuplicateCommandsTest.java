package io.liaison.shell.internal.duplicates;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.address.AddressResolution;
import io.liaison.api.address.AddressResolver;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.duplicates.ContactCandidate;
import io.liaison.api.duplicates.ContactFileEntry;
import io.liaison.api.duplicates.DuplicateMatch;
import io.liaison.api.duplicates.DuplicateResult;
import io.liaison.api.duplicates.DuplicateStatus;
import io.liaison.shell.internal.InMemoryCrm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duplicate and address commands against stand-ins of the two services (the modules are tested on their own). */
class DuplicateCommandsTest {
    InMemoryCrm crm = new InMemoryCrm();
    List<EmployeeId> actors = new ArrayList<>();

    @TempDir
    Path dir;

    private static ContactCandidate candidate(String first, String last, String email) {
        return new ContactCandidate("", first, last, List.of(email), List.of(), List.of(), "");
    }

    DuplicatesCheckCommand checkCommand(Path file) {
        DuplicatesCheckCommand c = new DuplicatesCheckCommand();
        c.crm = crm;
        c.file = file.toString();
        c.reader = path -> List.of(
                new ContactFileEntry(1, "Anna Müller", Optional.of(candidate("Anna", "Müller", "anna@firma.de")), Optional.empty(), Map.of("note", "vip")),
                new ContactFileEntry(2, "row 3", Optional.empty(), Optional.of("row 3 has 2 fields, the header 6"), Map.of()),
                new ContactFileEntry(3, "Bad Mail", Optional.of(candidate("Bad", "Mail", "bad.mail")), Optional.empty(), Map.of()),
                new ContactFileEntry(4, "Eva Weber", Optional.of(candidate("Eva", "Weber", "eva@weber.de")), Optional.empty(), Map.of()));
        c.check = (actor, contact) -> {
            actors.add(actor);
            if (contact.emails().get(0).equals("bad.mail")) {
                throw new IllegalArgumentException("e-mail address 'bad.mail' has no @");
            }
            return contact.lastName().equals("Müller")
                    ? new DuplicateResult(DuplicateStatus.CERTAIN, List.of(new DuplicateMatch(ContactPersonId.of("17"),
                    DuplicateStatus.CERTAIN, List.of("same e-mail address anna@firma.de"))))
                    : new DuplicateResult(DuplicateStatus.NONE, List.of(),
                    List.of("phone number 'n/a' is not a phone number (not_a_number): not compared"));
        };
        return c;
    }

    @Test
    void printsEachContactsStatusMatchesAndReasonsAndChecksTheRestAfterAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("in.csv"), "x");
        assertThat(output(checkCommand(file))).isEqualTo("""
                #1 Anna Müller: CERTAIN 17
                    17 CERTAIN: same e-mail address anna@firma.de
                #2 row 3: ERROR row 3 has 2 fields, the header 6
                #3 Bad Mail: ERROR e-mail address 'bad.mail' has no @
                #4 Eva Weber: NONE
                    note: phone number 'n/a' is not a phone number (not_a_number): not compared
                4 contacts checked as employee demo: 1 certain, 0 possible, 1 no duplicate, 2 errors
                """);
        assertThat(actors).containsOnly(EmployeeId.of("demo"));
    }

    @Test
    void printsJson() throws Exception {
        Path file = Files.writeString(dir.resolve("in.vcf"), "x");
        JsonNode j = json(checkCommand(file));
        assertThat(j.get("contacts")).hasSize(4);
        assertThat(j.get("contacts").get(0).get("status").asText()).isEqualTo("CERTAIN");
        assertThat(j.get("contacts").get(0).get("matches").get(0).get("contactPerson").asText()).isEqualTo("17");
        assertThat(j.get("contacts").get(0).get("extra").get("note").asText()).isEqualTo("vip");
        assertThat(j.get("contacts").get(2).get("error").asText()).contains("has no @");
        assertThat(j.get("summary").get("errors").asInt()).isEqualTo(2);
        assertThat(j.get("contacts").get(3).get("notes").get(0).asText()).startsWith("phone number 'n/a'");
    }

    @Test
    void saysWhatIsMissingWhenTheDuplicateCheckIsNotInstalledOrTheFileIsNot() throws Exception {
        DuplicatesCheckCommand c = checkCommand(dir.resolve("none.csv"));
        assertThat(error(c)).startsWith("Error: cannot read file");
        c = checkCommand(Files.writeString(dir.resolve("in.csv"), "x"));
        c.check = null;
        assertThat(error(c)).isEqualTo("Error: no DuplicateCheck service is available: the duplicate check "
                + "(feature liaison-duplicates) is not running");
    }

    static final BusinessPartner FIRMA = new BusinessPartner(BusinessPartnerId.of("b1"), "Firma Ltd", List.of("firma.co.uk"));
    static final ContactPerson ANNA = new ContactPerson(ContactPersonId.of("17"), 1, Instant.EPOCH, Optional.empty(),
            new ContactPersonData(Optional.of(FIRMA.id()), "", "", "Anna", "Müller", "", "", List.of()));

    AddressResolver resolver = new AddressResolver() {
        @Override
        public AddressResolution resolve(EmployeeId actor, String address) {
            return switch (address) {
                case "anna@firma.co.uk" -> new AddressResolution.ContactFound(ANNA, List.of());
                case "x@vertrieb.firma.co.uk" -> new AddressResolution.BusinessPartnerFound(FIRMA, "firma.co.uk");
                case "x@both.de" -> new AddressResolution.Ambiguous("both.de", List.of(FIRMA, FIRMA));
                default -> new AddressResolution.Unknown("gmail.com", "gmail.com is a free-mail domain");
            };
        }

        @Override
        public ContactPerson assignToContact(EmployeeId actor, String address, ContactPersonId contactPerson) {
            return ANNA;
        }

        @Override
        public ContactPerson createContact(EmployeeId actor, String address, String displayName, Optional<BusinessPartnerId> bp) {
            if (address.contains("both")) {
                throw new IllegalArgumentException("domain both.de belongs to 2 business partners");
            }
            return ANNA;
        }
    };

    ResolveAddressCommand resolve(String address) {
        ResolveAddressCommand c = new ResolveAddressCommand();
        c.crm = crm;
        c.resolver = resolver;
        c.address = address;
        return c;
    }

    @Test
    void resolvesAddressesAsTextAndJson() throws Exception {
        assertThat(output(resolve("anna@firma.co.uk"))).isEqualTo("Contact person Anna Müller [17]\n");
        assertThat(output(resolve("x@vertrieb.firma.co.uk"))).isEqualTo("Business partner Firma Ltd [b1] by domain firma.co.uk\n");
        assertThat(output(resolve("x@both.de"))).startsWith("Ambiguous: domain both.de belongs to 2 business partners");
        assertThat(output(resolve("x@gmail.com"))).isEqualTo("Unknown (gmail.com): gmail.com is a free-mail domain\n");
        JsonNode j = json(resolve("x@vertrieb.firma.co.uk"));
        assertThat(j.get("result").asText()).isEqualTo("BUSINESS_PARTNER");
        assertThat(j.get("businessPartner").get("id").asText()).isEqualTo("b1");
    }

    @Test
    void assignsAndCreates() throws Exception {
        AssignAddressCommand assign = new AssignAddressCommand();
        assign.crm = crm;
        assign.resolver = resolver;
        assign.address = "anna@privat.de";
        assign.contact = "17";
        assertThat(output(assign)).isEqualTo("Address anna@privat.de is a communication of contact person Anna Müller [17]\n");

        CreateContactFromAddressCommand create = new CreateContactFromAddressCommand();
        create.crm = crm;
        create.resolver = resolver;
        create.address = "anna@firma.co.uk";
        assertThat(output(create)).isEqualTo("Created contact person Anna Müller [17] at business partner b1\n");
        create.address = "x@both.de";
        assertThat(error(create)).isEqualTo("Error: domain both.de belongs to 2 business partners");
        create.resolver = null;
        assertThat(error(create)).contains("the address resolution (feature liaison-address-resolution) is not running");
    }
}

package io.liaison.shell.internal.erasure;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.shell.internal.InMemoryCrm;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.runtime.Erasure;
import io.liaison.api.runtime.ErasureService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 25, point 5: {@code liaison:erase}. */
class EraseCommandTest {
    final List<String> calls = new ArrayList<>();
    final ErasureService service = new ErasureService() {
        @Override
        public Erasure eraseContactPerson(ContactPersonId contact, Set<String> emailAddresses) {
            calls.add("contact " + contact.value() + " " + new java.util.TreeSet<>(emailAddresses));
            return new Erasure(Map.of(Erasure.Kind.JOURNAL_ENTRIES, 7, Erasure.Kind.LINKS, 2,
                    Erasure.Kind.DUPLICATE_INDEX_ROWS, 5), "H2 file compacted online: 2453504 -> 86016 bytes in 38 ms");
        }

        @Override
        public Erasure eraseEmployee(EmployeeId employee) {
            calls.add("employee " + employee.value());
            return new Erasure(Map.of(Erasure.Kind.ACCOUNTS, 1, Erasure.Kind.CREDENTIALS, 1,
                    Erasure.Kind.JOURNAL_RUNS, 12), "PostgreSQL: VACUUM of liaison_sync_runs");
        }
    };

    EraseCommand command() {
        EraseCommand c = new EraseCommand();
        c.erasure = service;
        return c;
    }

    @Test
    void erasesAContactPersonWithItsAddressesAndPrintsTheCounts() throws Exception {
        EraseCommand c = command();
        c.contact = " 4711 ";
        c.addresses = List.of("z.quellbrunn@example.org", " zq@example.com ");
        c.yes = true;

        String out = output(c);

        assertThat(calls).containsExactly("contact 4711 [z.quellbrunn@example.org, zq@example.com]");
        assertThat(out).startsWith("Erased contact person 4711: 0 journal-runs, 7 journal-entries, 0 accounts")
                .contains("2 links").contains("5 duplicate-index-rows")
                .contains("Database: H2 file compacted online: 2453504 -> 86016 bytes");
    }

    @Test
    void looksTheContactPersonsAddressesUpInTheCrmAndAddsTheGivenOnes() throws Exception {
        InMemoryCrm crm = new InMemoryCrm();
        ContactPerson anna = crm.contactPersons().create(EmployeeId.of("demo"), new ContactPersonData(Optional.empty(),
                "", "", "Anna", "Berg", "", "", List.of(Communication.email("anna.berg@example.org", true),
                new Communication(CommunicationType.PHONE, "+49 30 1234567", false),
                Communication.email(" a.berg@example.com ", false))), Optional.empty());
        EraseCommand c = command();
        c.crm = crm;
        c.contact = anna.id().value();
        c.addresses = List.of("anna@old-firm.example");
        c.yes = true;

        output(c);

        assertThat(calls).containsExactly("contact " + anna.id().value()
                + " [a.berg@example.com, anna.berg@example.org, anna@old-firm.example]");
    }

    @Test
    void aContactPersonTheCrmNoLongerHasIsErasedWithTheGivenAddresses() throws Exception {
        EraseCommand c = command();
        c.crm = new InMemoryCrm();
        c.contact = "4711";
        c.addresses = List.of("z.quellbrunn@example.org");
        c.yes = true;

        output(c);

        assertThat(calls).containsExactly("contact 4711 [z.quellbrunn@example.org]");
    }

    @Test
    void erasesAnEmployeeAsJson() throws Exception {
        EraseCommand c = command();
        c.employee = "e42";
        c.yes = true;

        JsonNode json = json(c);

        assertThat(calls).containsExactly("employee e42");
        assertThat(json.get("erased").asText()).isEqualTo("employee e42");
        assertThat(json.get("removed").get("accounts").asInt()).isEqualTo(1);
        assertThat(json.get("removed").get("journal-runs").asInt()).isEqualTo(12);
        assertThat(json.get("removed").get("links").asInt()).isZero();
        assertThat(json.get("compaction").asText()).startsWith("PostgreSQL: VACUUM");
    }

    @Test
    void erasesNothingWithoutYesOrWithoutExactlyOnePerson() {
        EraseCommand unconfirmed = command();
        unconfirmed.employee = "e42";
        assertThat(error(unconfirmed)).contains("repeat with --yes").contains("their groupware accounts");

        EraseCommand both = command();
        both.employee = "e42";
        both.contact = "4711";
        both.yes = true;
        assertThat(error(both)).contains("either --contact ID or --employee ID");

        EraseCommand neither = command();
        neither.yes = true;
        assertThat(error(neither)).contains("either --contact ID or --employee ID");

        EraseCommand addressOfEmployee = command();
        addressOfEmployee.employee = "e42";
        addressOfEmployee.addresses = List.of("x@example.org");
        addressOfEmployee.yes = true;
        assertThat(error(addressOfEmployee)).contains("--address belongs to --contact");

        assertThat(calls).isEmpty();
    }

    @Test
    void saysWhichServiceIsMissing() {
        EraseCommand c = new EraseCommand();
        c.contact = "4711";
        c.yes = true;
        assertThat(error(c)).contains("liaison-runtime");
    }
}

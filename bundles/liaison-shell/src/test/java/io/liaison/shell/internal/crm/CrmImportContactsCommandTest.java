package io.liaison.shell.internal.crm;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.EmployeeId;
import io.liaison.shell.internal.InMemoryCrm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmImportContactsCommandTest {
    InMemoryCrm crm = new InMemoryCrm();

    @TempDir
    Path dir;

    CrmImportContactsCommand command(Path file) {
        CrmImportContactsCommand c = new CrmImportContactsCommand();
        c.crm = crm;
        c.file = file.toString();
        return c;
    }

    @Test
    void printsTheSummaryAndEveryFailedLine() throws Exception {
        Path file = Files.writeString(dir.resolve("contacts.csv"), ContactCsvLoaderTest.HEADER
                + "c1,Muster GmbH,muster.de,,Anna,Muster,anna@muster.de,,\n"
                + "c2,Muster GmbH,,,Bernd,,,,\n"
                + "c3,Acme,,,Carl,Coyote,carl,,\n"
                + "c4,Acme,,,Dora,Dorf,,,\n");

        assertThat(output(command(file))).isEqualTo("""
                Loaded contacts.csv as employee demo: 2 created, 0 updated, 0 unchanged, 2 failed; \
                business partners created: Muster GmbH, Acme
                  line 3 (id c2): last_name is empty
                  line 4 (id c3): email 'carl' has no '@'
                """);
        assertThat(crm.contacts).hasSize(2);
        assertThat(output(command(file))).startsWith(
                "Loaded contacts.csv as employee demo: 0 created, 0 updated, 2 unchanged, 2 failed\n");
    }

    @Test
    void jsonAndAnExplicitEmployee() throws Exception {
        crm.employees.put("e2", new Employee(EmployeeId.of("e2"), "jdoe", "Jane", ""));
        Path file = Files.writeString(dir.resolve("c.csv"), ContactCsvLoaderTest.HEADER
                + "c1,Muster GmbH,,,Anna,Muster,,,\nc2,Muster GmbH,,,,,,,\n");
        CrmImportContactsCommand c = command(file);
        c.employee = "jdoe";

        JsonNode j = json(c);

        assertThat(j.get("employee").asText()).isEqualTo("e2");
        assertThat(j.get("created").asInt()).isEqualTo(1);
        assertThat(j.get("failed").asInt()).isEqualTo(1);
        assertThat(j.get("failures").get(0).toString())
                .isEqualTo("{\"line\":3,\"id\":\"c2\",\"reason\":\"last_name is empty\"}");
        assertThat(j.get("businessPartnersCreated").toString()).isEqualTo("[\"Muster GmbH\"]");
    }

    @Test
    void fileEmployeeAndHeaderErrorsAreOneLine() throws Exception {
        Path absent = dir.resolve("absent.csv");
        assertThat(error(command(absent))).isEqualTo("Error: cannot read file '" + absent + "': no such file");
        assertThat(error(command(dir))).isEqualTo("Error: cannot read file '" + dir + "': it is a directory");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,mail\nx,y\n");
        assertThat(error(command(bad))).startsWith("Error: file '" + bad + "', line 1: the header must be id,");
        Path ok = Files.writeString(dir.resolve("ok.csv"), ContactCsvLoaderTest.HEADER);
        CrmImportContactsCommand ghost = command(ok);
        ghost.employee = "ghost";
        assertThat(error(ghost)).isEqualTo("Error: unknown employee 'ghost'");
        CrmImportContactsCommand noCrm = command(ok);
        noCrm.crm = null;
        assertThat(error(noCrm)).startsWith("Error: no HostCrm service is available");
        crm.employees.clear();
        assertThat(error(command(ok))).isEqualTo("Error: the CRM has no employees; name one with --employee");
    }
}

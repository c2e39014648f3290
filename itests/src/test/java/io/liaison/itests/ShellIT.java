package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.Employee;

import org.junit.Test;

/**
 * The liaison:* commands are there in the default distribution, load the CSV of the issue into the embedded CRM
 * (a malformed line is reported by its number and the rest is loaded) and answer a bad argument with a one-line
 * error instead of a stack trace.
 */
public class ShellIT extends LiaisonTestSupport {

    @Test
    public void liaisonCommandsAreListed() throws Exception {
        String help = awaitCommandOutput("help liaison", output -> output.contains("liaison:crm-import-contacts"),
                TIMEOUT);
        for (String command : new String[] {"account-add", "account-list", "account-credentials", "sync", "runs",
                "activities"}) {
            assertTrue("help should list liaison:" + command + ":\n" + help, help.contains("liaison:" + command));
        }
    }

    /** Issue 17, point 5: the spec's "User preferences / Groupware", stored by the runtime (its V10 table). */
    @Test
    public void anEmployeesGroupwarePreferencesAreShownAndKept() throws Exception {
        awaitCommandOutput("help liaison", output -> output.contains("liaison:preferences"), TIMEOUT);
        String defaults = executeCommand("liaison:preferences shell-itest-employee");
        assertTrue("by default only mails:\n" + defaults, defaults.contains("manual synchronisation selects: MAILS\n"));

        executeCommand("liaison:preferences --wizard-areas tasks,mails --only-current-import false shell-itest-employee");
        String kept = executeCommand("liaison:preferences --json shell-itest-employee");
        assertTrue("the choice is kept:\n" + kept, kept.contains("\"wizardAreas\":[\"MAILS\",\"TASKS\"]")
                && kept.contains("\"onlyCurrentImport\":false"));
    }

    @Test
    public void crmImportContactsLoadsTheGoodLinesAndNamesTheBadOne() throws Exception {
        awaitCommandOutput("help liaison", output -> output.contains("liaison:crm-import-contacts"), TIMEOUT);
        Path csv = Files.createTempFile(Path.of(System.getProperty("karaf.data")), "contacts", ".csv");
        Files.writeString(csv, String.join("\n",
                "id,business_partner,bp_email_domain,title,first_name,last_name,email,phone,mobile",
                "itest-1,Shell Itest GmbH,shell-itest.example,Dr.,Anna,Berger,anna.berger@shell-itest.example,+49 30 1234567,",
                "itest-2,Shell Itest GmbH,shell-itest.example,,Bernd,Krause",
                "itest-3,Shell Itest GmbH,shell-itest.example,,Carla,Diaz,carla.diaz@shell-itest.example,,+49 171 2345678",
                ""), StandardCharsets.UTF_8);

        String output = executeCommand("liaison:crm-import-contacts --json " + csv);

        assertTrue("two contacts should be created:\n" + output, Pattern.compile("\"created\"\\s*:\\s*2").matcher(output).find());
        assertTrue("one line should fail:\n" + output, Pattern.compile("\"failed\"\\s*:\\s*1").matcher(output).find());
        assertTrue("the failure should name line 3:\n" + output, Pattern.compile("\"line\"\\s*:\\s*3").matcher(output).find());
        HostCrm crm = awaitService(HostCrm.class);
        Employee actor = crm.employees().list().get(0);
        ContactPerson anna = crm.contactPersons().findByExternalKey(actor.id(), "itest-1").orElseThrow();
        assertEquals("Berger", anna.data().lastName());
        assertTrue(crm.contactPersons().findByExternalKey(actor.id(), "itest-3").isPresent());
        assertFalse(crm.contactPersons().findByExternalKey(actor.id(), "itest-2").isPresent());
    }

    /**
     * The command ACL (etc/org.apache.karaf.command.acl.liaison.cfg): a console user without the admin role cannot
     * enter credentials or make the server read its files (the vault key, the databases); an administrator can.
     */
    @Test
    public void credentialsAndFileReadingCommandsAreForAdministratorsOnly() throws Exception {
        awaitCommandOutput("help liaison", output -> output.contains("liaison:crm-import-contacts"), TIMEOUT);
        String asViewer = executeCommandAs("liaison:crm-import-contacts /no/such/contacts.csv", TIMEOUT, "viewer", "ssh");
        assertTrue("a viewer must not reach the command:\n" + asViewer, asViewer.contains("Command not found"));
        String credentials = executeCommandAs("liaison:account-credentials --clear no-such-account", TIMEOUT, "viewer",
                "manager", "ssh");
        assertTrue("a manager must not reach the credentials:\n" + credentials, credentials.contains("Command not found"));
        String asAdmin = executeCommand("liaison:crm-import-contacts /no/such/contacts.csv");
        assertTrue("an administrator reaches it:\n" + asAdmin, asAdmin.contains("/no/such/contacts.csv")
                && !asAdmin.contains("Command not found"));
        String listing = executeCommandAs("liaison:account-list", TIMEOUT, "viewer", "ssh");
        assertTrue("commands the ACL does not name stay open:\n" + listing, !listing.contains("Command not found"));
    }

    @Test
    public void aMissingFileGivesAOneLineErrorNamingIt() {
        String output = executeCommand("liaison:crm-import-contacts /no/such/contacts.csv").trim();
        assertTrue("the error should name the file:\n" + output, output.contains("/no/such/contacts.csv"));
        assertFalse("no stack trace:\n" + output, output.contains("\tat ") || output.contains("Exception"));
        assertEquals("one line:\n" + output, 1, output.lines().count());
    }
}

package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.liaison.api.contactreplication.ContactReplicationService;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.Employee;
import io.liaison.api.domain.GroupwareAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The spec's two contact wizards through the shell of the running distribution, with the sample account's local
 * folder tree as the groupware: contacts loaded into the embedded CRM are found by {@code liaison:contacts-export},
 * exported with their CRM id into the contacts folder and then shown as exported; vCards dropped into the folder
 * are offered by {@code liaison:contacts-import-preview} with the business partner found by their e-mail domain
 * and their duplicate status; {@code liaison:contacts-import} imports the new one and refuses the certain
 * duplicate with its reason; an imported contact is not offered again.
 */
public class ContactReplicationIT extends LiaisonTestSupport {
    private static final Pattern GROUPWARE_ID = Pattern.compile("\"groupwareId\":\"([^\"]+)\"");

    @Test
    public void contactsAreExportedAndImportedThroughTheWizards() throws Exception {
        awaitService(ContactReplicationService.class);
        awaitCommandOutput("help liaison", o -> o.contains("liaison:contacts-import-preview"), TIMEOUT);
        HostCrm crm = awaitService(HostCrm.class);
        GroupwareAccount sample = sampleAccount();
        String account = sample.id().value();
        Path contacts = Path.of(sample.settings().get("root")).resolve("Contacts");
        Path data = Path.of(System.getProperty("karaf.data"));
        Path crmFile = Files.createTempFile(data, "repl-crm", ".csv");
        Files.writeString(crmFile, String.join("\n",
                "id,business_partner,bp_email_domain,title,first_name,last_name,email,phone,mobile",
                "repl-1,Exportia AG,exportia-itest.de,,Ottilie,Exportmann,ottilie@exportia-itest.de,+49 30 1234567,",
                "repl-2,Exportia AG,exportia-itest.de,,Gregor,Exportmann,gregor@exportia-itest.de,,",
                ""), StandardCharsets.UTF_8);
        String loaded = executeCommand("liaison:crm-import-contacts --json " + crmFile);
        assertTrue(loaded, Pattern.compile("\"created\"\\s*:\\s*2").matcher(loaded).find());
        Employee actor = crm.employees().list().get(0);
        String ottilie = crm.contactPersons().findByExternalKey(actor.id(), "repl-1").orElseThrow().id().value();
        BusinessPartner exportia = crm.businessPartners().search(actor.id(), "Exportia AG", 5).get(0);

        // export wizard: search, choose, export; then the contact shows as exported
        String found = executeCommand("liaison:contacts-export --name Exportmann " + account);
        assertTrue(found, found.contains("2 contact person(s) found, 0 exported already"));
        String exported = executeCommand("liaison:contacts-export --json --ids " + ottilie + " " + account);
        assertTrue(exported, exported.contains("\"exported\":[\"" + ottilie + "\"]"));
        List<String> cards = vcards(contacts);
        assertTrue("the exported vCard carries the CRM id: " + cards,
                cards.stream().anyMatch(c -> c.contains("Exportmann") && c.contains("X-LIAISON-CRM-ID:" + ottilie)));
        String again = executeCommand("liaison:contacts-export --name Exportmann " + account);
        assertTrue(again, again.contains("1 exported already"));

        // import wizard: a new person at the partner's domain, and a certain duplicate of Gregor (same address)
        Files.writeString(contacts.resolve("neu.vcf"), vcard("Nora", "Neuling", "nora@exportia-itest.de"),
                StandardCharsets.UTF_8);
        Files.writeString(contacts.resolve("gregor-copy.vcf"), vcard("Greg", "Exportmann", "GREGOR@exportia-itest.de"),
                StandardCharsets.UTF_8);
        String preview = awaitCommandOutput("liaison:contacts-import-preview --json " + account,
                o -> o.contains("Neuling") && o.contains("\"duplicateStatus\":\"CERTAIN\""), TIMEOUT);
        assertFalse("an exported contact is never offered: " + preview, preview.contains("Ottilie"));
        String nora = idOf(preview, "Nora Neuling");
        String greg = idOf(preview, "Greg Exportmann");
        assertTrue("the partner is suggested by the e-mail domain: " + preview,
                preview.contains("\"suggestedPartner\":\"" + exportia.id().value() + "\""));

        String imported = executeCommand("liaison:contacts-import --json " + account + " " + nora + " " + greg);
        assertTrue(imported, imported.contains("\"summary\":\"1 of 2 contacts imported; 1 refused\""));
        assertTrue("the certain duplicate is refused with its reason: " + imported,
                imported.contains("\"id\":\"" + greg + "\""));
        assertEquals(1, crm.contactPersons().search(actor.id(),
                new ContactSearch("Neuling", Optional.empty(), "", 10)).size());
        String after = executeCommand("liaison:contacts-import-preview --json " + account);
        assertFalse("an imported contact is not offered again: " + after, after.contains("Neuling"));
        assertTrue(after, after.contains("Greg"));
    }

    private static String idOf(String previewJson, String name) {
        for (String contact : previewJson.split("\\{\"groupwareId\"")) {
            if (contact.contains("\"name\":\"" + name)) {
                Matcher m = GROUPWARE_ID.matcher("{\"groupwareId\"" + contact);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no contact '" + name + "' in " + previewJson);
    }

    private static String vcard(String first, String last, String email) {
        return String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "N:" + last + ";" + first + ";;;",
                "FN:" + first + " " + last, "EMAIL;TYPE=INTERNET:" + email, "END:VCARD", "");
    }

    private static List<String> vcards(Path dir) throws Exception {
        List<String> result = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".vcf")).toList()) {
                    result.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return result;
    }
}

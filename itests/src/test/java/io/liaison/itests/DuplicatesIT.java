package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Employee;
import io.liaison.api.duplicates.DuplicateCheck;

import org.junit.Test;

/**
 * The duplicate check and the address resolution in the running distribution: contacts loaded into the embedded
 * CRM with {@code liaison:crm-import-contacts} are found again by {@code liaison:duplicates-check} in a CSV and a
 * vCard file (CERTAIN by e-mail address in another case, CERTAIN by last name and mobile number in another
 * format, POSSIBLE by a transliterated or misspelt name, NONE, and a row with a bad address checked on the rest
 * with a note naming it); {@code liaison:resolve-address} finds a contact person by its address and a business partner by the
 * registrable domain of an unknown address. Uninstalling the {@code liaison-duplicates} feature leaves the CRM and
 * the other commands running, the check then says in one line that it is not installed, and installing the
 * feature again brings the check back.
 */
public class DuplicatesIT extends LiaisonTestSupport {
    private static final Pattern ROW = Pattern.compile("\\{\"number\":(\\d+),");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"(\\w+)\"");
    private static final Pattern MATCH = Pattern.compile("\"contactPerson\":\"([^\"]+)\"");

    @Test
    public void duplicatesAreFoundAndTheCheckCanBeRemovedAndAddedAgain() throws Exception {
        awaitService(DuplicateCheck.class);
        awaitCommandOutput("help liaison", o -> o.contains("liaison:duplicates-check"), TIMEOUT);
        Path data = Path.of(System.getProperty("karaf.data"));
        Path crmFile = Files.createTempFile(data, "dup-crm", ".csv");
        Files.writeString(crmFile, String.join("\n",
                "id,business_partner,bp_email_domain,title,first_name,last_name,email,phone,mobile",
                "dup-1,Dup Itest GmbH,dup-itest.de,,Annegret,Berghoff,annegret.berghoff@dup-itest.de,,",
                "dup-2,Dup Itest GmbH,dup-itest.de,,Karl,Schnieder,karl.schnieder@dup-itest.de,,+49 171 1234567",
                "dup-3,Dup Itest GmbH,dup-itest.de,Dr.,Jürgen,Müller,juergen.mueller@dup-itest.de,+49 30 9876543,",
                ""), StandardCharsets.UTF_8);
        String imported = executeCommand("liaison:crm-import-contacts --json " + crmFile);
        assertTrue("three contacts should be created:\n" + imported,
                Pattern.compile("\"created\"\\s*:\\s*3").matcher(imported).find());
        HostCrm crm = awaitService(HostCrm.class);
        Employee actor = crm.employees().list().get(0);
        String anna = crm.contactPersons().findByExternalKey(actor.id(), "dup-1").orElseThrow().id().value();
        String karl = crm.contactPersons().findByExternalKey(actor.id(), "dup-2").orElseThrow().id().value();
        String juergen = crm.contactPersons().findByExternalKey(actor.id(), "dup-3").orElseThrow().id().value();

        Path csv = Files.createTempFile(data, "dup-check", ".csv");
        Files.writeString(csv, String.join("\n",
                "first_name,last_name,email,phone,mobile,company",
                "Annegret,Berghoff,ANNEGRET.Berghoff@DUP-ITEST.DE,,,Dup Itest GmbH",
                "Karl,Schnieder,,,0171 1234567,",
                "Jurgen,Muller,j.muller@elsewhere-itest.de,,,Elsewhere",
                "Zacharias,Quendtwig,zq@nowhere-itest.de,,,",
                "Bad,Row,no-at-sign.dup-itest.de,,,",
                ""), StandardCharsets.UTF_8);
        // the index follows the CRM's change feed asynchronously: wait until the new contacts are in it
        String csvJson = awaitCommandOutput("liaison:duplicates-check --json " + csv,
                o -> matches(rows(o).get(1)).contains(anna) && matches(rows(o).get(3)).contains(juergen), TIMEOUT);
        Map<Integer, String> csvRows = rows(csvJson);
        assertEquals("five rows:\n" + csvJson, 5, csvRows.size());
        assertEquals(csvJson, "CERTAIN", status(csvRows.get(1)));
        assertEquals("the contact with the same e-mail address comes first:\n" + csvJson, anna, matches(csvRows.get(1)).get(0));
        assertEquals(csvJson, "CERTAIN", status(csvRows.get(2)));
        assertEquals("same last name and the same mobile number in another format:\n" + csvJson,
                karl, matches(csvRows.get(2)).get(0));
        assertEquals(csvJson, "POSSIBLE", status(csvRows.get(3)));
        assertTrue("Jurgen Muller is a possible Jürgen Müller:\n" + csvJson, matches(csvRows.get(3)).contains(juergen));
        assertEquals(csvJson, "NONE", status(csvRows.get(4)));
        assertTrue(csvJson, matches(csvRows.get(4)).isEmpty());
        // one bad value never skips the check (issue 21): the row is checked on the rest, with a note naming it
        assertTrue("the bad row gets a note naming the address:\n" + csvJson,
                csvRows.get(5).contains("\"notes\":") && csvRows.get(5).contains("no-at-sign.dup-itest.de"));
        assertEquals("the bad row is checked on the rest:\n" + csvJson, "NONE", status(csvRows.get(5)));
        assertTrue("summary:\n" + csvJson, csvJson.contains("\"summary\":{\"contacts\":5,\"certain\":2,\"possible\":1,"
                + "\"none\":2,\"errors\":0}"));

        Path vcf = Files.createTempFile(data, "dup-check", ".vcf");
        Files.writeString(vcf, String.join("\r\n",
                "BEGIN:VCARD", "VERSION:3.0", "N:Mueller;Jürgen;;;", "FN:Jürgen Mueller",
                "EMAIL;TYPE=WORK:jm@elsewhere-itest.de", "END:VCARD",
                "BEGIN:VCARD", "VERSION:3.0", "N:Berghoff;Annegret;;;", "FN:Annegret Berghoff",
                "EMAIL:Annegret.Berghoff@dup-itest.de", "END:VCARD", ""), StandardCharsets.UTF_8);
        String vcfJson = executeCommand("liaison:duplicates-check --json " + vcf);
        Map<Integer, String> vcfRows = rows(vcfJson);
        assertEquals(vcfJson, 2, vcfRows.size());
        assertEquals(vcfJson, "POSSIBLE", status(vcfRows.get(1)));
        assertTrue(vcfJson, matches(vcfRows.get(1)).contains(juergen));
        assertEquals(vcfJson, "CERTAIN", status(vcfRows.get(2)));
        assertEquals(vcfJson, anna, matches(vcfRows.get(2)).get(0));

        String byContact = executeCommand("liaison:resolve-address --json annegret.berghoff@dup-itest.de");
        assertTrue("the address is Annegret Berghoff's:\n" + byContact, byContact.contains("\"result\":\"CONTACT\"")
                && byContact.contains("\"contactPerson\":{\"id\":\"" + anna + "\""));
        String byDomain = executeCommand("liaison:resolve-address --json new.person@vertrieb.dup-itest.de");
        assertTrue("an unknown address at the partner's registrable domain finds the partner:\n" + byDomain,
                byDomain.contains("\"result\":\"BUSINESS_PARTNER\"") && byDomain.contains("\"domain\":\"dup-itest.de\"")
                        && byDomain.contains("\"name\":\"Dup Itest GmbH\""));

        long crmBundleId = bundle("io.liaison.crm.embedded").getBundleId();
        uninstallFeature("liaison-duplicates");
        assertNull("the duplicate check's bundle should be gone", bundle("io.liaison.duplicates"));
        assertFalse("no DuplicateCheck service should be left", hasService(DuplicateCheck.class, null));
        assertEquals("the embedded CRM bundle stays", crmBundleId, bundle("io.liaison.crm.embedded").getBundleId());
        HostCrm stillThere = awaitService(HostCrm.class);
        assertEquals("the CRM still answers", anna,
                stillThere.contactPersons().findByExternalKey(actor.id(), "dup-1").orElseThrow().id().value());
        String accounts = executeCommand("liaison:account-list");
        assertFalse("liaison:account-list still works:\n" + accounts, accounts.contains("Error"));
        String missing = executeCommand("liaison:duplicates-check " + csv).trim();
        assertEquals("one line:\n" + missing, 1, missing.lines().count());
        assertTrue("it says the duplicate check is not installed:\n" + missing,
                missing.contains("liaison-duplicates") && missing.contains("not running"));
        assertFalse("no stack trace:\n" + missing, missing.contains("\tat ") || missing.contains("Exception"));
        String resolved = executeCommand("liaison:resolve-address --json annegret.berghoff@dup-itest.de");
        assertTrue("the address resolution still works:\n" + resolved, resolved.contains("\"result\":\"CONTACT\""));

        installFeature("liaison-duplicates");
        awaitService(DuplicateCheck.class);
        String again = awaitCommandOutput("liaison:duplicates-check --json " + csv,
                o -> "CERTAIN".equals(status(rows(o).get(1))), TIMEOUT);
        Map<Integer, String> againRows = rows(again);
        assertEquals(again, anna, matches(againRows.get(1)).get(0));
        assertEquals(again, karl, matches(againRows.get(2)).get(0));
        assertEquals(again, "POSSIBLE", status(againRows.get(3)));
        assertEquals(again, "NONE", status(againRows.get(4)));
    }

    /** The JSON of each checked contact by its number (the output is one line of JSON without blanks). */
    private static Map<Integer, String> rows(String json) {
        Map<Integer, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(json);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), Integer.parseInt(m.group(1))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : json.length();
            rows.put(starts.get(i)[1], json.substring(starts.get(i)[0], end));
        }
        return rows;
    }

    /** A row's status (its first "status"; the matches' own come after it), or null for an error row. */
    private static String status(String row) {
        if (row == null || row.contains("\"error\":")) {
            return null;
        }
        Matcher m = STATUS.matcher(row);
        return m.find() ? m.group(1) : null;
    }

    /** The matched contact ids of a row, strongest first. */
    private static List<String> matches(String row) {
        List<String> ids = new ArrayList<>();
        if (row == null) {
            return ids;
        }
        Matcher m = MATCH.matcher(row);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}

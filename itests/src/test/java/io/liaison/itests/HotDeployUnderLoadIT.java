package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Modules come and go while a mail import is under way (issue 23): in each round a few hundred mails with an
 * invoice attachment wait in the sample account's import folder, a run starts, and once it has stored some of them
 * one disruption hits it: a module feature uninstalled and installed again, the content bundle or the mail import
 * bundle restarted, a runtime setting changed. Then runs go on until the folder is empty. After each round every
 * mail is imported exactly once with its invoice categorised as one, or is still in its folder; no bundle but the
 * touched ones was refreshed (the embedded CRM's and the runtime's services keep their ids); the shell's commands
 * answer; and the log has no ERROR from Liaison.
 */
public class HotDeployUnderLoadIT extends LiaisonTestSupport {
    private static final EmployeeId DEMO = EmployeeId.of("demo");
    private static final int MAILS_PER_ROUND = 150;

    /** One disruption of a run under way. */
    private interface Disruption {
        void apply() throws Exception;
    }

    @Test
    public void aRunUnderWaySurvivesModulesComingAndGoingAndEveryMailIsImportedOnce() throws Exception {
        awaitService(MailImportService.class);
        GroupwareAccount sample = sampleAccount();
        Path inbox = Path.of(sample.settings().get("root")).resolve("Mail").resolve("Inbox");
        Path importFolder = inbox.resolve("Import folder");
        Path archive = inbox.resolve("CRM activities");
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        long crmService = serviceId(HostCrm.class);
        long runtimeService = serviceId(AccountService.class);

        Map<String, Disruption> rounds = new java.util.LinkedHashMap<>();
        rounds.put("liaison-duplicates uninstalled and installed", () -> {
            uninstallFeature("liaison-duplicates");
            installFeature("liaison-duplicates");
        });
        rounds.put("content bundle restarted", () -> restart("io.liaison.content"));
        rounds.put("runtime setting maxParallelRuns changed", () -> setRuntimeProperty("maxParallelRuns", 3));
        rounds.put("mail import bundle restarted", () -> restart("io.liaison.mailimport"));
        rounds.put("liaison-address-resolution uninstalled and installed", () -> {
            uninstallFeature("liaison-address-resolution");
            installFeature("liaison-address-resolution");
        });

        int round = 0;
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Disruption> disruption : rounds.entrySet()) {
            round++;
            String prefix = "r" + round + "-";
            writeMails(importFolder, prefix);
            HostCrm crm = awaitService(HostCrm.class);
            int before = importedOf(crm, prefix);
            CompletableFuture<SyncRun> firstRun = CompletableFuture.supplyAsync(() -> {
                try {
                    return syncNow(sample, Set.of(SyncArea.MAILS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            awaitImportedAtLeast(crm, prefix, before + 10);

            disruption.getValue().apply();

            SyncRun disrupted = firstRun.get(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
            awaitService(MailImportService.class);
            int runs = 1;
            while (countFiles(importFolder, prefix) > 0 && runs < 6) {
                syncNow(sample, Set.of(SyncArea.MAILS));
                runs++;
            }
            crm = awaitService(HostCrm.class);
            assertEquals(disruption.getKey() + ": every mail left the import folder", 0,
                    countFiles(importFolder, prefix));
            assertEquals(disruption.getKey() + ": every mail is in the archive", MAILS_PER_ROUND,
                    countFiles(archive, prefix));
            for (int n = 0; n < MAILS_PER_ROUND; n++) {
                int i = n;
                Optional<Activity> activity = crm.activities().findBySourceKey(DEMO, prefix + i + "@kunde.example");
                assertTrue(disruption.getKey() + ": mail " + prefix + i + " has its activity", activity.isPresent());
                List<Document> documents = crm.documents().list(DEMO, activity.get().id());
                Document invoice = documents.stream().filter(d -> d.fileName().equals("rechnung-" + i + ".txt"))
                        .findFirst().orElse(null);
                assertNotNull(disruption.getKey() + ": mail " + prefix + i + " has its attachment: " + documents,
                        invoice);
                assertEquals(disruption.getKey() + ": the invoice of mail " + prefix + i + " is categorised",
                        "Invoice", invoice.classification().category());
                assertEquals(disruption.getKey() + ": mail " + prefix + i + " has each document once",
                        documents.size(), documents.stream().map(Document::fileName).distinct().count());
            }
            assertEquals(disruption.getKey() + ": one activity per mail", MAILS_PER_ROUND, importedOf(crm, prefix));
            assertEquals(disruption.getKey() + ": the embedded CRM's service was not registered anew", crmService,
                    serviceId(HostCrm.class));
            assertEquals(disruption.getKey() + ": the runtime's service was not registered anew", runtimeService,
                    serviceId(AccountService.class));
            String accounts = executeCommand("liaison:account-list");
            assertTrue(disruption.getKey() + ": liaison:account-list answers: " + accounts,
                    accounts.contains(sample.id().value()));
            String runsOutput = executeCommand("liaison:runs");
            assertTrue(disruption.getKey() + ": liaison:runs answers: " + runsOutput,
                    runsOutput.contains(disrupted.id()));
            report.add(disruption.getKey() + ": disrupted run " + disrupted.status() + " "
                    + disrupted.counts() + ", " + runs + " runs in all");
            assertTrue(disruption.getKey() + ": the disrupted run ended " + disrupted.status(),
                    disrupted.status() != RunStatus.RUNNING && disrupted.status() != RunStatus.FAILED);
        }
        System.out.println("Hot deploy under load, " + MAILS_PER_ROUND + " mails per round:\n  "
                + String.join("\n  ", report));
        List<String> errors = liaisonErrors(log, logStart);
        assertTrue("no ERROR from Liaison in the log: " + errors, errors.isEmpty());
        awaitService(SyncJournal.class);
    }

    /** Mails with a MIME text attachment whose words the default rules categorise as an invoice. */
    private static void writeMails(Path folder, String prefix) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < MAILS_PER_ROUND; i++) {
            String attachment = Base64.getMimeEncoder().encodeToString(("Rechnung Nummer " + i
                    + "\r\nBetrag: 100 EUR\r\n").getBytes(StandardCharsets.UTF_8));
            String mail = "From: Kunde <kunde@kunde.example>\r\n"
                    + "To: demo@liaison.example\r\n"
                    + "Subject: Last " + prefix + i + "\r\n"
                    + "Message-ID: <" + prefix + i + "@kunde.example>\r\n"
                    + "Date: Mon, 7 Dec 2026 09:00:00 +0100\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nAnbei die Rechnung.\r\n"
                    + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Disposition: attachment; filename=\"rechnung-" + i + ".txt\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n--b--\r\n";
            // written under another name and renamed, as a mail client would, so no run reads half a file
            Path part = folder.resolve("." + prefix + i + ".tmp");
            Files.writeString(part, mail, StandardCharsets.US_ASCII);
            Files.move(part, folder.resolve(prefix + i + ".eml"));
        }
    }

    private static int importedOf(HostCrm crm, String prefix) {
        int found = 0;
        for (int i = 0; i < MAILS_PER_ROUND; i++) {
            if (crm.activities().findBySourceKey(DEMO, prefix + i + "@kunde.example").isPresent()) {
                found++;
            }
        }
        return found;
    }

    private void awaitImportedAtLeast(HostCrm crm, String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (crm.activities().findBySourceKey(DEMO, prefix + (count - 1) + "@kunde.example").isPresent()
                    || importedOf(crm, prefix) >= count) {
                return;
            }
            Thread.sleep(20);
        }
        fail("fewer than " + count + " mails of " + prefix + " were imported within " + TIMEOUT);
    }

    private static long countFiles(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }

    private void restart(String symbolicName) throws Exception {
        Bundle bundle = bundle(symbolicName);
        assertNotNull(symbolicName + " should be installed", bundle);
        bundle.stop();
        bundle.start();
    }

    private void setRuntimeProperty(String key, Object value) throws Exception {
        awaitService(ConfigurationAdmin.class);
        // held while it is used: Configuration Admin is a service factory, and a released instance refuses work
        ServiceReference<ConfigurationAdmin> reference = bundleContext.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = bundleContext.getService(reference);
        try {
            Configuration configuration = admin.getConfiguration("io.liaison.runtime", null);
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put(key, value);
            configuration.update(properties);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private long serviceId(Class<?> type) {
        awaitService(type);
        ServiceReference<?> reference = bundleContext.getServiceReference(type);
        assertNotNull(type.getSimpleName() + " should be registered", reference);
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    /** The ERROR lines of Liaison's loggers written to the log since {@code from}. */
    private static List<String> liaisonErrors(Path log, long from) throws IOException {
        List<String> errors = new ArrayList<>();
        if (!Files.exists(log)) {
            return errors;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(from, file.length()));
            byte[] rest = new byte[(int) Math.min(Integer.MAX_VALUE - 8, file.length() - file.getFilePointer())];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (line.contains("| ERROR |") && line.contains("io.liaison")) {
                    errors.add(line.strip());
                }
            }
        }
        return errors;
    }
}

package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.liaison.api.crm.HostCrm;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.mailimport.MailImportService;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RuntimeEvents;
import io.liaison.api.runtime.SyncJournal;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The embedded default's sample account at work in the running distribution: real mails (Apache Tika's test
 * documents) dropped into its import folders become MAILIN activities with the folder's status and their
 * documents, are moved to the archive folder, and a second run imports nothing twice. A folder naming an
 * unknown status is reported and left alone.
 */
public class MailImportIT extends LiaisonTestSupport {
    private static final EmployeeId DEMO = EmployeeId.of("demo");

    @Test
    public void mailsDroppedIntoTheSampleAccountsImportFoldersAreImportedOnceAndArchived() throws Exception {
        awaitService(MailImportService.class);
        HostCrm crm = awaitService(HostCrm.class);
        GroupwareAccount sample = sampleAccount();
        Path inbox = Path.of(sample.settings().get("root")).resolve("Mail").resolve("Inbox");
        Path importFolder = inbox.resolve("Import folder");
        copyResource("/mails/test-documents/testMSG_att_doc.msg", importFolder.resolve("Pièce jointe.msg"));
        copyResource("/mails/test-documents/testEmailWithPNGAtt.eml",
                importFolder.resolve("CRM Erledigt [E]").resolve("png.eml"));
        Path unknown = importFolder.resolve("CRM Unbekannt [ZZ]").resolve("stays.eml");
        Files.createDirectories(unknown.getParent());
        Files.writeString(unknown, "From: a@b.example\r\nSubject: stays\r\nMessage-ID: <stays@b.example>\r\n\r\nbody\r\n",
                StandardCharsets.UTF_8);

        SyncRun first = syncNow(sample, Set.of(SyncArea.MAILS));

        Activity msg = awaitImported(crm, "test pièce jointe 1");
        Activity eml = awaitImported(crm, "Test Attachment Email");
        assertEquals(StatusKey.IMPORTED, msg.data().status());
        assertEquals(StatusKey.DONE, eml.data().status());
        List<String> msgDocuments = crm.documents().list(DEMO, msg.id()).stream().map(Document::fileName).toList();
        assertEquals(List.of("Pièce jointe.msg", "test-unicode.doc", "pj1.txt"), msgDocuments);
        assertTrue("the PNG attachment is typed by content: " + crm.documents().list(DEMO, eml.id()),
                crm.documents().list(DEMO, eml.id()).stream().anyMatch(d -> d.mediaType().equals("image/png")));
        Path archive = inbox.resolve("CRM activities");
        assertTrue(Files.exists(archive.resolve("Pièce jointe.msg")));
        assertTrue(Files.exists(archive.resolve("png.eml")));
        assertTrue("a folder with an unknown status is left alone", Files.exists(unknown));
        SyncJournal journal = awaitService(SyncJournal.class);
        assertTrue("the unknown status is reported: " + journal.entries(first.id()),
                journal.entries(first.id()).stream().anyMatch(e -> e.outcome() == Outcome.WARNING
                        && e.message().contains("CRM Unbekannt [ZZ]") && e.message().contains("'ZZ'")));

        int before = crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 1000).size();
        SyncRun second = syncNow(sample, Set.of(SyncArea.MAILS));

        assertEquals("nothing is imported twice", 0, second.count(Outcome.CREATED));
        assertEquals(before, crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 1000).size());
    }

    @Test
    public void mailInspectShowsWhatAnImportWouldCreateWithoutWriting() throws Exception {
        awaitService(MailImportService.class);
        HostCrm crm = awaitService(HostCrm.class);
        Path file = Files.createTempFile(Path.of(System.getProperty("karaf.data")), "inspect", ".msg");
        copyResource("/mails/test-documents/testMSG_att_doc.msg", file);
        int before = crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 1000).size();

        String output = awaitCommandOutput("liaison:mail-inspect " + file, o -> o.contains("Documents:"), TIMEOUT);

        assertTrue(output, output.contains("test pièce jointe 1"));
        assertTrue(output, output.contains("test-unicode.doc (application/msword"));
        assertTrue(output, output.contains("pj1.txt (text/plain"));
        assertEquals(before, crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 1000).size());
        String error = executeCommand("liaison:mail-inspect /no/such/mail.eml").trim();
        assertTrue(error, error.contains("/no/such/mail.eml"));
        assertFalse(error, error.contains("\tat "));
    }

    @Test
    public void theSampleAccountRunsOnItsScheduleAndAnnouncesEachRun() throws Exception {
        BlockingQueue<Event> completed = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> registration = bundleContext.registerService(EventHandler.class,
                completed::add, new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, RuntimeEvents.TOPIC_RUN_COMPLETED)));
        try {
            GroupwareAccount sample = sampleAccount();
            SyncJournal journal = awaitService(SyncJournal.class);
            // the sample account's interval is one minute: its first scheduled run comes a minute after boot, plus the
            // account's own offset within the minute
            Duration wait = Duration.ofSeconds(210);
            long deadline = System.nanoTime() + wait.toNanos();
            Event event = null;
            Optional<SyncRun> journaled = Optional.empty();
            while (event == null && System.nanoTime() < deadline) {
                Event next = completed.poll(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null || !sample.id().value().equals(next.getProperty(RuntimeEvents.PROPERTY_ACCOUNT))) {
                    continue;
                }
                // a scheduled run that found nothing to do has no journal row (issue 25): its event is all there is
                journaled = journal.run((String) next.getProperty(RuntimeEvents.PROPERTY_RUN_ID));
                if (journaled.isEmpty() || journaled.get().trigger() == SyncTrigger.SCHEDULED) {
                    event = next;
                }
            }
            assertTrue("the Karaf scheduler ran the sample account within " + wait + " and announced it", event != null);
            assertEquals("demo", event.getProperty(RuntimeEvents.PROPERTY_EMPLOYEE));
            if (journaled.isPresent()) {
                assertEquals(journaled.get().status().name(), event.getProperty(RuntimeEvents.PROPERTY_STATUS));
            } else {
                assertEquals("SUCCEEDED", event.getProperty(RuntimeEvents.PROPERTY_STATUS));
            }
        } finally {
            registration.unregister();
        }
    }

    private Activity awaitImported(HostCrm crm, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Activity> found = crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 1000).stream()
                    .filter(a -> a.data().subject().equals(subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        fail("no imported activity with subject '" + subject + "'");
        return null;
    }

    private void copyResource(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " is missing from the probe");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

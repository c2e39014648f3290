package io.liaison.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.HostCrm;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The activity sync in the running distribution, with the embedded default's sample account (local folder tree):
 * a CRM appointment reaches the calendar folder as an {@code .ics} file within seconds, pushed by the CRM's change
 * event rather than the account's one-minute interval; an {@code .ics} file dropped into the folder becomes a CRM
 * appointment, and the file gets the link back to it in the same run.
 */
public class ActivitySyncIT extends LiaisonTestSupport {
    private static final EmployeeId DEMO = EmployeeId.of("demo");
    /** Far below the sample account's one-minute interval: only the push can make it. */
    private static final Duration PUSHED_WITHIN = Duration.ofSeconds(30);

    @Test
    public void anAppointmentCreatedInTheCrmIsPushedToTheCalendarFolder() throws Exception {
        awaitService(ActivitySyncService.class);
        HostCrm crm = awaitService(HostCrm.class);
        Path calendar = Path.of(sampleAccount().settings().get("root")).resolve("Calendar");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String subject = "Pushed kick-off " + System.nanoTime();

        Activity created = crm.activities().create(DEMO, ActivityData.builder(ActivityType.APPOINTMENT, DEMO)
                .subject(subject).start(start).end(start.plus(1, ChronoUnit.HOURS)).location("Raum 4").build(),
                Optional.empty());

        Path file = awaitIcsContaining(calendar, subject, PUSHED_WITHIN);
        String ics = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(ics, ics.contains("Raum 4"));
        assertTrue("the groupware item carries the CRM id: " + ics, ics.contains(created.id().value()));
    }

    @Test
    public void anIcsDroppedIntoTheCalendarFolderBecomesACrmAppointmentWithItsLinkWrittenBack() throws Exception {
        awaitService(ActivitySyncService.class);
        HostCrm crm = awaitService(HostCrm.class);
        GroupwareAccount sample = sampleAccount();
        Path calendar = Path.of(sample.settings().get("root")).resolve("Calendar");
        Files.createDirectories(calendar);
        String subject = "Dropped review " + System.nanoTime();
        Path dropped = calendar.resolve("dropped-review.ics");
        Files.writeString(dropped, String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaison IT//EN",
                "BEGIN:VEVENT", "UID:dropped-review-" + System.nanoTime() + "@it.example",
                "DTSTAMP:20261126T080000Z", "DTSTART:20261203T090000Z", "DTEND:20261203T100000Z",
                "SUMMARY:" + subject, "LOCATION:Online", "END:VEVENT", "END:VCALENDAR", ""), StandardCharsets.UTF_8);

        SyncRun run = syncNow(sample, Set.of(SyncArea.APPOINTMENTS));

        Activity activity = awaitActivity(crm, subject);
        assertEquals(ActivityType.APPOINTMENT, activity.data().type());
        assertEquals(Instant.parse("2026-12-03T09:00:00Z"), activity.data().start().orElseThrow());
        String ics = Files.readString(dropped, StandardCharsets.UTF_8);
        assertTrue("the link back is written in the run that created the activity (" + run.id() + "): " + ics,
                ics.contains("crm://activity/" + activity.id().value()));

        SyncRun again = syncNow(sample, Set.of(SyncArea.APPOINTMENTS));
        assertEquals("a second run writes nothing: " + again.counts(), 0, again.count(Outcome.CREATED)
                + again.count(Outcome.UPDATED) + again.count(Outcome.DELETED) + again.count(Outcome.LINKED));
        assertEquals(1, crm.activities().search(DEMO, ActivityQuery.all(1000)).stream()
                .filter(a -> a.data().subject().equals(subject)).count());
    }

    private Activity awaitActivity(HostCrm crm, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Activity> found = crm.activities().search(DEMO, ActivityQuery.all(1000)).stream()
                    .filter(a -> a.data().subject().equals(subject)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        fail("no CRM activity with subject '" + subject + "'");
        return null;
    }

    private static Path awaitIcsContaining(Path dir, String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> found = icsFiles(dir).stream().filter(p -> contains(p, text)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        fail("no .ics file in " + dir + " contains '" + text + "' after " + within + ": " + icsFiles(dir));
        return null;
    }

    private static List<Path> icsFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ics")).toList();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false; // being written
        }
    }
}

package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.Importance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips through the files: a lone CR in any text is a line break (LF) and never ends a content line
 * (RFC 5545 3.1 and 3.3.11, RFC 6350 3.2 and 3.4: lines end with CRLF, breaks in TEXT are written as \n), and
 * alarms a person set in the groupware stay when the CRM changes something else.
 */
class LineBreaksAndAlarmsTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    /** Every content line of a file, split only at CRLF as RFC 5545 and 6350 require. */
    private static List<String> lines(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).as("no CR or LF outside CRLF line ends").doesNotContain("\r", "\n");
        return List.of(text.split("\r\n"));
    }

    @Test
    void aLoneCrInAnEventIsALineBreakAndSplitsNoProperty() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        EventData data = new EventData("Call\rX-INJECTED:subject", "first\rsecond\r\nthird\nfourth", T,
                T.plusSeconds(3600), false, "UTC", "Room\r1", Optional.empty(), List.of(), Optional.empty(),
                Importance.NORMAL, List.of(), Optional.empty(), Optional.empty(), Optional.empty());

        GroupwareItem<EventData> created = events.create(data, Optional.empty(), new IdempotencyKey("cr"));

        assertThat(lines(root.resolve("Calendar/cr.ics"))).noneMatch(l -> l.startsWith("X-INJECTED"));
        EventData read = events.get(created.id()).orElseThrow().data();
        assertThat(read.subject()).isEqualTo("Call\nX-INJECTED:subject");
        assertThat(read.bodyText()).isEqualTo("first\nsecond\nthird\nfourth");
        assertThat(read.location()).isEqualTo("Room\n1");
        assertThat(created.data()).isEqualTo(read);
    }

    @Test
    void aLoneCrInATaskAndAContactSplitsNoProperty() throws Exception {
        var session = LocalAccounts.open(root);
        session.tasks().orElseThrow().create(TaskData.simple("Do\rX-INJECTED:task", null), Optional.empty(),
                new IdempotencyKey("task"));
        ContactData contact = new ContactData("", "Anna\rX-INJECTED:given", "Berg", "", "ACME\rEND:VCARD", "", "",
                List.of("anna@example.com"), List.of(), "", List.of(), "note\rBEGIN:VCARD", Optional.empty());
        GroupwareItem<ContactData> card = session.contacts().orElseThrow().create(contact, Optional.empty(),
                new IdempotencyKey("card"));

        assertThat(lines(root.resolve("Tasks/task.ics"))).noneMatch(l -> l.startsWith("X-INJECTED"));
        assertThat(lines(root.resolve("Contacts/card.vcf"))).noneMatch(l -> l.startsWith("X-INJECTED"))
                .filteredOn(l -> l.equals("END:VCARD")).hasSize(1);
        ContactData read = session.contacts().orElseThrow().get(card.id()).orElseThrow().data();
        assertThat(read.company()).isEqualTo("ACME\nEND:VCARD");
        assertThat(read.notes()).isEqualTo("note\nBEGIN:VCARD");
    }

    @Test
    void severalAlarmsSetInTheGroupwareStayWhenTheCrmChangesTheSubject() throws Exception {
        Path file = LocalTree.open(root).calendar().resolve("alarms.ics");
        Files.writeString(file, """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r
                BEGIN:VEVENT\r
                UID:alarms-1\r
                DTSTAMP:20260101T000000Z\r
                DTSTART:20260105T090000Z\r
                DTEND:20260105T100000Z\r
                SUMMARY:Review\r
                BEGIN:VALARM\r
                ACTION:DISPLAY\r
                DESCRIPTION:a day before\r
                TRIGGER:-P1D\r
                END:VALARM\r
                BEGIN:VALARM\r
                ACTION:AUDIO\r
                TRIGGER:-PT15M\r
                END:VALARM\r
                END:VEVENT\r
                END:VCALENDAR\r
                """, StandardCharsets.UTF_8);
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.get("alarms-1").orElseThrow();
        EventData d = item.data();

        events.update(item.id(), item.version(), new EventData("Review, moved", d.bodyText(), d.start(), d.end(),
                d.allDay(), d.timeZone(), d.location(), d.organizer(), d.attendees(), d.reminder(), d.importance(),
                d.categories(), d.recurrenceRule(), d.seriesMasterId(), d.crmLink()), Optional.of("crm-3"));

        String text = LocalAccounts.read(file);
        assertThat(text).contains("TRIGGER:-P1D", "TRIGGER:-PT15M", "ACTION:AUDIO", "SUMMARY:Review\\, moved");
        assertThat(text.split("BEGIN:VALARM", -1)).hasSize(3);

        GroupwareItem<EventData> again = events.get("alarms-1").orElseThrow();
        events.update(again.id(), again.version(), new EventData("Review, moved", d.bodyText(), d.start(), d.end(),
                d.allDay(), d.timeZone(), d.location(), d.organizer(), d.attendees(), Optional.of(Duration.ofMinutes(5)),
                d.importance(), d.categories(), d.recurrenceRule(), d.seriesMasterId(), d.crmLink()), Optional.of("crm-3"));
        assertThat(events.get("alarms-1").orElseThrow().data().reminder()).contains(Duration.ofMinutes(5));
    }
}

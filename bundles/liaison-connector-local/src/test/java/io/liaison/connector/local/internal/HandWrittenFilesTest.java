package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.domain.PostalAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by other tools (Outlook, khal, Thunderbird, Apple Contacts) are read as they are meant. */
class HandWrittenFilesTest {

    @TempDir
    Path root;

    private Path sample(String name, String folder) throws IOException {
        LocalTree.open(root);
        Path target = root.resolve(folder).resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void anOutlookExportWithAWindowsTimeZoneIsRead() throws IOException {
        Path file = sample("outlook-meeting.ics", "Calendar");
        byte[] before = Files.readAllBytes(file);
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();

        GroupwareItem<EventData> item = events.changes(Optional.empty()).changed().get(0);

        EventData e = item.data();
        assertThat(item.id()).startsWith("040000008200E00074C5B7101A82E008");
        assertThat(e.subject()).isEqualTo("Quartalsgespräch Müller & Söhne");
        assertThat(e.bodyText()).isEqualTo("Quartalsgespräch, Angebot 4711\n\nBitte Unterlagen mitbringen.\n");
        assertThat(e.start()).isEqualTo(Instant.parse("2026-07-20T12:00:00Z"));
        assertThat(e.end()).isEqualTo(Instant.parse("2026-07-20T13:30:00Z"));
        assertThat(ZoneId.of(e.timeZone()).getRules().getOffset(e.start()).getTotalSeconds()).isEqualTo(7200);
        assertThat(e.timeZone()).startsWith("Europe/");
        assertThat(e.location()).isEqualTo("Besprechungsraum 3");
        assertThat(e.organizer()).contains(new Participant("anna.berger@example.com", "Anna Berger",
                ParticipantRole.ORGANIZER, ParticipantResponse.NONE));
        assertThat(e.attendees()).containsExactly(
                new Participant("max.mustermann@customer.example", "Max Mustermann", ParticipantRole.REQUIRED,
                        ParticipantResponse.ACCEPTED),
                new Participant("raum3@example.com", "Besprechungsraum 3", ParticipantRole.RESOURCE,
                        ParticipantResponse.NONE),
                new Participant("eva.klein@customer.example", "Eva Klein", ParticipantRole.OPTIONAL,
                        ParticipantResponse.TENTATIVE));
        assertThat(e.reminder()).contains(Duration.ofMinutes(15));
        assertThat(e.importance()).isEqualTo(Importance.HIGH);
        assertThat(e.categories()).containsExactly("Kunde", "Vertrieb");
        assertThat(Files.readAllBytes(file)).as("reading never changes a file").isEqualTo(before);
    }

    @Test
    void aKhalSeriesShowsItsMasterAndAnUpdateKeepsTheException() throws IOException {
        Path file = sample("khal-series.ics", "Calendar");
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.get("RL7YGZ1S2L3HJXWQX0VBPF0V6KJQG3MD5ENQ").orElseThrow();
        assertThat(item.data().subject()).isEqualTo("Jour fixe Vertrieb");
        assertThat(item.data().recurrenceRule()).contains("FREQ=WEEKLY;BYDAY=MO");
        assertThat(item.data().start()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(item.data().timeZone()).isEqualTo("Europe/Berlin");

        EventData d = item.data();
        GroupwareItem<EventData> updated = events.update(item.id(), item.version(), new EventData("Jour fixe Sales",
                d.bodyText(), d.start(), d.end(), false, d.timeZone(), "Raum 1", d.organizer(), d.attendees(),
                d.reminder(), d.importance(), d.categories(), d.recurrenceRule(), Optional.empty(), d.crmLink()),
                Optional.of("crm-77"));

        String text = LocalAccounts.read(file);
        assertThat(updated.id()).isEqualTo(item.id());
        assertThat(text).contains("SUMMARY:Jour fixe Sales", "X-LIAISON-CRM-ID:crm-77",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260112T090000", "SUMMARY:Jour fixe Vertrieb (verschoben)");
        assertThat(events.findByCrmId("crm-77")).map(GroupwareItem::id).contains(item.id());
    }

    @Test
    void anAllDayEventWithoutUidIsKnownByItsFileNameAndNeverGetsOneSilently() throws IOException {
        Path file = sample("khal-allday-no-uid.ics", "Calendar");
        byte[] before = Files.readAllBytes(file);
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();

        GroupwareItem<EventData> item = events.changes(Optional.empty()).changed().get(0);

        assertThat(item.id()).isEqualTo("file:khal-allday-no-uid.ics");
        assertThat(item.data().allDay()).isTrue();
        assertThat(item.data().start()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(item.data().end()).isEqualTo(Instant.parse("2026-04-03T22:00:00Z"));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        GroupwareItem<EventData> updated = events.update(item.id(), item.version(), item.data(), Optional.of("crm-1"));
        assertThat(updated.id()).isEqualTo(item.id());
        assertThat(LocalAccounts.read(file)).contains("DTSTART;VALUE=DATE:20260401", "DTEND;VALUE=DATE:20260404")
                .doesNotContain("UID:");
    }

    @Test
    void aThunderbirdTaskIsRead() throws IOException {
        sample("thunderbird-task.ics", "Tasks");
        ItemStore<TaskData> tasks = LocalAccounts.open(root).tasks().orElseThrow();

        GroupwareItem<TaskData> item = tasks.findByCrmId("4711").orElseThrow();

        TaskData t = item.data();
        assertThat(item.id()).isEqualTo("c3f1e0a2-5b7d-4e39-9c1a-0f2e3d4c5b6a");
        assertThat(t.subject()).isEqualTo("Angebot nachfassen");
        assertThat(t.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(t.importance()).isEqualTo(Importance.LOW);
        assertThat(t.due()).contains(Instant.parse("2026-02-14T23:00:00Z"));
        assertThat(t.reminderAt()).contains(Instant.parse("2026-02-14T08:00:00Z"));
    }

    @Test
    void anAppleVCardWithAPhotoIsReadAndAnUpdateKeepsWhatLiaisonDoesNotMap() throws IOException {
        Path file = sample("apple-anna-schmidt.vcf", "Contacts");
        ItemStore<ContactData> contacts = LocalAccounts.open(root).contacts().orElseThrow();

        ChangeSet<GroupwareItem<ContactData>> all = contacts.changes(Optional.empty());

        assertThat(all.problems()).isEmpty();
        GroupwareItem<ContactData> item = all.changed().get(0);
        ContactData c = item.data();
        assertThat(item.id()).isEqualTo("8F3C1E2A-7B4D-4C1E-9A2B-3D4E5F6A7B8C:ABPerson");
        assertThat(c.title()).isEqualTo("Prof. Dr.");
        assertThat(c.givenName()).isEqualTo("Anna");
        assertThat(c.surname()).isEqualTo("Schmidt");
        assertThat(c.displayName()).isEmpty();
        assertThat(c.company()).isEqualTo("Beispiel AG");
        assertThat(c.department()).isEqualTo("Einkauf");
        assertThat(c.jobTitle()).isEqualTo("Leiterin Einkauf");
        assertThat(c.emails()).containsExactly("anna.schmidt@beispiel.example");
        // EMAIL;type=HOME (RFC 6350 6.4.2): a home address, not one of the contact's (business) addresses
        assertThat(c.homeEmails()).containsExactly("anna@privat.example");
        assertThat(c.mobilePhone()).isEqualTo("+49 171 2345678");
        assertThat(c.businessPhones()).containsExactly("+49 89 1234567");
        assertThat(c.homePhones()).containsExactly("+49 89 7654321");
        assertThat(c.notes()).isEqualTo("Kennt uns von der Messe in Köln.\nRuft lieber vormittags an.");
        assertThat(c.photo()).hasValueSatisfying(p -> {
            assertThat(p.mediaType()).isEqualTo("image/jpeg");
            assertThat(p.bytes()).startsWith((byte) 0xff, (byte) 0xd8);
        });

        // ADR;type=WORK (RFC 6350 6.3.1: post office box, extended address, street, locality, region, code, country)
        assertThat(c.postalAddresses()).containsExactly(new PostalAddress(PostalAddress.Kind.BUSINESS, "Hauptstr. 1",
                "80331", "München", "", "Deutschland"));

        // the update names the address as it was read, as the contact mapping does (a CRM without addresses leaves
        // the card's alone): it must stay as the card has it, group and parameters included
        contacts.update(item.id(), item.version(), new ContactData(c.title(), c.givenName(), c.surname(), "",
                c.company(), "Vertrieb", c.jobTitle(), c.emails(), c.businessPhones(), c.mobilePhone(), c.homePhones(),
                c.notes(), c.photo()).withHomeEmails(c.homeEmails()).withPostalAddresses(c.postalAddresses()),
                Optional.of("cp-42"));

        String text = LocalAccounts.read(file);
        assertThat(text).contains("VERSION:3.0", "item2.ADR;TYPE=WORK,pref:;;Hauptstr. 1;München;;80331;Deutschland",
                "X-LIAISON-CRM-ID:cp-42", "Vertrieb", "anna@privat.example");
        assertThat(contacts.get(item.id()).orElseThrow().data().homeEmails()).containsExactly("anna@privat.example");
        assertThat(contacts.get(item.id()).orElseThrow().data().photo()).isEqualTo(c.photo());
    }

    @Test
    void writtenEventsCarryTheirTimeZoneDefinition() throws IOException {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        Instant start = Instant.parse("2026-07-01T07:00:00Z");

        GroupwareItem<EventData> created = events.create(EventData.simple("Call", start,
                start.plus(Duration.ofHours(1)), "America/New_York"), Optional.of("crm-5"),
                new io.liaison.api.connector.IdempotencyKey("crm-activity-5"));

        assertThat(created.data().start()).as("summer time, read back through the written VTIMEZONE").isEqualTo(start);
        assertThat(created.data().timeZone()).isEqualTo("America/New_York");

        String text = LocalAccounts.read(root.resolve("Calendar/crm-activity-5.ics"));
        assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:America/New_York",
                "DTSTART;TZID=America/New_York:20260701T030000", "X-LIAISON-CRM-ID:crm-5", "PRODID:" + Ical4j.PRODUCT);
        assertThat(List.of(text.split("\r\n"))).allSatisfy(line -> assertThat(line.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }
}

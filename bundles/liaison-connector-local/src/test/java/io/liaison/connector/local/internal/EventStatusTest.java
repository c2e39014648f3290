package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.EventStatus;
import io.liaison.api.connector.item.FreeBusy;
import io.liaison.api.connector.item.Participation;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An event's status (RFC 5545 3.8.1.11 STATUS), free/busy state (3.8.2.7 TRANSP, and Outlook's
 * X-MICROSOFT-CDO-BUSYSTATUS for the states between, [MS-OXCICAL]) and the mailbox owner's part (ORGANIZER, or the
 * PARTSTAT of the owner's ATTENDEE, 3.2.12) survive writing, an edit in the file and reading back.
 */
class EventStatusTest {

    private static final Instant T = Instant.parse("2026-07-20T12:00:00Z");
    private static final String OWNER = "anna.berg@example.com";

    @TempDir
    Path root;

    private ItemStore<EventData> events() {
        return LocalAccounts.open(root, Map.of(LocalConnectorFactory.MAILBOX, "Anna.Berg@Example.com, a.berg@example.org"))
                .events().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(EventStatus.class)
    void everyStatusSurvivesTheRoundTrip(EventStatus status) {
        ItemStore<EventData> events = events();
        GroupwareItem<EventData> created = events.create(EventData.simple("Review", T, T.plusSeconds(3600), "UTC")
                .withStatus(status, FreeBusy.BUSY, Participation.ORGANIZER), Optional.empty(), new IdempotencyKey("e"));

        assertThat(events.get(created.id()).orElseThrow().data().status()).isEqualTo(status);
        String file = LocalAccounts.read(root.resolve("Calendar/e.ics"));
        switch (status) {
            case CANCELLED -> assertThat(file).contains("STATUS:CANCELLED");
            case TENTATIVE -> assertThat(file).contains("STATUS:TENTATIVE");
            case CONFIRMED -> assertThat(file).doesNotContain("STATUS:"); // none is confirmed
        }
    }

    @ParameterizedTest
    @EnumSource(FreeBusy.class)
    void everyFreeBusyStateSurvivesTheRoundTrip(FreeBusy showAs) {
        ItemStore<EventData> events = events();
        GroupwareItem<EventData> created = events.create(EventData.simple("Review", T, T.plusSeconds(3600), "UTC")
                .withStatus(EventStatus.CONFIRMED, showAs, Participation.ORGANIZER), Optional.empty(),
                new IdempotencyKey("e"));

        assertThat(events.get(created.id()).orElseThrow().data().showAs()).isEqualTo(showAs);
        String file = LocalAccounts.read(root.resolve("Calendar/e.ics"));
        // tools that know only TRANSP see free as free and every other state as busy
        assertThat(file.contains("TRANSP:TRANSPARENT")).isEqualTo(showAs == FreeBusy.FREE);
    }

    @Test
    void aCancellationInTheFileIsReadAndKeptWhenTheCrmChangesTheSubject() {
        ItemStore<EventData> events = events();
        GroupwareItem<EventData> created = events.create(EventData.simple("Review", T, T.plusSeconds(3600), "UTC"),
                Optional.empty(), new IdempotencyKey("e"));
        Path file = root.resolve("Calendar/e.ics");
        LocalAccounts.replaceLine(file, "SUMMARY:", "SUMMARY:Review\r\nSTATUS:CANCELLED\r\nTRANSP:TRANSPARENT");

        GroupwareItem<EventData> read = events.get(created.id()).orElseThrow();
        assertThat(read.data().status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(read.data().showAs()).isEqualTo(FreeBusy.FREE);

        EventData renamed = EventData.simple("Review (moved)", T, T.plusSeconds(3600), "UTC")
                .withStatus(read.data().status(), read.data().showAs(), read.data().participation());
        events.update(read.id(), read.version(), renamed, Optional.empty());
        EventData back = events.get(created.id()).orElseThrow().data();
        assertThat(back.subject()).isEqualTo("Review (moved)");
        assertThat(back.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(back.showAs()).isEqualTo(FreeBusy.FREE);

        events.update(created.id(), events.get(created.id()).orElseThrow().version(),
                renamed.withStatus(EventStatus.CONFIRMED, FreeBusy.BUSY, Participation.ORGANIZER), Optional.empty());
        assertThat(LocalAccounts.read(file)).doesNotContain("STATUS:", "TRANSP:TRANSPARENT");
    }

    @Test
    void anOutlookExportKeepsItsFreeBusyStateAndUnknownValuesReadSafely() throws Exception {
        Path calendar = LocalTree.open(root).calendar();
        write(calendar.resolve("oof.ics"), "oof", "TRANSP:OPAQUE\r\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\r\n");
        write(calendar.resolve("tentative.ics"), "tentative", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n");
        write(calendar.resolve("elsewhere.ics"), "elsewhere", "X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE\r\n");
        write(calendar.resolve("free.ics"), "free", "TRANSP:TRANSPARENT\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\n");
        write(calendar.resolve("odd.ics"), "odd", "STATUS:X-POSTPONED\r\nTRANSP:X-SEMI\r\n"
                + "X-MICROSOFT-CDO-BUSYSTATUS:X-LATER\r\n");
        write(calendar.resolve("lower.ics"), "lower", "STATUS:cancelled\r\n");
        ItemStore<EventData> events = events();

        assertThat(events.get("oof").orElseThrow().data().showAs()).isEqualTo(FreeBusy.OUT_OF_OFFICE);
        assertThat(events.get("tentative").orElseThrow().data().showAs()).isEqualTo(FreeBusy.TENTATIVE);
        assertThat(events.get("elsewhere").orElseThrow().data().showAs()).isEqualTo(FreeBusy.WORKING_ELSEWHERE);
        assertThat(events.get("free").orElseThrow().data().showAs()).isEqualTo(FreeBusy.FREE);
        EventData odd = events.get("odd").orElseThrow().data();
        assertThat(odd.status()).isEqualTo(EventStatus.CONFIRMED);
        assertThat(odd.showAs()).isEqualTo(FreeBusy.BUSY);
        assertThat(events.get("lower").orElseThrow().data().status()).isEqualTo(EventStatus.CANCELLED);

        // a CRM edit of the subject leaves Outlook's property as it was
        GroupwareItem<EventData> oof = events.get("oof").orElseThrow();
        EventData d = oof.data();
        events.update(oof.id(), oof.version(), new EventData("Holiday", d.bodyText(), d.start(), d.end(), d.allDay(),
                d.timeZone(), d.location(), d.organizer(), d.attendees(), d.reminder(), d.importance(), d.categories(),
                d.recurrenceRule(), d.seriesMasterId(), d.crmLink(), d.sensitivity(), d.status(), d.showAs(),
                d.participation()), Optional.empty());
        assertThat(LocalAccounts.read(calendar.resolve("oof.ics"))).contains("X-MICROSOFT-CDO-BUSYSTATUS:OOF",
                "TRANSP:OPAQUE");
        assertThat(events.get("oof").orElseThrow().data().showAs()).isEqualTo(FreeBusy.OUT_OF_OFFICE);
    }

    @Test
    void theOwnersPartIsReadFromOrganizerAndAttendeesByAnyOfTheOwnersAddresses() throws Exception {
        Path calendar = LocalTree.open(root).calendar();
        write(calendar.resolve("mine.ics"), "mine", "ORGANIZER:mailto:ANNA.BERG@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com\r\n");
        write(calendar.resolve("accepted.ics"), "accepted", "ORGANIZER:mailto:bob@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:Anna.Berg@example.com\r\n");
        write(calendar.resolve("alias.ics"), "alias", "ORGANIZER:mailto:bob@example.com\r\n"
                + "ATTENDEE;PARTSTAT=TENTATIVE:mailto:a.berg@example.org\r\n");
        write(calendar.resolve("declined.ics"), "declined", "ORGANIZER:mailto:bob@example.com\r\n"
                + "ATTENDEE;PARTSTAT=DECLINED;CN=Anna:mailto:anna.berg@example.com\r\n");
        write(calendar.resolve("open.ics"), "open", "ORGANIZER:mailto:bob@example.com\r\n"
                + "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:anna.berg@example.com\r\n");
        write(calendar.resolve("notlisted.ics"), "notlisted", "ORGANIZER:mailto:bob@example.com\r\n"
                + "ATTENDEE:mailto:carl@example.com\r\n");
        write(calendar.resolve("plain.ics"), "plain", "");
        ItemStore<EventData> events = events();

        assertThat(events.get("mine").orElseThrow().data().participation()).isEqualTo(Participation.ORGANIZER);
        assertThat(events.get("accepted").orElseThrow().data().participation()).isEqualTo(Participation.ACCEPTED);
        assertThat(events.get("alias").orElseThrow().data().participation()).isEqualTo(Participation.TENTATIVE);
        assertThat(events.get("declined").orElseThrow().data().participation()).isEqualTo(Participation.DECLINED);
        assertThat(events.get("open").orElseThrow().data().participation()).isEqualTo(Participation.NOT_RESPONDED);
        assertThat(events.get("notlisted").orElseThrow().data().participation())
                .isEqualTo(Participation.NOT_RESPONDED);
        assertThat(events.get("plain").orElseThrow().data().participation()).isEqualTo(Participation.ORGANIZER);
    }

    @Test
    void theOwnersAnswerIsWrittenToTheOwnersAttendeeAndReadBack() {
        ItemStore<EventData> events = events();
        List<Participant> attendees = List.of(
                new Participant("bob@example.com", "Bob", ParticipantRole.REQUIRED, ParticipantResponse.ACCEPTED),
                new Participant(OWNER, "Anna", ParticipantRole.REQUIRED, ParticipantResponse.NONE));
        Participant organizer = new Participant("bob@example.com", "Bob", ParticipantRole.ORGANIZER,
                ParticipantResponse.NONE);
        EventData meeting = new EventData("Planning", "", T, T.plusSeconds(3600), false, "UTC", "",
                Optional.of(organizer), attendees, Optional.empty(), io.liaison.api.domain.Importance.NORMAL, List.of(),
                Optional.empty(), Optional.empty(), Optional.empty())
                .withStatus(EventStatus.CONFIRMED, FreeBusy.TENTATIVE, Participation.TENTATIVE);
        GroupwareItem<EventData> created = events.create(meeting, Optional.empty(), new IdempotencyKey("m"));

        EventData read = events.get(created.id()).orElseThrow().data();
        assertThat(read.participation()).isEqualTo(Participation.TENTATIVE);
        assertThat(read.showAs()).isEqualTo(FreeBusy.TENTATIVE);

        // the owner accepts in another tool
        Path file = root.resolve("Calendar/m.ics");
        String text = LocalAccounts.read(file).replace("PARTSTAT=TENTATIVE", "PARTSTAT=ACCEPTED");
        writeText(file, text);
        assertThat(events.get(created.id()).orElseThrow().data().participation()).isEqualTo(Participation.ACCEPTED);
    }

    @Test
    void withoutTheOwnersAddressEveryEventReadsAsOrganisedByTheOwner() throws Exception {
        Path calendar = LocalTree.open(root).calendar();
        write(calendar.resolve("accepted.ics"), "accepted", "ORGANIZER:mailto:bob@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:anna.berg@example.com\r\n");
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();

        assertThat(events.get("accepted").orElseThrow().data().participation()).isEqualTo(Participation.ORGANIZER);
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String uid, String extra) throws Exception {
        Files.writeString(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260701T000000Z\r\nDTSTART:20260720T120000Z\r\nDTEND:20260720T130000Z\r\n"
                + "SUMMARY:Review\r\n" + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n");
    }
}

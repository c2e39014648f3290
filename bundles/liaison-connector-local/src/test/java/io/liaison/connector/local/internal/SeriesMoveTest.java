package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series moved in the CRM moves the dates that name its occurrences (RFC 5545 3.8.5.1 EXDATE, 3.8.4.4
 * RECURRENCE-ID) by the same wall-clock offset, so deleted occurrences stay deleted and exceptions still name an
 * occurrence; an exception the person moved elsewhere stays there. A series in floating time (DTSTART without TZID
 * and without Z, RFC 5545 3.3.5) stays floating when written back.
 */
class SeriesMoveTest {

    private static final ZoneId BERLIN = ZoneId.of(LocalAccounts.ZONE);

    @TempDir
    Path root;

    private static final String SERIES = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//pimutils//khal//EN\r
            BEGIN:VEVENT\r
            UID:weekly\r
            DTSTAMP:20251201T000000Z\r
            DTSTART;TZID=Europe/Berlin:20260105T100000\r
            DTEND;TZID=Europe/Berlin:20260105T110000\r
            RRULE:FREQ=WEEKLY;COUNT=20\r
            EXDATE;TZID=Europe/Berlin:20260112T100000,20260406T100000\r
            EXDATE:20260202T090000Z\r
            SUMMARY:Jour fixe\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:weekly\r
            DTSTAMP:20251201T000000Z\r
            RECURRENCE-ID;TZID=Europe/Berlin:20260119T100000\r
            DTSTART;TZID=Europe/Berlin:20260119T100000\r
            DTEND;TZID=Europe/Berlin:20260119T110000\r
            SUMMARY:Jour fixe with guests\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:weekly\r
            DTSTAMP:20251201T000000Z\r
            RECURRENCE-ID;TZID=Europe/Berlin:20260126T100000\r
            DTSTART;TZID=Europe/Berlin:20260127T150000\r
            DTEND;TZID=Europe/Berlin:20260127T160000\r
            SUMMARY:Jour fixe (on Tuesday)\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    private static final String FLOATING = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:floating\r
            DTSTAMP:20251201T000000Z\r
            DTSTART:20260105T100000\r
            DTEND:20260105T110000\r
            RRULE:FREQ=WEEKLY\r
            EXDATE:20260112T100000\r
            SUMMARY:Yoga\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Test
    void aSeriesMovedByAnHourMovesItsExdatesAndExceptionsWithIt() throws Exception {
        Path file = LocalTree.open(root).calendar().resolve("weekly.ics");
        Files.writeString(file, SERIES);
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> series = events.get("weekly").orElseThrow();

        events.update(series.id(), series.version(), moved(series.data(), Duration.ofHours(1)), series.crmId());

        List<String> lines = List.of(LocalAccounts.read(file).split("\r\n"));
        assertThat(lines).contains("DTSTART;TZID=Europe/Berlin:20260105T110000",
                // 6 April is after the change to summer time: still 11:00 on the wall clock
                "EXDATE;TZID=Europe/Berlin:20260112T110000,20260406T110000",
                "EXDATE:20260202T100000Z",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260119T110000",
                "DTSTART;TZID=Europe/Berlin:20260119T110000",
                "DTEND;TZID=Europe/Berlin:20260119T120000",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260126T110000",
                // the occurrence the person moved to Tuesday stays on Tuesday
                "DTSTART;TZID=Europe/Berlin:20260127T150000");
        assertThat(events.get("weekly").orElseThrow().data().start())
                .isEqualTo(LocalDateTime.of(2026, 1, 5, 11, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void aSeriesMovedToAnotherDayMovesItsExceptionsByTheSameDays() throws Exception {
        Path file = LocalTree.open(root).calendar().resolve("weekly.ics");
        Files.writeString(file, SERIES);
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> series = events.get("weekly").orElseThrow();

        events.update(series.id(), series.version(), moved(series.data(), Duration.ofDays(2)), series.crmId());

        assertThat(List.of(LocalAccounts.read(file).split("\r\n"))).contains(
                "EXDATE;TZID=Europe/Berlin:20260114T100000,20260408T100000",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260121T100000",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260128T100000");
    }

    @Test
    void aFloatingSeriesStaysFloatingWhenTheCrmChangesItAndMovesFloating() throws Exception {
        Path file = LocalTree.open(root).calendar().resolve("floating.ics");
        Files.writeString(file, FLOATING);
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> series = events.get("floating").orElseThrow();
        EventData d = series.data();

        GroupwareItem<EventData> renamed = events.update(series.id(), series.version(), new EventData("Yoga class",
                d.bodyText(), d.start(), d.end(), d.allDay(), d.timeZone(), d.location(), d.organizer(), d.attendees(),
                d.reminder(), d.importance(), d.categories(), d.recurrenceRule(), d.seriesMasterId(), d.crmLink()),
                series.crmId());
        String text = LocalAccounts.read(file);
        assertThat(List.of(text.split("\r\n"))).contains("DTSTART:20260105T100000", "DTEND:20260105T110000",
                "EXDATE:20260112T100000");
        assertThat(text).doesNotContain("TZID", "VTIMEZONE");

        events.update(renamed.id(), renamed.version(), moved(renamed.data(), Duration.ofMinutes(30)), renamed.crmId());
        assertThat(List.of(LocalAccounts.read(file).split("\r\n"))).contains("DTSTART:20260105T103000",
                "DTEND:20260105T113000", "EXDATE:20260112T103000");
    }

    private static EventData moved(EventData d, Duration by) {
        return new EventData(d.subject(), d.bodyText(), d.start().plus(by), d.end().plus(by), d.allDay(),
                d.timeZone(), d.location(), d.organizer(), d.attendees(), d.reminder(), d.importance(), d.categories(),
                d.recurrenceRule(), d.seriesMasterId(), d.crmLink(), d.sensitivity(), d.status(), d.showAs(),
                d.participation());
    }
}

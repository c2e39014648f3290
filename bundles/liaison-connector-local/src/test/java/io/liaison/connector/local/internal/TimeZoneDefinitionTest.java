package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VTIMEZONE written with an event covers every date written, from 1990 to 2040, in zones whose rules changed
 * (the EU in 1996, the US in 2007, New South Wales in 2008) and across their DST changes. The expected offsets are
 * the IANA time zone database's (java.time); the written definition is read by ical4j on its own, not by our codec.
 */
class TimeZoneDefinitionTest {

    @TempDir
    java.nio.file.Path root;

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Sydney");

    /**
     * Midday on the 15th of January and July, and a day and an hour either side of each DST change of the year;
     * {@code byDay} leaves out the hours next to a change.
     */
    private static List<Instant> datesOf(ZoneId zone, int year, boolean byDay) {
        List<Instant> dates = new ArrayList<>();
        dates.add(LocalDateTime.of(year, 1, 15, 12, 0).atZone(zone).toInstant());
        dates.add(LocalDateTime.of(year, 7, 15, 12, 0).atZone(zone).toInstant());
        Instant from = LocalDateTime.of(year, 1, 1, 0, 0).atZone(zone).toInstant();
        ZoneOffsetTransition t = zone.getRules().nextTransition(from);
        while (t != null && t.getDateTimeBefore().getYear() == year) {
            dates.add(t.getInstant().minus(Duration.ofDays(1)));
            dates.add(t.getInstant().plus(Duration.ofDays(1)));
            if (!byDay) {
                dates.add(t.getInstant().minus(Duration.ofHours(1)));
                dates.add(t.getInstant().plus(Duration.ofHours(1)));
            }
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return dates;
    }

    @Test
    void everyDateFrom1990To2040ReadsBackAtItsInstantThroughTheWrittenDefinition() throws Exception {
        int checked = 0;
        for (String name : ZONES) {
            ZoneId zone = ZoneId.of(name);
            EventCodec codec = new EventCodec(ZoneId.of("UTC"));
            for (int year = 1990; year <= 2040; year++) {
                List<Instant> byDay = datesOf(zone, year, true);
                for (Instant start : datesOf(zone, year, false)) {
                    byte[] file = codec.render(Optional.empty(), UUID.randomUUID().toString(),
                            EventData.simple("At " + start, start, start.plus(Duration.ofMinutes(30)), name), Optional.empty());
                    TimeZone written = writtenZone(file);
                    LocalDateTime wall = LocalDateTime.ofInstant(start, zone);
                    assertThat(text(file)).as(name + " " + start).contains("DTSTART;TZID=" + name + ":"
                            + wall.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
                    if (byDay.contains(start)) {
                        // ical4j's own reading of observances is off for some hours after a DTSTART onset
                        // (it takes the local time as UTC), so the definition is checked a day from each change
                        assertThat(written.getOffset(start.toEpochMilli())).as(name + " offset at " + start)
                                .isEqualTo(zone.getRules().getOffset(start).getTotalSeconds() * 1000);
                    }
                    assertThat(codec.parse(file).data().start()).as(name + " " + start).isEqualTo(start);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3 * 51 * 4);
    }

    @Test
    void aSummerAppointmentOf2023InBerlinKeepsItsTimeAndAMoveTo1995GetsADefinitionCoveringIt() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        Instant summer2023 = ZonedDateTime.of(2023, 7, 12, 14, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();
        GroupwareItem<EventData> created = events.create(EventData.simple("Summer", summer2023,
                summer2023.plus(1, ChronoUnit.HOURS), "Europe/Berlin"), Optional.of("crm-9"), new IdempotencyKey("crm-9"));

        ItemStore<EventData> reopened = LocalAccounts.open(root).events().orElseThrow();
        assertThat(reopened.get(created.id()).orElseThrow().data().start()).isEqualTo(summer2023);
        assertThat(LocalAccounts.read(root.resolve("Calendar/crm-9.ics"))).contains("DTSTART;TZID=Europe/Berlin:20230712T140000");

        Instant summer1995 = ZonedDateTime.of(1995, 7, 12, 14, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();
        GroupwareItem<EventData> moved = reopened.update(created.id(), created.version(), EventData.simple("Summer",
                summer1995, summer1995.plus(1, ChronoUnit.HOURS), "Europe/Berlin"), Optional.of("crm-9"));
        assertThat(moved.data().start()).isEqualTo(summer1995);
        String text = LocalAccounts.read(root.resolve("Calendar/crm-9.ics"));
        assertThat(text.split("BEGIN:VTIMEZONE", -1)).as("one definition per zone").hasSize(2);
        assertThat(writtenZone(text.getBytes(StandardCharsets.UTF_8)).getOffset(summer1995.toEpochMilli()))
                .isEqualTo(2 * 3600 * 1000);
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }

    /** The file's own VTIMEZONE as ical4j reads it, without ical4j's bundled definitions. */
    private static TimeZone writtenZone(byte[] file) throws Exception {
        return Ical4j.call(() -> {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text(file)));
            List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
            assertThat(zones).hasSize(1);
            return new TimeZone(zones.get(0));
        });
    }
}

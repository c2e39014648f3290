package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.connector.item.TaskData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** iCalendar's CLASS (RFC 5545, 3.8.1.3) is an item's sensitivity, read and written. */
class SensitivityTest {

    private static final Instant T = Instant.parse("2026-07-20T12:00:00Z");

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Sensitivity.class)
    void everySensitivityOfAnEventAndATaskSurvivesTheRoundTrip(Sensitivity sensitivity) {
        var session = LocalAccounts.open(root);
        ItemStore<EventData> events = session.events().orElseThrow();
        ItemStore<TaskData> tasks = session.tasks().orElseThrow();

        GroupwareItem<EventData> event = events.create(EventData.simple("Doctor", T, T.plusSeconds(3600), "UTC")
                .withSensitivity(sensitivity), Optional.empty(), new IdempotencyKey("e"));
        GroupwareItem<TaskData> task = tasks.create(TaskData.simple("Pick up", T).withSensitivity(sensitivity),
                Optional.empty(), new IdempotencyKey("t"));

        assertThat(events.get(event.id()).orElseThrow().data().sensitivity()).isEqualTo(sensitivity);
        assertThat(tasks.get(task.id()).orElseThrow().data().sensitivity()).isEqualTo(sensitivity);
        String file = LocalAccounts.read(root.resolve("Calendar/e.ics"));
        switch (sensitivity) {
            case PRIVATE -> assertThat(file).contains("CLASS:PRIVATE");
            case CONFIDENTIAL -> assertThat(file).contains("CLASS:CONFIDENTIAL");
            default -> assertThat(file).doesNotContain("CLASS:"); // other tools see it as public
        }
    }

    @Test
    void aChangeToAPrivateEventKeepsItPrivateAndMakingItNormalRemovesTheClass() {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> created = events.create(EventData.simple("Doctor", T, T.plusSeconds(3600), "UTC")
                .withSensitivity(Sensitivity.PRIVATE), Optional.empty(), new IdempotencyKey("e"));

        GroupwareItem<EventData> moved = events.update(created.id(), created.version(),
                EventData.simple("Doctor", T.plusSeconds(600), T.plusSeconds(4200), "UTC")
                        .withSensitivity(Sensitivity.PRIVATE), Optional.empty());
        assertThat(events.get(moved.id()).orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.PRIVATE);

        events.update(moved.id(), moved.version(), EventData.simple("Doctor", T, T.plusSeconds(3600), "UTC"),
                Optional.empty());
        assertThat(events.get(moved.id()).orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.NORMAL);
        assertThat(LocalAccounts.read(root.resolve("Calendar/e.ics"))).doesNotContain("CLASS");
    }

    @Test
    void classValuesWrittenByOtherToolsAreRead() throws Exception {
        Path calendar = LocalTree.open(root).calendar();
        write(calendar.resolve("public.ics"), "public", "CLASS:PUBLIC\r\n");
        write(calendar.resolve("confidential.ics"), "confidential", "CLASS:confidential\r\n");
        write(calendar.resolve("unknown.ics"), "unknown", "CLASS:X-SECRET\r\n");
        write(calendar.resolve("none.ics"), "none", "");
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();

        assertThat(events.get("public").orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.NORMAL);
        assertThat(events.get("confidential").orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
        // RFC 5545: a value an application does not know is treated as PRIVATE
        assertThat(events.get("unknown").orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.PRIVATE);
        assertThat(events.get("none").orElseThrow().data().sensitivity()).isEqualTo(Sensitivity.NORMAL);
    }

    private static void write(Path file, String uid, String extra) throws Exception {
        Files.writeString(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20260701T000000Z\r\nDTSTART:20260720T120000Z\r\nDTEND:20260720T130000Z\r\n"
                + "SUMMARY:Doctor\r\n" + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n");
    }
}

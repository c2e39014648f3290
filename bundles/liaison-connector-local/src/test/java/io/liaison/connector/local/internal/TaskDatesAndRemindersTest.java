package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Importance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's reminder without a due date, and a due date without a time, survive writing, an edit on the other side
 * and reading back. RFC 5545 3.8.6.3: a relative TRIGGER of a VTODO refers to DTSTART, or with RELATED=END to DUE
 * (or DTSTART plus DURATION), so a reminder of a task without them is an absolute trigger; 3.8.2.3: DUE;VALUE=DATE is
 * a due day, which stays a day when the task is written back.
 */
class TaskDatesAndRemindersTest {

    private static final ZoneId BERLIN = ZoneId.of(LocalAccounts.ZONE);
    private static final Instant REMIND = Instant.parse("2026-07-20T08:30:00Z");

    @TempDir
    Path root;

    private static TaskData task(String subject, Optional<Instant> due, Optional<Instant> reminder) {
        return new TaskData(subject, "", Optional.empty(), due, TaskStatus.NOT_STARTED, Optional.empty(), reminder,
                Importance.NORMAL, List.of(), Optional.empty());
    }

    @Test
    void aReminderWithoutADueDateIsAnAbsoluteTriggerAndSurvivesEditsOnBothSides() {
        ItemStore<TaskData> tasks = LocalAccounts.open(root).tasks().orElseThrow();
        GroupwareItem<TaskData> created = tasks.create(task("Call back", Optional.empty(), Optional.of(REMIND)),
                Optional.empty(), new IdempotencyKey("t"));
        Path file = root.resolve("Tasks/t.ics");
        assertThat(LocalAccounts.read(file)).contains("TRIGGER;VALUE=DATE-TIME:20260720T083000Z");
        assertThat(tasks.get(created.id()).orElseThrow().data().reminderAt()).contains(REMIND);

        LocalAccounts.replaceLine(file, "SUMMARY:", "SUMMARY:Call back Mr Kim");
        GroupwareItem<TaskData> edited = tasks.get(created.id()).orElseThrow();
        assertThat(edited.data().reminderAt()).contains(REMIND);

        tasks.update(edited.id(), edited.version(), task("Call back Mr Kim today", Optional.empty(),
                edited.data().reminderAt()), Optional.empty());
        assertThat(tasks.get(created.id()).orElseThrow().data().reminderAt()).contains(REMIND);
    }

    @Test
    void aRelativeTriggerOfATaskWithoutDueReadsFromItsStartAndOneRelatedToItsEndFromStartPlusDuration()
            throws Exception {
        Path dir = LocalTree.open(root).tasks();
        write(dir.resolve("start.ics"), "start", "DTSTART:20260720T090000Z\r\n", "TRIGGER:-PT30M\r\n");
        write(dir.resolve("end.ics"), "end", "DTSTART:20260720T090000Z\r\nDURATION:PT2H\r\n",
                "TRIGGER;RELATED=END:-PT15M\r\n");
        ItemStore<TaskData> tasks = LocalAccounts.open(root).tasks().orElseThrow();

        assertThat(tasks.get("start").orElseThrow().data().reminderAt()).contains(REMIND);
        assertThat(tasks.get("end").orElseThrow().data().reminderAt())
                .contains(Instant.parse("2026-07-20T10:45:00Z"));
    }

    @Test
    void aDueDateWithoutTimeStaysADateWhileItIsMidnightInTheAccountsZone() throws Exception {
        Path dir = LocalTree.open(root).tasks();
        write(dir.resolve("day.ics"), "day", "DUE;VALUE=DATE:20260720\r\n", "");
        ItemStore<TaskData> tasks = LocalAccounts.open(root).tasks().orElseThrow();
        GroupwareItem<TaskData> read = tasks.get("day").orElseThrow();
        Instant midnight = LocalDate.of(2026, 7, 20).atStartOfDay(BERLIN).toInstant();
        assertThat(read.data().due()).contains(midnight);

        GroupwareItem<TaskData> renamed = tasks.update(read.id(), read.version(),
                task("Report, final", read.data().due(), Optional.empty()), Optional.empty());
        assertThat(LocalAccounts.read(dir.resolve("day.ics"))).contains("DUE;VALUE=DATE:20260720\r\n");
        assertThat(tasks.get("day").orElseThrow().data().due()).contains(midnight);

        Instant nextDay = LocalDate.of(2026, 7, 22).atStartOfDay(BERLIN).toInstant();
        GroupwareItem<TaskData> moved = tasks.update(renamed.id(), renamed.version(),
                task("Report, final", Optional.of(nextDay), Optional.empty()), Optional.empty());
        assertThat(LocalAccounts.read(dir.resolve("day.ics"))).contains("DUE;VALUE=DATE:20260722\r\n");

        Instant afternoon = nextDay.plusSeconds(14 * 3600);
        tasks.update(moved.id(), moved.version(), task("Report, final", Optional.of(afternoon), Optional.empty()),
                Optional.empty());
        assertThat(LocalAccounts.read(dir.resolve("day.ics"))).doesNotContain("VALUE=DATE:");
        assertThat(tasks.get("day").orElseThrow().data().due()).contains(afternoon);
    }

    @Test
    void aDueTimeAtMidnightOfANewTaskStaysATime() {
        ItemStore<TaskData> tasks = LocalAccounts.open(root).tasks().orElseThrow();
        Instant midnight = LocalDate.of(2026, 7, 20).atStartOfDay(BERLIN).toInstant();
        tasks.create(task("Report", Optional.of(midnight), Optional.empty()), Optional.empty(),
                new IdempotencyKey("t"));
        assertThat(LocalAccounts.read(root.resolve("Tasks/t.ics"))).doesNotContain("VALUE=DATE:");
    }

    private static void write(Path file, String uid, String dates, String trigger) throws Exception {
        String alarm = trigger.isEmpty() ? ""
                : "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Report\r\n" + trigger + "END:VALARM\r\n";
        Files.writeString(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:" + uid
                + "\r\nDTSTAMP:20260701T000000Z\r\n" + dates + "SUMMARY:Report\r\n" + alarm
                + "END:VTODO\r\nEND:VCALENDAR\r\n");
    }
}

package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not valid items are reported with their path and left alone; the listing goes on. */
class BrokenFilesTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void brokenItemFilesAreReportedWithTheirPathAndLeftInPlace() throws Exception {
        var session = LocalAccounts.open(root);
        ItemStore<EventData> events = session.events().orElseThrow();
        GroupwareItem<EventData> good = events.create(EventData.simple("Good", T, T.plusSeconds(3600), "UTC"),
                Optional.empty(), new IdempotencyKey("good"));
        Path garbage = write("Calendar/garbage.ics", "this is not a calendar");
        Path badDate = write("Calendar/bad-date.ics",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x1\r\nDTSTART:20261345T990000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        Path todoInCalendar = write("Calendar/task.ics",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t1\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n");
        Path noCard = write("Contacts/empty.vcf", "");
        Path twoCards = write("Contacts/two.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n");
        Path eventInTasks = write("Tasks/event.ics", LocalAccounts.read(root.resolve("Calendar/good.ics")));

        ChangeSet<GroupwareItem<EventData>> listed = events.changes(Optional.empty());
        ChangeSet<GroupwareItem<ContactData>> contacts = session.contacts().orElseThrow().changes(Optional.empty());
        ChangeSet<GroupwareItem<TaskData>> tasks = session.tasks().orElseThrow().changes(Optional.empty());

        assertThat(listed.changed()).extracting(GroupwareItem::id).containsExactly(good.id());
        assertThat(listed.problems()).extracting(ItemProblem::item)
                .containsExactlyInAnyOrder(garbage.toString(), badDate.toString(), todoInCalendar.toString());
        assertThat(listed.problems()).filteredOn(p -> p.item().equals(todoInCalendar.toString())).singleElement()
                .extracting(ItemProblem::reason).asString().contains("VTODO belongs in the Tasks folder");
        assertThat(contacts.problems()).extracting(ItemProblem::item)
                .containsExactlyInAnyOrder(noCard.toString(), twoCards.toString());
        assertThat(tasks.problems()).extracting(ItemProblem::item).containsExactly(eventInTasks.toString());
        assertThat(garbage).exists().hasContent("this is not a calendar");
        assertThat(noCard).exists();
        assertThat(twoCards).exists();
    }

    @Test
    void anUnchangedBrokenFileIsReportedOnceAndAFixedOneAppears() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        Path broken = write("Calendar/broken.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no end");
        ChangeSet<GroupwareItem<EventData>> first = events.changes(Optional.empty());
        assertThat(first.problems()).hasSize(1);

        ChangeSet<GroupwareItem<EventData>> second = events.changes(Optional.of(first.next()));
        assertThat(second.problems()).isEmpty();

        write("Calendar/broken.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:fixed\r\n"
                + "DTSTART:20260105T090000Z\r\nSUMMARY:Fixed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        ChangeSet<GroupwareItem<EventData>> third = events.changes(Optional.of(second.next()));
        assertThat(third.problems()).isEmpty();
        assertThat(third.changed()).extracting(GroupwareItem::id).containsExactly("fixed");
        assertThat(broken).exists();
    }

    @Test
    void anItemBrokenByAHandEditIsNotReportedAsRemoved() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"),
                Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"));
        ChangeSet<GroupwareItem<EventData>> first = events.changes(Optional.empty());

        Path file = root.resolve("Calendar/crm-activity-1.ics");
        String text = LocalAccounts.read(file);
        write("Calendar/crm-activity-1.ics", text.substring(0, text.length() / 2)); // saved half-way
        ChangeSet<GroupwareItem<EventData>> during = events.changes(Optional.of(first.next()));

        assertThat(during.removedIds()).isEmpty();
        assertThat(during.problems()).extracting(ItemProblem::item).containsExactly(file.toString());

        write("Calendar/crm-activity-1.ics", text.replace("SUMMARY:Meeting", "SUMMARY:Meeting, fixed"));
        ChangeSet<GroupwareItem<EventData>> after = events.changes(Optional.of(during.next()));
        assertThat(after.changed()).extracting(GroupwareItem::id).containsExactly(item.id());
        assertThat(after.removedIds()).isEmpty();
    }

    @Test
    void aSecondFileWithTheSameUidIsAProblemNotASecondItem() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"),
                Optional.empty(), new IdempotencyKey("original"));
        Path copy = write("Calendar/original copy.ics", LocalAccounts.read(root.resolve("Calendar/original.ics")));
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));

        ChangeSet<GroupwareItem<EventData>> listed = events.changes(Optional.empty());

        assertThat(listed.changed()).extracting(GroupwareItem::id).containsExactly(item.id());
        assertThat(listed.problems()).singleElement().satisfies(p -> {
            assertThat(p.item()).isEqualTo(copy.toString());
            assertThat(p.reason()).contains("same UID", "as original.ics, the file Liaison reads");
        });
    }

    private Path write(String relative, String content) throws Exception {
        LocalTree.open(root);
        Path file = root.resolve(relative);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}

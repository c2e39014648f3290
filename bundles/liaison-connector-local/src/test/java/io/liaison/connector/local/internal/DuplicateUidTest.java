package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.item.EventData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two files with one UID (a person copied an event file, as file managers name it "… copy"): the file Liaison
 * wrote stays the item whatever the modification times and sessions, the copy is reported once and never read.
 */
class DuplicateUidTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void liaisonsOwnWriteStaysTheItemAndEditsDoNotSwingBack() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"),
                Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"));
        ChangeSet<GroupwareItem<EventData>> first = events.changes(Optional.empty());
        Path original = root.resolve("Calendar/crm-activity-1.ics");
        Path copy = Files.copy(original, root.resolve("Calendar/a copy.ics")); // sorts first
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minusSeconds(3600))); // and is older

        GroupwareItem<EventData> moved = events.update(item.id(), item.version(),
                EventData.simple("Meeting, moved in the CRM", T.plusSeconds(7200), T.plusSeconds(10800), "UTC"),
                Optional.of("crm-1"));

        ItemStore<EventData> next = LocalAccounts.open(root).events().orElseThrow();
        ChangeSet<GroupwareItem<EventData>> second = next.changes(Optional.of(first.next()));
        assertThat(second.changed()).extracting(GroupwareItem::version).containsExactly(moved.version());
        assertThat(second.problems()).singleElement().satisfies(p -> {
            assertThat(p.item()).isEqualTo(copy.toString());
            assertThat(p.reason()).contains("same UID " + item.id(), "crm-activity-1.ics");
        });
        assertThat(next.get(item.id())).hasValueSatisfying(i -> assertThat(i.data().subject())
                .isEqualTo("Meeting, moved in the CRM"));
        assertThat(next.findByCrmId("crm-1")).hasValueSatisfying(i -> assertThat(i.version()).isEqualTo(moved.version()));

        ChangeSet<GroupwareItem<EventData>> third = LocalAccounts.open(root).events().orElseThrow()
                .changes(Optional.of(second.next()));
        assertThat(third.changed()).isEmpty();
        assertThat(third.removedIds()).isEmpty();
        assertThat(third.problems()).as("reported once").isEmpty();
        assertThat(LocalAccounts.read(copy)).contains("SUMMARY:Meeting\r\n");
    }

    @Test
    void withoutARecordTheFirstFileByNameIsTheItem() throws Exception {
        Path calendar = LocalTree.open(root).calendar();
        String event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:same\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART:20260105T090000Z\r\nSUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Path b = Files.writeString(calendar.resolve("b.ics"), event.formatted("B"));
        Files.writeString(calendar.resolve("c.ics"), event.formatted("C"));
        Files.setLastModifiedTime(b, FileTime.from(Instant.now().plusSeconds(60)));

        ChangeSet<GroupwareItem<EventData>> listed = LocalAccounts.open(root).events().orElseThrow()
                .changes(Optional.empty());

        assertThat(listed.changed()).extracting(i -> i.data().subject()).containsExactly("B");
        assertThat(listed.problems()).extracting(ItemProblem::item).containsExactly(calendar.resolve("c.ics").toString());
    }
}

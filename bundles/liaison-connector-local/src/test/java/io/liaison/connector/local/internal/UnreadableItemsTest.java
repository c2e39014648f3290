package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.ItemUnreadableException;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.ContactData;
import io.liaison.api.connector.item.EventData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that exists but cannot be read (saved half-way, not valid iCalendar or vCard) is an unreadable item,
 * never a gone one: by id, by CRM id, in complete listings after the snapshot behind a token was pruned, and
 * for writes, which never put a second file next to it.
 */
class UnreadableItemsTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    private GroupwareItem<EventData> meeting(ItemStore<EventData> events) {
        return events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"), Optional.of("crm-1"),
                new IdempotencyKey("crm-activity-1"));
    }

    private Path file() {
        return root.resolve("Calendar/crm-activity-1.ics");
    }

    /** Saved half-way: the first {@code length} characters of the file. */
    private String truncate(int length) throws Exception {
        String text = LocalAccounts.read(file());
        Files.writeString(file(), text.substring(0, length), StandardCharsets.UTF_8);
        return text;
    }

    @Test
    void aHalfWrittenFileIsUnreadableByIdNotGone() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = meeting(events);
        String text = LocalAccounts.read(file());
        truncate(text.indexOf("END:VEVENT")); // every property written, the ends not yet

        assertThatThrownBy(() -> events.get(item.id())).isInstanceOf(ItemUnreadableException.class)
                .hasMessageContaining(file().toString());
        assertThat(events.lookUp(List.of(item.id(), "no-such-uid")))
                .hasEntrySatisfying(item.id(), l -> assertThat(l).isInstanceOf(Lookup.Unreadable.class))
                .hasEntrySatisfying("no-such-uid", l -> assertThat(l).isInstanceOf(Lookup.Gone.class));
        assertThatThrownBy(() -> events.findByCrmId("crm-1")).isInstanceOf(ItemUnreadableException.class);
        assertThat(events.findByCrmId("crm-2")).isEmpty();
    }

    @Test
    void aFileCutBeforeItsUidIsStillKnownAsTheItemInANewSession() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = meeting(events);
        events.changes(Optional.empty());
        truncate(20); // "BEGIN:VCALENDAR\r\nVER"

        ItemStore<EventData> restarted = LocalAccounts.open(root).events().orElseThrow();

        assertThat(restarted.lookUp(List.of(item.id())).get(item.id())).isInstanceOf(Lookup.Unreadable.class);
        assertThatThrownBy(() -> restarted.get(item.id())).isInstanceOf(ItemUnreadableException.class);
    }

    @Test
    void aCompleteReReadAfterPruningReportsTheBrokenFileAndKeepsItsItem() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = meeting(events);
        SyncToken held = events.changes(Optional.empty()).next(); // a run that stops here holds this token
        for (int i = 0; i <= Snapshots.KEEP; i++) {
            events.changes(Optional.empty()); // previews and other runs meanwhile prune its snapshot
        }
        String text = truncate(40);

        ItemStore<EventData> restarted = LocalAccounts.open(root).events().orElseThrow();
        ChangeSet<GroupwareItem<EventData>> full = restarted.changes(Optional.of(held));

        assertThat(full.complete()).isTrue();
        assertThat(full.changed()).isEmpty();
        assertThat(full.problems()).extracting(ItemProblem::item).containsExactly(file().toString());
        assertThat(restarted.lookUp(List.of(item.id())).get(item.id())).isInstanceOf(Lookup.Unreadable.class);

        Files.writeString(file(), text, StandardCharsets.UTF_8); // the editor finishes: the same content as before
        ChangeSet<GroupwareItem<EventData>> after = LocalAccounts.open(root).events().orElseThrow()
                .changes(Optional.of(full.next()));
        assertThat(after.removedIds()).isEmpty();
        assertThat(after.changed()).extracting(GroupwareItem::id).containsExactly(item.id());
    }

    @Test
    void anUpdateOfAnUnreadableItemWritesNothingAndTheItemIsReportedWhenReadableAgain() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = meeting(events);
        ChangeSet<GroupwareItem<EventData>> first = events.changes(Optional.empty());
        String text = truncate(LocalAccounts.read(file()).indexOf("SUMMARY"));
        byte[] broken = Files.readAllBytes(file());

        assertThatThrownBy(() -> events.update(item.id(), item.version(),
                EventData.simple("Moved in the CRM", T.plusSeconds(7200), T.plusSeconds(10800), "UTC"),
                Optional.of("crm-1"))).isInstanceOf(ItemUnreadableException.class);
        assertThatThrownBy(() -> events.delete(item.id(), item.version())).isInstanceOf(ItemUnreadableException.class);
        assertThatThrownBy(() -> events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"),
                Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"))).isInstanceOf(ItemUnreadableException.class);
        assertThat(Files.readAllBytes(file())).isEqualTo(broken);
        try (Stream<Path> files = Files.list(root.resolve("Calendar"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("crm-activity-1.ics");
        }

        ChangeSet<GroupwareItem<EventData>> during = events.changes(Optional.of(first.next()));
        assertThat(during.removedIds()).isEmpty();
        assertThat(during.changed()).isEmpty();
        Files.writeString(file(), text, StandardCharsets.UTF_8);
        ChangeSet<GroupwareItem<EventData>> after = events.changes(Optional.of(during.next()));
        assertThat(after.changed()).extracting(GroupwareItem::id).containsExactly(item.id());
        assertThat(events.get(item.id())).hasValueSatisfying(i -> assertThat(i.version()).isEqualTo(item.version()));
    }

    @Test
    void aBrokenContactIsUnreadableToo() throws Exception {
        ItemStore<ContactData> contacts = LocalAccounts.open(root).contacts().orElseThrow();
        Path file = root.resolve("Contacts/hand.vcf");
        Files.writeString(file, "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n"
                + "FN:Anna\r\nN:Anna;;;;\r\nEND:VCARD\r\n", StandardCharsets.UTF_8);
        String id = contacts.changes(Optional.empty()).changed().get(0).id();
        Files.writeString(file, "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> contacts.get(id)).isInstanceOf(ItemUnreadableException.class);
        Files.delete(file);
        assertThat(contacts.get(id)).isEmpty();
    }
}

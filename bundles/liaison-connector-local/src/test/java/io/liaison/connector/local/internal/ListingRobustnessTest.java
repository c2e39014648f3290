package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.item.EventData;
import io.liaison.connector.tck.GeneratedMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings survive files that change under them, and interrupted writes never show. */
class ListingRobustnessTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void filesChangedDuringAnItemListingAreSeenByTheNextListing() throws Exception {
        ItemStore<EventData> setup = LocalAccounts.open(root).events().orElseThrow();
        for (String key : List.of("a", "b", "c")) {
            setup.create(EventData.simple("Event " + key, T, T.plusSeconds(3600), "UTC"), Optional.empty(),
                    new IdempotencyKey(key));
        }
        ChangeSet<GroupwareItem<EventData>> first = setup.changes(Optional.empty());
        String idA = first.changed().get(0).id();
        String idB = first.changed().get(1).id();
        Path calendar = root.resolve("Calendar");
        AtomicBoolean armed = new AtomicBoolean(true);
        ItemStore<EventData> events = LocalAccounts.open(root, file -> {
            if (armed.get() && file.getFileName().toString().equals("a.ics")) {
                armed.set(false);
                LocalAccounts.replaceLine(file, "SUMMARY:", "SUMMARY:Edited while listed"); // already read
                Files.delete(calendar.resolve("b.ics"));                                     // not read yet
                Files.writeString(calendar.resolve("d.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                        + "UID:d\r\nDTSTART:20260105T090000Z\r\nSUMMARY:New\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
            }
        }).events().orElseThrow();

        ChangeSet<GroupwareItem<EventData>> during = events.changes(Optional.of(first.next()));
        ChangeSet<GroupwareItem<EventData>> after = events.changes(Optional.of(during.next()));

        // the listing works on the directory as it was when it started: b is gone, d comes next time
        assertThat(during.removedIds()).containsExactly(idB);
        assertThat(during.changed()).isEmpty();
        assertThat(after.changed()).extracting(GroupwareItem::id).containsExactly(idA, "d");
        assertThat(after.changed().get(0).data().subject()).isEqualTo("Edited while listed");
        assertThat(after.removedIds()).isEmpty();
        assertThat(events.changes(Optional.of(after.next())).changed()).isEmpty();
    }

    @Test
    void messagesChangedDuringAMailListingAreSeenByTheNextListing() throws Exception {
        Path inbox = LocalTree.open(root).mail().resolve("Inbox");
        for (String name : List.of("1", "2", "3")) {
            Files.write(inbox.resolve(name + ".eml"), GeneratedMessage.small(name + "@x.example", "S" + name));
        }
        MailStore setup = LocalAccounts.open(root).mail().orElseThrow();
        ChangeSet<MessageRef> first = setup.changes("Inbox", Optional.empty());
        AtomicBoolean armed = new AtomicBoolean(true);
        MailStore mail = LocalAccounts.open(root, file -> {
            if (armed.get() && file.getFileName().toString().equals("1.eml")) {
                armed.set(false);
                Files.delete(inbox.resolve("2.eml"));
                Files.write(inbox.resolve("0.eml"), GeneratedMessage.small("0@x.example", "S0")); // sorts before
                Files.write(inbox.resolve("4.eml"), GeneratedMessage.small("4@x.example", "S4")); // sorts after
            }
        }).mail().orElseThrow();

        ChangeSet<MessageRef> during = mail.changes("Inbox", Optional.of(first.next()));
        ChangeSet<MessageRef> after = mail.changes("Inbox", Optional.of(during.next()));

        String id2 = first.changed().stream().filter(m -> m.name().equals("2.eml")).findFirst().orElseThrow().id();
        assertThat(during.removedIds()).containsExactly(id2);
        assertThat(during.changed()).isEmpty();
        assertThat(after.changed()).extracting(MessageRef::name).containsExactly("0.eml", "4.eml");
        assertThat(mail.changes("Inbox", Optional.of(after.next())).changed()).isEmpty();
    }

    @Test
    void aCrashBetweenWriteAndRenameLeavesTheOldFileAndAHiddenTemporaryOne() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.create(EventData.simple("Before", T, T.plusSeconds(3600), "UTC"),
                Optional.empty(), new IdempotencyKey("crash"));
        ChangeSet<GroupwareItem<EventData>> first = events.changes(Optional.empty());
        Path target = root.resolve("Calendar/crash.ics");
        byte[] before = Files.readAllBytes(target);

        // the process dies after the temporary file is written, before the rename
        AtomicFiles files = new AtomicFiles(Clock.systemUTC());
        Path temp = files.writeTemporary(target, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Aft".getBytes(StandardCharsets.UTF_8));
        Path newTemp = files.writeTemporary(root.resolve("Calendar/new.ics"), new byte[] {1, 2, 3});
        Path mailTemp = files.writeTemporary(root.resolve("Mail/Inbox/m.eml"), new byte[] {1, 2, 3});

        ItemStore<EventData> restarted = LocalAccounts.open(root).events().orElseThrow();
        ChangeSet<GroupwareItem<EventData>> after = restarted.changes(Optional.of(first.next()));
        assertThat(after.changed()).isEmpty();
        assertThat(after.problems()).isEmpty();
        assertThat(after.removedIds()).isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(restarted.get(item.id()).orElseThrow().version()).isEqualTo(item.version());
        assertThat(LocalAccounts.open(root).mail().orElseThrow().changes("Inbox", Optional.empty()).changed()).isEmpty();
        assertThat(temp).as("young temporary files may belong to a write in progress").exists();

        Instant later = Instant.now().plus(AtomicFiles.STALE_AFTER).plus(Duration.ofMinutes(1));
        LocalAccounts.open(root, Clock.fixed(later, ZoneOffset.UTC));
        assertThat(temp).doesNotExist();
        assertThat(newTemp).doesNotExist();
        assertThat(mailTemp).doesNotExist();
        assertThat(target).exists();
        try (Stream<Path> left = Files.list(root.resolve("Calendar"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("crash.ics");
        }
    }

    @Test
    void oldTemporaryFilesOfOtherToolsAreNotTouched() throws Exception {
        Path calendar = LocalTree.open(root).calendar();
        Path foreign = Files.writeString(calendar.resolve(".#notes.ics"), "emacs lock");
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        LocalAccounts.open(root, Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC));

        assertThat(foreign).exists();
    }
}

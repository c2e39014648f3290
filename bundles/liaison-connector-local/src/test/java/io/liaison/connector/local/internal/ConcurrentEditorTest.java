package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.VersionConflictException;
import io.liaison.api.connector.item.EventData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's editor saving a file while Liaison writes it (after Liaison's version check, before its rename) is
 * detected and the person's save kept; a clock stepped back never makes the listing behind a fresh token vanish.
 */
class ConcurrentEditorTest {

    @TempDir
    Path root;

    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    /** Atomic files whose temporary file, once written, is followed by an editor's save of the target. */
    private static final class EditorBetweenCheckAndRename extends AtomicFiles {
        private final Path target;
        private final IoAction save;
        private boolean armed;

        EditorBetweenCheckAndRename(Path target, IoAction save) {
            super(Clock.systemUTC());
            this.target = target;
            this.save = save;
        }

        @Override
        Path writeTemporary(Path file, byte[] content) throws IOException {
            Path temp = super.writeTemporary(file, content);
            if (armed && file.equals(target)) {
                armed = false;
                save.run();
            }
            return temp;
        }
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    private VdirStore<EventData> store(AtomicFiles files) {
        LocalTree tree = LocalTree.open(root);
        return new VdirStore<>(tree, tree.calendar(), "events", new EventCodec(ZoneId.of("Europe/Berlin")),
                new Snapshots(tree.state(), files), files, ListingObserver.NONE);
    }

    private void assertEditKept(IoAction editorSave, String edited) throws Exception {
        Path file = root.resolve("Calendar/crm-activity-1.ics");
        EditorBetweenCheckAndRename files = new EditorBetweenCheckAndRename(file, editorSave);
        VdirStore<EventData> events = store(files);
        GroupwareItem<EventData> item = events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"),
                Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"));
        files.armed = true;

        assertThatThrownBy(() -> events.update(item.id(), item.version(),
                EventData.simple("Moved in the CRM", T.plusSeconds(7200), T.plusSeconds(10800), "UTC"), Optional.of("crm-1")))
                .isInstanceOf(VersionConflictException.class);

        assertThat(LocalAccounts.read(file)).contains(edited).doesNotContain("Moved in the CRM");
        try (Stream<Path> left = Files.list(root.resolve("Calendar"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("crm-activity-1.ics");
        }
        assertThat(events.get(item.id()).orElseThrow().data().subject()).isEqualTo(edited.substring("SUMMARY:".length()));
    }

    @Test
    void anEditorSavingByRenameMeanwhileKeepsItsSave() throws Exception {
        Path file = root.resolve("Calendar/crm-activity-1.ics");
        assertEditKept(() -> {
            Path editorTemp = root.resolve("Calendar/.editor-save");
            Files.writeString(editorTemp, LocalAccounts.read(file).replace("SUMMARY:Meeting", "SUMMARY:Edited by hand"),
                    StandardCharsets.UTF_8);
            Files.move(editorTemp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }, "SUMMARY:Edited by hand");
    }

    @Test
    void anEditorWritingInPlaceMeanwhileKeepsItsSave() throws Exception {
        Path file = root.resolve("Calendar/crm-activity-1.ics");
        assertEditKept(() -> LocalAccounts.replaceLine(file, "SUMMARY:", "SUMMARY:Edited in place"),
                "SUMMARY:Edited in place");
    }

    @Test
    void aWriteInterruptedAfterSettingTheFileAsideIsPutBackWhenASessionOpens() throws Exception {
        var events = LocalAccounts.open(root).events().orElseThrow();
        GroupwareItem<EventData> item = events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"),
                Optional.of("crm-1"), new IdempotencyKey("crm-activity-1"));
        Path file = root.resolve("Calendar/crm-activity-1.ics");
        Files.move(file, AtomicFiles.asideFor(file)); // the process died right after this step

        var reopened = LocalAccounts.open(root).events().orElseThrow();

        assertThat(reopened.get(item.id())).hasValueSatisfying(i -> assertThat(i.version()).isEqualTo(item.version()));
        try (Stream<Path> left = Files.list(root.resolve("Calendar"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("crm-activity-1.ics");
        }
    }

    @Test
    void aClockSteppedBackNeverPrunesTheListingJustSaved() throws Exception {
        var events = LocalAccounts.open(root).events().orElseThrow();
        events.create(EventData.simple("Meeting", T, T.plusSeconds(3600), "UTC"), Optional.empty(), new IdempotencyKey("a"));
        for (int i = 0; i < Snapshots.KEEP; i++) {
            events.changes(Optional.empty());
        }
        // the clock steps back an hour: every listing saved so far looks newer than the next one
        try (Stream<Path> snapshots = Files.walk(root.resolve(".liaison/snapshots"))) {
            for (Path p : snapshots.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
            }
        }

        SyncToken token = events.changes(Optional.empty()).next();
        ChangeSet<GroupwareItem<EventData>> next = events.changes(Optional.of(token));

        assertThat(next.complete()).as("the token's listing is still there").isFalse();
        assertThat(next.changed()).isEmpty();
    }
}

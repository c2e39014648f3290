package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.item.EventData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: a folder tree put back from a backup together with its {@code .liaison} state is older than the
 * tokens Liaison holds. The store tells such a token (one it has not given out yet) from one that merely expired.
 */
class RestoredTreeTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aTokenGivenOutAfterTheBackupIsAheadOfTheRestoredTree() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tree"));
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        create(events, "In the backup");
        SyncToken beforeBackup = events.changes(Optional.empty()).next();
        copy(root, dir.resolve("backup"));
        create(events, "Made after the backup");
        SyncToken afterBackup = events.changes(Optional.of(beforeBackup)).next();

        delete(root);
        copy(dir.resolve("backup"), root);
        ItemStore<EventData> restored = LocalAccounts.open(root).events().orElseThrow();

        assertThat(restored.aheadOfState(afterBackup)).isTrue();
        assertThat(restored.aheadOfState(beforeBackup)).as("given out before the backup").isFalse();
    }

    @Test
    void aTreeWhoseStateWasRemovedIsBehindEveryToken() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tree"));
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        create(events, "Kept");
        SyncToken token = events.changes(Optional.empty()).next();

        delete(root.resolve(".liaison"));

        assertThat(LocalAccounts.open(root).events().orElseThrow().aheadOfState(token)).isTrue();
    }

    @Test
    void anExpiredTokenIsNotAhead() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tree"));
        ItemStore<EventData> events = LocalAccounts.open(root).events().orElseThrow();
        SyncToken oldest = events.changes(Optional.empty()).next();
        SyncToken token = oldest;
        for (int i = 0; i < Snapshots.KEEP + 5; i++) {
            create(events, "Event " + i);
            token = events.changes(Optional.of(token)).next();
        }

        assertThat(events.changes(Optional.of(oldest)).complete()).as("its snapshot was pruned").isTrue();
        assertThat(events.aheadOfState(oldest)).isFalse();
    }

    @Test
    void tokensWithoutACountAndForeignTokensCannotTell() throws Exception {
        ItemStore<EventData> events = LocalAccounts.open(dir).events().orElseThrow();

        assertThat(List.of(new SyncToken("local1:0b1d5b9e-6f0c-4f63-9d8e-9a3c2a1b7e11"),
                new SyncToken("local2:x:0b1d5b9e-6f0c-4f63-9d8e-9a3c2a1b7e11"), new SyncToken("delta:abc")))
                .noneMatch(events::aheadOfState);
    }

    private static void create(ItemStore<EventData> events, String subject) {
        events.create(EventData.simple(subject, T, T.plusSeconds(3600), "UTC"), Optional.empty(),
                new IdempotencyKey("k-" + java.util.UUID.randomUUID()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 6: the local folder tree put back, with its {@code .liaison} state, from a copy older than the
 * tokens the runtime holds. The next run notices (the token is ahead of the tree's state), journals a warning, reads
 * the tree again, pairs by ids and deletes nothing: the CRM activities whose groupware items the restore lost stay,
 * unlinked. Before, the unknown token meant a complete re-read in which those items were confirmed gone, and their
 * activities were deleted in the CRM.
 */
class RestoredGroupwareFlowTest {
    @TempDir
    Path dir;

    @Test
    void aTreeRestoredFromAnOlderCopyIsReadAgainAndNothingIsDeleted() throws Exception {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        flow.crmCreate(ActivityType.APPOINTMENT, "From the CRM, in the copy", at(1, 9));
        flow.gwCreateEvent("From the groupware, in the copy", at(2, 9));
        flow.run();
        Path tree = Path.of(flow.where);
        copy(tree, dir.resolve("copy"));

        flow.crmCreate(ActivityType.APPOINTMENT, "From the CRM, after the copy", at(3, 9));
        flow.gwCreateEvent("From the groupware, after the copy", at(4, 9));
        flow.run();
        flow.run();
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(4);
        assertThat(flow.gwEvents()).hasSize(4);

        delete(tree);
        copy(dir.resolve("copy"), tree);
        SyncRun restored = flow.run();

        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).as("nothing deleted in the CRM")
                .extracting(a -> a.data().subject())
                .containsExactlyInAnyOrder("From the CRM, in the copy", "From the groupware, in the copy",
                        "From the CRM, after the copy", "From the groupware, after the copy");
        assertThat(flow.gwEvents()).as("nothing deleted in the groupware").extracting(e -> e.data().subject())
                .containsExactlyInAnyOrder("From the CRM, in the copy", "From the groupware, in the copy");
        assertThat(flow.entries(restored)).filteredOn(e -> e.outcome() == Outcome.WARNING)
                .extracting(JournalEntry::message)
                .anySatisfy(m -> assertThat(m).contains("ahead of the groupware's own state").contains("2 linked items"));
        assertThat(flow.links(io.liaison.api.domain.SyncArea.APPOINTMENTS)).as("the pairs in the copy stay linked")
                .hasSize(2);

        // the next runs converge: nothing to write, no warning, and a change on either side goes through as usual
        flow.writes.reset();
        SyncRun next = flow.run();
        assertThat(flow.writes.written()).isZero();
        assertThat(flow.entries(next)).noneMatch(e -> e.outcome() == Outcome.WARNING);
        GroupwareItem<EventData> kept = flow.gwEvents().stream()
                .filter(e -> e.data().subject().equals("From the groupware, in the copy")).findFirst().orElseThrow();
        flow.gwEditEvent(kept.id(), "Edited after the restore");
        flow.run();
        Activity edited = flow.crmGet(kept.crmId().orElseThrow());
        assertThat(edited.data().subject()).isEqualTo("Edited after the restore");
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).hasSize(4);
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

package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.runtime.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes a run at every write it makes (CRM and groupware creates, updates and deletes, the link-back write, link
 * saves and deletes, token saves), one scenario per write, then runs cleanly: every item exists once on each side,
 * linked, with every edit made before the crash.
 */
class FaultInjectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void aRunCrashedAtAnyWriteIsRepairedByTheNextRun(Groupware groupware) {
        int scenarios = 0;
        boolean crashed;
        do {
            int k = scenarios + 1;
            try (ActivityFlow flow = new ActivityFlow(dir.resolve("k" + k), groupware, ConflictPolicy.CRM_WINS)) {
                crashed = scenario(flow, k);
            }
            scenarios++;
        } while (crashed); // the last scenario's k is past the last write of the run
        System.out.println("FaultInjectionTest[" + groupware + "]: " + scenarios
                + " crash scenarios (one per write of the run)");
        assertThat(scenarios).isGreaterThan(20);
    }

    /**
     * The same crashes while the file of an event edited in the groupware is unreadable (cut off half-way, as an
     * editor's interrupted save leaves it) during the crashed run and the next one, and readable again after (local
     * tree only): nothing is lost, nothing duplicated, and the edit arrives once the file is readable.
     */
    @org.junit.jupiter.api.Test
    void aRunCrashedAtAnyWriteWhileAFileIsUnreadableIsRepairedOnceItIsReadable() {
        int scenarios = 0;
        boolean crashed;
        do {
            int k = scenarios + 1;
            try (ActivityFlow flow = new ActivityFlow(dir.resolve("u" + k), Groupware.LOCAL, ConflictPolicy.CRM_WINS)) {
                crashed = scenario(flow, k, true);
            }
            scenarios++;
        } while (crashed);
        System.out.println("FaultInjectionTest[LOCAL, a file unreadable for two runs]: " + scenarios
                + " crash scenarios (one per write of the run)");
        assertThat(scenarios).isGreaterThan(15);
    }

    private static boolean scenario(ActivityFlow flow, int k) {
        return scenario(flow, k, false);
    }

    /**
     * Crashes the run at write k, repairs, checks; true when the run did crash (there was a k-th write).
     *
     * @param unreadable whether the edited groupware event's file is unreadable for the crashed run and the next
     */
    private static boolean scenario(ActivityFlow flow, int k, boolean unreadable) {
        Fixture f = setUp(flow);
        Optional<Path> cut = unreadable ? Optional.of(fileOf(flow, f.e().id())) : Optional.empty();
        byte[] saved = cut.map(FaultInjectionTest::read).orElse(new byte[0]);
        cut.ifPresent(file -> write(file, java.util.Arrays.copyOf(saved, saved.length / 2)));
        flow.writes.reset();
        flow.writes.crashAt = k;
        boolean crashed = !flow.runMayCrash();
        flow.writes.crashAt = -1;
        flow.run();
        cut.ifPresent(file -> write(file, saved));
        flow.run();
        flow.run();

        Convergence.assertConverged(flow);
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING)))
                .as("appointments after a crash at write " + k).extracting(a -> a.data().subject())
                .containsExactlyInAnyOrder("A edited in the CRM", "E edited in the groupware", "new in the CRM",
                        "new in the groupware");
        assertThat(flow.crmActivities(Set.of(ActivityType.TASK, ActivityType.FOLLOW_UP)))
                .as("tasks after a crash at write " + k).extracting(a -> a.data().subject())
                .containsExactlyInAnyOrder("follow-up new in the CRM", "task new in the groupware");
        assertThat(flow.crmFind(f.e.crmId().orElseThrow())).isPresent();
        flow.writes.reset();
        assertThat(flow.run().status()).as("the run after the repair (crash at " + k + ")").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.writes.written())
                .as("writes of a run after the repair (crash at " + k + ", " + flow.groupware + ")").isZero();
        return crashed;
    }

    /** The file of the local tree that holds the event with this id (its UID). */
    static Path fileOf(ActivityFlow flow, String id) {
        try (var files = Files.list(Path.of(flow.where, "Calendar"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ics"))
                    .filter(f -> new String(read(f), StandardCharsets.UTF_8).contains("UID:" + id + "\r\n"))
                    .findFirst().orElseThrow(() -> new AssertionError("no file holds event " + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fixture(Activity a, Activity t, GroupwareItem<EventData> e, GroupwareItem<TaskData> k) {
    }

    /** Two linked items per side, then new, edited and deleted items on both sides. */
    private static Fixture setUp(ActivityFlow flow) {
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "A", at(1, 9));
        Activity t = flow.crmCreate(ActivityType.TASK, "T", at(1, 12));
        GroupwareItem<EventData> e = flow.gwCreateEvent("E", at(2, 9));
        GroupwareItem<TaskData> k = flow.gwCreateTask("K", at(2, 12));
        flow.run();
        e = flow.events().get(e.id()).orElseThrow();
        k = flow.tasks().get(k.id()).orElseThrow();

        flow.crmCreate(ActivityType.APPOINTMENT, "new in the CRM", at(3, 9));
        flow.crmCreate(ActivityType.FOLLOW_UP, "follow-up new in the CRM", at(3, 12));
        flow.gwCreateEvent("new in the groupware", at(4, 9));
        flow.gwCreateTask("task new in the groupware", at(4, 12));
        flow.crmEdit(a.id().value(), "A edited in the CRM");
        flow.gwEditEvent(e.id(), "E edited in the groupware");
        flow.crmDelete(t.id().value());
        flow.gwDeleteTask(k.id());
        return new Fixture(a, t, e, k);
    }
}

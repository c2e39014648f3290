package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interleaved creates, edits, deletes, type changes (out of the sync and back) and sensitivity changes (a person marks an
 * item private and normal again) on both sides with runs in between, some of them crashed at a random write, under
 * every conflict policy and both rules for private items (every third seed {@code busy}, else {@code skip}); fixed
 * seeds. Nothing the sync keeps may be deleted by it: every activity whose type left the sync, and every groupware
 * item a person marked private, is still there at the end unless the person deleted it. At the end two clean runs (an
 * administrator's, accepting deletes a side that lost every linked item had stopped) must leave both sides converged,
 * and a further run must write nothing. The local connector runs 8 seeds of 50 rounds; the Graph connector, where every
 * run and every look at the groupware is HTTPS against the emulator, runs the first 4 of those seeds (one per conflict policy) for 40 rounds.
 */
class RandomisedSyncTest {
    private static final Set<ActivityType> EVENT_TYPES = Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING);
    private static final Set<ActivityType> TASK_TYPES = Set.of(ActivityType.TASK, ActivityType.FOLLOW_UP);
    private static final ActivityType VISIT = new ActivityType("VISIT");

    @TempDir
    Path dir;

    @Test
    void interleavedEditsOnBothSidesConvergeOnTheLocalConnector() {
        converge(Groupware.LOCAL, 1, 8, 50);
    }

    @Test
    void interleavedEditsOnBothSidesConvergeOnTheGraphConnector() {
        converge(Groupware.GRAPH, 1, 4, 40);
    }

    private void converge(Groupware groupware, int firstSeed, int seeds, int rounds) {
        int crashes = 0;
        int runs = 0;
        int broken = 0;
        int copied = 0;
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            ConflictPolicy policy = ConflictPolicy.values()[seed % ConflictPolicy.values().length];
            String privateItems = seed % 3 == 0 ? "busy" : "skip";
            try (ActivityFlow flow = new ActivityFlow(dir.resolve("seed" + seed), groupware, policy, 1.0, 0,
                    Optional.empty(), Map.of(PrivateItems.SETTING, privateItems))) {
                Random random = new Random(seed);
                int[] counts = rounds(flow, random, seed, rounds);
                crashes += counts[0];
                runs += counts[1];
                broken += counts[2];
                copied += counts[3];
            }
        }
        System.out.println("RandomisedSyncTest[" + groupware + "]: " + seeds + " seeds x " + rounds + " rounds, "
                + runs + " runs, " + crashes + " of them crashed; " + broken + " files unreadable for a while, " + copied
                + " copies with the same UID");
    }

    /**
     * The rounds of one seed and the final checks; returns the crashed runs, all runs, the files made unreadable for
     * a while and the copies with the same UID.
     */
    private static int[] rounds(ActivityFlow flow, Random random, int seed, int rounds) {
        int crashes = 0;
        int runs = 0;
        BrokenFiles broken = new BrokenFiles(flow);
        Kept kept = new Kept();
        for (int round = 0; round < rounds; round++) {
            int ops = 1 + random.nextInt(3);
            for (int op = 0; op < ops; op++) {
                edit(flow, random, "s" + seed + "r" + round + "o" + op, kept);
            }
            broken.round(random, round);
            int what = random.nextInt(100);
            if (what < 70) {
                flow.run();
                runs++;
            } else if (what < 85) {
                runs++;
                flow.writes.reset();
                flow.writes.crashAt = 1 + random.nextInt(12);
                crashes += flow.runMayCrash() ? 0 : 1;
                flow.writes.crashAt = -1;
            }
        }
        broken.repairAll();
        // a side that lost every linked item trips the mass-delete guard whatever the count (and stays stopped):
        // the closing runs are an administrator's, who checked and accepts those deletes
        flow.runAcceptingDeletes();
        flow.runAcceptingDeletes();
        Convergence.assertConverged(flow);
        kept.assertStillThere(flow, seed);
        flow.writes.reset();
        assertThat(flow.run().status()).as("the run after convergence, seed " + seed).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.writes.written())
                .as("writes of a run after convergence, seed " + seed + ", " + flow.groupware).isZero();
        return new int[] {crashes, runs + 3, broken.broken, broken.copied};
    }

    private static void edit(ActivityFlow flow, Random random, String name, Kept kept) {
        int day = random.nextInt(30);
        switch (random.nextInt(10)) {
            case 0 -> flow.crmCreate(ActivityType.APPOINTMENT, "crm " + name, at(day, 9));
            case 1 -> flow.crmCreate(random.nextBoolean() ? ActivityType.TASK : ActivityType.FOLLOW_UP, "crm " + name,
                    at(day, 10));
            case 2 -> pick(random, flow.crmActivities(random.nextBoolean() ? EVENT_TYPES : TASK_TYPES))
                    .ifPresent(a -> flow.crmEdit(a.id().value(), "crm edit " + name));
            case 3 -> pick(random, flow.crmActivities(random.nextBoolean() ? EVENT_TYPES : TASK_TYPES))
                    .ifPresent(a -> {
                        kept.crmDeleted(flow, a.id().value());
                        flow.crmDelete(a.id().value());
                    });
            case 4 -> {
                if (random.nextBoolean()) {
                    flow.gwCreateEvent("gw " + name, at(day, 11));
                } else {
                    flow.gwCreateTask("gw " + name, at(day, 12));
                }
            }
            case 5, 6 -> {
                if (random.nextBoolean()) {
                    pick(random, flow.gwEvents()).ifPresent(g -> flow.gwEditEvent(g.id(), "gw edit " + name));
                } else {
                    pick(random, flow.gwTasks()).ifPresent(g -> flow.gwEditTask(g.id(), "gw edit " + name));
                }
            }
            case 8 -> {
                // a type change: out of the sync (its event stays, with no cancellation) or back into it
                if (random.nextBoolean()) {
                    pick(random, flow.crmActivities(EVENT_TYPES)).ifPresent(a -> {
                        flow.crmChangeType(a.id().value(), VISIT);
                        kept.visits.add(a.id().value());
                    });
                } else {
                    pick(random, flow.crmActivities(Set.of(VISIT))).ifPresent(a -> {
                        flow.crmChangeType(a.id().value(), ActivityType.MEETING);
                        kept.visits.remove(a.id().value());
                    });
                }
            }
            case 9 -> {
                // a person marks an item private (or confidential) or normal again; To Do tasks have no sensitivity
                if (random.nextBoolean() || flow.groupware != Groupware.LOCAL) {
                    pick(random, flow.gwEvents()).ifPresent(g -> kept.marked(flow.gwMarkEvent(g.id(),
                            toggled(g.data().sensitivity(), random)).id(), g.data().sensitivity()));
                } else {
                    pick(random, flow.gwTasks()).ifPresent(g -> kept.marked(flow.gwMarkTask(g.id(),
                            toggled(g.data().sensitivity(), random)).id(), g.data().sensitivity()));
                }
            }
            default -> {
                if (random.nextBoolean()) {
                    pick(random, flow.gwEvents()).map(GroupwareItem::id).ifPresent(id -> {
                        flow.gwDeleteEvent(id);
                        kept.privateItems.remove(id);
                    });
                } else {
                    pick(random, flow.gwTasks()).map(GroupwareItem::id).ifPresent(id -> {
                        flow.gwDeleteTask(id);
                        kept.privateItems.remove(id);
                    });
                }
            }
        }
    }

    /**
     * What the sync must keep: the activities a person moved out of the sync by their type (a person never deletes a
     * visit here), and the groupware items a person marked private (until the person deletes one, or its linked
     * activity, or makes it normal).
     */
    private static final class Kept {
        final Set<String> visits = new java.util.HashSet<>();
        final Set<String> privateItems = new java.util.HashSet<>();

        void marked(String groupwareId, Sensitivity before) {
            if (before.isPrivate()) {
                privateItems.remove(groupwareId);
            } else {
                privateItems.add(groupwareId);
            }
        }

        /** A person deletes an activity: a linked groupware item goes with it, the sync's rightful deletion. */
        void crmDeleted(ActivityFlow flow, String crmId) {
            for (SyncArea area : List.of(SyncArea.APPOINTMENTS, SyncArea.TASKS)) {
                flow.links(area).stream().filter(l -> l.crmId().equals(crmId))
                        .forEach(l -> privateItems.remove(l.groupwareId()));
            }
        }

        void assertStillThere(ActivityFlow flow, int seed) {
            for (String id : visits) {
                assertThat(flow.crmFind(id)).as("visit " + id + ", seed " + seed).isPresent()
                        .get().satisfies(a -> assertThat(a.data().type()).isEqualTo(VISIT));
            }
            Set<String> there = new java.util.HashSet<>();
            flow.gwEvents().forEach(g -> there.add(g.id()));
            flow.gwTasks().forEach(g -> there.add(g.id()));
            assertThat(there).as("groupware items marked private, seed " + seed).containsAll(privateItems);
            System.out.println("RandomisedSyncTest seed " + seed + ": " + visits.size() + " visits and "
                    + privateItems.size() + " private items kept");
        }
    }

    private static Sensitivity toggled(Sensitivity now, Random random) {
        return now.isPrivate() ? Sensitivity.NORMAL : random.nextBoolean() ? Sensitivity.PRIVATE : Sensitivity.CONFIDENTIAL;
    }

    /**
     * The local tree's files as a person or a half-done write leaves them (LOCAL only): an event or task file cut off
     * for one to four rounds (unreadable, never gone), and a person's copy of a file under another name (two files
     * with one UID).
     */
    private static final class BrokenFiles {
        // per flow, so that the counts of one connector's test are not those of another run in the same JVM
        int broken;
        int copied;
        private final ActivityFlow flow;
        private final java.util.Map<java.nio.file.Path, byte[]> saved = new java.util.HashMap<>();
        private final java.util.Map<java.nio.file.Path, Integer> repairAt = new java.util.HashMap<>();

        BrokenFiles(ActivityFlow flow) {
            this.flow = flow;
        }

        void round(Random random, int round) {
            if (flow.groupware != Groupware.LOCAL) {
                return;
            }
            for (java.nio.file.Path file : List.copyOf(repairAt.keySet())) {
                if (repairAt.get(file) <= round) {
                    repair(file);
                }
            }
            int what = random.nextInt(100);
            if (what < 15) {
                pick(random, files()).filter(f -> !saved.containsKey(f)).ifPresent(file -> {
                    byte[] content = read(file);
                    saved.put(file, content);
                    repairAt.put(file, round + 1 + random.nextInt(4));
                    write(file, java.util.Arrays.copyOf(content, content.length / 2));
                    broken++;
                });
            } else if (what < 20) {
                pick(random, files()).filter(f -> !saved.containsKey(f)).ifPresent(file -> {
                    write(file.resolveSibling("zz-copy-" + ++copied + ".ics"), read(file));
                });
            }
        }

        void repairAll() {
            List.copyOf(repairAt.keySet()).forEach(this::repair);
        }

        private void repair(java.nio.file.Path file) {
            write(file, saved.remove(file));
            repairAt.remove(file);
        }

        private List<java.nio.file.Path> files() {
            List<java.nio.file.Path> files = new java.util.ArrayList<>();
            for (String area : List.of("Calendar", "Tasks")) {
                try (var list = java.nio.file.Files.list(java.nio.file.Path.of(flow.where, area))) {
                    list.filter(f -> f.getFileName().toString().endsWith(".ics")).sorted().forEach(files::add);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return files;
        }

        private static byte[] read(java.nio.file.Path file) {
            try {
                return java.nio.file.Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void write(java.nio.file.Path file, byte[] content) {
            try {
                java.nio.file.Files.write(file, content);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static <T> java.util.Optional<T> pick(Random random, List<T> items) {
        return items.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(items.get(random.nextInt(items.size())));
    }

    @SuppressWarnings("unused")
    private static String subject(Activity a) {
        return a.data().subject();
    }
}

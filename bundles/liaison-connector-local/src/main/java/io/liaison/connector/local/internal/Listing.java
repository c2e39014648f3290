package io.liaison.connector.local.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.SyncToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One listing of a folder or store, compared with the snapshot behind a token. A file that cannot be read
 * now (broken, or changing while it was read) is reported as a problem and keeps its previous state: it
 * counts neither as changed nor as removed, so a half-saved edit never makes the sync delete anything. Its item
 * stays in the next snapshot too when the token's snapshot is gone (a complete listing), and is listed as
 * changed once its file reads again, even with the content it had before.
 *
 * @param <T> what the change set lists
 */
final class Listing<T> {

    private static final String PROBLEM_KEY = "!problem!";

    private final Map<String, Snapshots.Entry> entries = new LinkedHashMap<>();
    private final Map<String, T> items = new LinkedHashMap<>();
    private final Map<String, ItemProblem> problems = new LinkedHashMap<>();
    private final Map<String, String> problemVersions = new LinkedHashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private final Map<String, Snapshots.Entry> held = new LinkedHashMap<>();

    /** Whether an id is listed already (a second file with the same UID). */
    boolean contains(String id) {
        return entries.containsKey(id);
    }

    /** The file an id was listed from. */
    String fileNameOf(String id) {
        return entries.get(id).fileName();
    }

    /** The version an item was listed with, for reporting its file as a problem instead. */
    String versionOfProblemFile(java.nio.file.Path file) {
        return entries.values().stream().filter(e -> e.fileName().equals(file.getFileName().toString()))
                .map(Snapshots.Entry::version).findFirst().orElse("");
    }

    void item(String id, String version, String fileName, T value) {
        entries.put(id, new Snapshots.Entry(version, fileName));
        items.put(id, value);
    }

    /** A file that could not be read; {@code version} tells whether it changed since it was last reported. */
    void problem(String fileName, String version, ItemProblem problem) {
        problems.put(fileName, problem);
        problemVersions.put(fileName, version);
        unreadable.add(fileName);
    }

    /**
     * An item whose file exists but cannot be read now; {@code entry} is what Liaison last knew of it. It is
     * neither changed nor removed, and stays in the snapshot.
     */
    void held(String id, Snapshots.Entry entry) {
        held.put(id, entry);
    }

    /** Whether a snapshot key is a problem file's, not an item's. */
    static boolean isProblemKey(String key) {
        return key.startsWith(PROBLEM_KEY);
    }

    /** A file that changed while it was being read: it is read again at the next listing. */
    void unsettled(String fileName) {
        unreadable.add(fileName);
    }

    /** The items listed, by id. */
    Map<String, T> items() {
        return items;
    }

    /**
     * The change set since a previous snapshot (empty: a complete listing); {@code save} stores the new
     * snapshot and returns its token.
     */
    ChangeSet<T> since(Optional<Map<String, Snapshots.Entry>> previous, SnapshotSaver save) throws IOException {
        Map<String, Snapshots.Entry> next = new LinkedHashMap<>(entries);
        Map<String, Snapshots.Entry> before = previous.orElse(Map.of());
        before.forEach((id, entry) -> {
            if (!id.startsWith(PROBLEM_KEY) && !next.containsKey(id) && unreadable.contains(entry.fileName())) {
                next.put(id, entry);
            }
        });
        held.forEach((id, entry) -> {
            if (!next.containsKey(id)) {
                Snapshots.Entry old = before.get(id);
                next.put(id, old != null ? old : entry);
            }
        });
        List<ItemProblem> reported = new ArrayList<>();
        problems.forEach((fileName, problem) -> {
            String key = PROBLEM_KEY + fileName;
            Snapshots.Entry entry = new Snapshots.Entry(problemVersions.get(fileName), fileName);
            if (previous.isEmpty() || !entry.equals(before.get(key))) {
                reported.add(problem);
            }
            next.put(key, entry);
        });
        List<T> changed = new ArrayList<>();
        items.forEach((id, item) -> {
            Snapshots.Entry old = before.get(id);
            Snapshots.Entry now = entries.get(id);
            if (previous.isEmpty() || old == null || !old.version().equals(now.version())
                    || before.containsKey(PROBLEM_KEY + now.fileName())) {
                changed.add(item);
            }
        });
        List<String> removed = before.keySet().stream()
                .filter(id -> !id.startsWith(PROBLEM_KEY) && !next.containsKey(id)).toList();
        SyncToken token = save.save(next);
        return new ChangeSet<>(changed, removed, reported, token, previous.isEmpty());
    }

    /** Stores a snapshot and returns its token. */
    @FunctionalInterface
    interface SnapshotSaver {
        SyncToken save(Map<String, Snapshots.Entry> snapshot) throws IOException;
    }
}

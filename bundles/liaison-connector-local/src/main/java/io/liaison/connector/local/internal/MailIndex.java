package io.liaison.connector.local.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The stable ids of message files, kept in {@code .liaison/mail-index.tsv}. An id is derived once from the
 * file's content hash and the path it was first seen at, and stays with the content: a file moved to another
 * folder (by Liaison or by hand) keeps its id; a file dropped in anew, even a copy, gets a new one. Size and
 * modification time tell whether a file must be hashed again. Entries of files that are gone are kept for
 * {@link #FORGET_AFTER} so that a message moved by hand is recognised in its new folder, then forgotten.
 *
 * <p>This JVM keeps one index per tree in memory ({@link #of}), used under the tree's lock, so that a run does
 * not read and parse the file for every message it opens or moves. A listing writes the index at its end; a move
 * only changes it in memory and the session writes it when it closes. If the process dies before that, nothing
 * is lost: the moved file is at a path the index does not know, and the next look-up that misses finds it by its
 * content hash ({@link #vanishedWithHash}) and gives it its old id again.
 */
final class MailIndex {

    /** How long the entry of a vanished file is kept for recognising it elsewhere. */
    static final Duration FORGET_AFTER = Duration.ofDays(30);

    private final Path file;
    private final Path mailRoot;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, Entry> byPath = new HashMap<>();
    private boolean dirty;
    /** The file's size, time and key when this index was read or written; a different one means someone else wrote it. */
    private String stamp;

    private static final ConcurrentMap<Path, MailIndex> SHARED = new ConcurrentHashMap<>();

    /**
     * One message file.
     *
     * @param id           the stable id
     * @param path         where it is now, relative to {@code Mail}, with {@code /}
     * @param size         its size when last hashed
     * @param modified     its modification time (microseconds) when last hashed
     * @param hash         the SHA-256 of its content: the message's version
     * @param missingSince when a listing found it gone (epoch milliseconds), or 0
     */
    record Entry(String id, String path, long size, long modified, String hash, long missingSince) {
        Entry at(String newPath, long newSize, long newModified) {
            return new Entry(id, newPath, newSize, newModified, hash, 0);
        }
    }

    private MailIndex(Path file, Path mailRoot) {
        this.file = file;
        this.mailRoot = mailRoot;
    }

    /**
     * The tree's index as this JVM holds it; read from the file the first time, and again when the file changed
     * behind this JVM's back (restored from a backup) while nothing here is unsaved. Callers hold the tree's lock.
     */
    static MailIndex of(LocalTree tree) throws IOException {
        Path key = tree.root().toAbsolutePath().normalize();
        MailIndex cached = SHARED.get(key);
        if (cached != null && (cached.dirty || Objects.equals(cached.stamp, stampOf(cached.file)))) {
            return cached;
        }
        MailIndex fresh = load(tree);
        SHARED.put(key, fresh);
        return fresh;
    }

    /** Forgets every index held in memory, as a restarted process would; for tests of a crash. */
    static void forgetAllInMemory() {
        SHARED.clear();
    }

    private static String stampOf(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
        } catch (NoSuchFileException e) {
            return "none";
        }
    }

    static MailIndex load(LocalTree tree) throws IOException {
        MailIndex index = new MailIndex(tree.state().resolve("mail-index.tsv"), tree.mail());
        try (BufferedReader in = Files.newBufferedReader(index.file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] p = line.split("\t", -1);
                if (p.length == 6) {
                    index.add(new Entry(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8), Long.parseLong(p[2]),
                            Long.parseLong(p[3]), p[4], Long.parseLong(p[5])));
                }
            }
        } catch (NoSuchFileException e) {
            // a new tree
        }
        index.stamp = stampOf(index.file);
        return index;
    }

    void save(AtomicFiles files) throws IOException {
        if (!dirty) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (Entry e : byId.values()) {
            out.append(e.id()).append('\t').append(URLEncoder.encode(e.path(), StandardCharsets.UTF_8)).append('\t')
                    .append(e.size()).append('\t').append(e.modified()).append('\t').append(e.hash()).append('\t')
                    .append(e.missingSince()).append('\n');
        }
        files.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        dirty = false;
        stamp = stampOf(file);
    }

    Optional<Entry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Entry> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** An entry with this content whose file is gone from its path: a message moved by hand. */
    Optional<Entry> vanishedWithHash(String hash) {
        return byId.values().stream()
                .filter(e -> e.hash().equals(hash) && !Files.exists(mailRoot.resolve(e.path())))
                .findFirst();
    }

    /** The entries whose path is directly in a folder. */
    List<Entry> inFolder(String folderPath) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : byId.values()) {
            int slash = e.path().lastIndexOf('/');
            if (slash > 0 && e.path().substring(0, slash).equals(folderPath)) {
                result.add(e);
            }
        }
        return result;
    }

    void put(Entry entry) {
        remove(entry.id());
        add(entry);
        dirty = true;
    }

    void remove(String id) {
        Entry old = byId.remove(id);
        if (old != null) {
            byPath.remove(old.path(), old);
            dirty = true;
        }
    }

    /** Marks an entry's file as gone, and forgets entries gone for longer than {@link #FORGET_AFTER}. */
    void vanished(Entry entry, Instant now) {
        if (entry.missingSince() == 0) {
            put(new Entry(entry.id(), entry.path(), entry.size(), entry.modified(), entry.hash(), now.toEpochMilli()));
        } else if (Instant.ofEpochMilli(entry.missingSince()).plus(FORGET_AFTER).isBefore(now)) {
            remove(entry.id());
        }
    }

    /** A new message's id: derived from its content and the path it was first seen at. */
    static String newId(String hash, String path) {
        return "m-" + ContentHash.of(hash + "\n" + path).substring(0, 32);
    }

    private void add(Entry entry) {
        byId.put(entry.id(), entry);
        Entry shadowed = byPath.put(entry.path(), entry);
        if (shadowed != null && !shadowed.id().equals(entry.id())) {
            // two entries claim one path: the file there is the newer one
            byId.remove(shadowed.id());
        }
    }
}

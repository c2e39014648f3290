package io.liaison.connector.local.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.ItemUnreadableException;
import io.liaison.api.connector.Lookup;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.VersionConflictException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Items as one file each in a directory, the vdir layout that vdirsyncer and khal use. An item's id is its
 * UID (or {@code file:<name>} for a file a person wrote without one: a file is never changed just by being
 * read); its version is the SHA-256 of the file. Files Liaison creates are named after the idempotency key,
 * so a repeated create finds the first one. Files that cannot be read are reported with their path and left
 * alone.
 *
 * @param <T> the item type
 */
final class VdirStore<T> implements ItemStore<T> {

    /** Larger files are not read: a vCard with a 4 MB photo is about 5.5 MB. */
    static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    private static final String FILE_ID_PREFIX = "file:";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,200}");
    private static final int READ_ATTEMPTS = 3;

    private final LocalTree tree;
    private final Path directory;
    private final String scope;
    private final ItemCodec<T> codec;
    private final Snapshots snapshots;
    private final AtomicFiles files;
    private final ListingObserver observer;
    private final ReentrantLock lock;
    /**
     * Items parsed before, by content hash: iCalendar files with time zone definitions take milliseconds each
     * to read, and between two runs most files are unchanged. Bounded; shared by every session of this JVM.
     */
    private static final Map<String, ItemCodec.Parsed<?>> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ItemCodec.Parsed<?>> eldest) {
                    return size() > 4096;
                }
            });

    /**
     * Where each id lives as far as Liaison knows: from the last scan or write of this store, at first from the
     * newest snapshot. It decides which of two files with one UID is the item, and tells which item a file is
     * when the file cannot be read (and so cannot say its UID).
     */
    private Map<String, Snapshots.Entry> recorded;

    VdirStore(LocalTree tree, Path directory, String scope, ItemCodec<T> codec, Snapshots snapshots, AtomicFiles files,
              ListingObserver observer) {
        this.tree = tree;
        this.directory = directory;
        this.scope = scope;
        this.codec = codec;
        this.snapshots = snapshots;
        this.files = files;
        this.observer = observer;
        this.lock = TreeLock.of(tree.root());
    }

    /** An item file as read or written: its path, version, content and parsed item. */
    private record Found<T>(Path file, String version, byte[] content, GroupwareItem<T> item) implements FileState<T> {
    }

    /**
     * An item file that exists but cannot be read now: broken, or changing while it was read ({@code settled}
     * false). What its text names as UID and CRM id, if anything, tells which item it is.
     */
    private record Broken<T>(Path file, String version, String reason, boolean settled, Optional<String> rawUid,
                             Optional<String> rawCrmId) implements FileState<T> {
    }

    /** A file of the directory, as read. */
    private sealed interface FileState<T> permits Found, Broken {
        Path file();

        default String name() {
            return file().getFileName().toString();
        }
    }

    /**
     * One reading of the directory: the listing, the file that is each readable item, why each unreadable item
     * cannot be read, and the CRM ids such items carry.
     */
    private record Scan<T>(Listing<GroupwareItem<T>> listing, Map<String, Found<T>> items, Map<String, String> unreadable,
                           Map<String, String> unreadableCrmIds) {
    }

    @Override
    public ChangeSet<GroupwareItem<T>> changes(Optional<SyncToken> since) {
        lock.lock();
        try {
            Listing<GroupwareItem<T>> listing = scan().listing();
            return listing.since(snapshots.load(scope, since), s -> snapshots.save(scope, s));
        } catch (IOException e) {
            throw new ConnectorException("cannot list the " + codec.kind() + "s in " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean aheadOfState(SyncToken token) {
        try {
            return snapshots.ahead(scope, token);
        } catch (IOException e) {
            throw new ConnectorException("cannot read the sync state of " + directory + ": " + e, e);
        }
    }

    private Map<String, Snapshots.Entry> recorded() throws IOException {
        if (recorded == null) {
            Map<String, Snapshots.Entry> known = new HashMap<>();
            snapshots.newest(scope).ifPresent(entries -> entries.forEach((id, entry) -> {
                if (!Listing.isProblemKey(id)) {
                    known.put(id, entry);
                }
            }));
            recorded = known;
        }
        return recorded;
    }

    /**
     * Reads every item file of the directory, in name order. Each id is the item of one file: the file it was
     * recorded in if that file still holds it (Liaison's own writes keep their file chosen), else the first by
     * name; other readable files with that UID are reported as problems and never read as the item. An id whose
     * file cannot be read is unreadable, even when a copy elsewhere reads.
     */
    private Scan<T> scan() throws IOException {
        Map<String, Snapshots.Entry> known = recorded();
        List<FileState<T>> states = new ArrayList<>();
        for (Path file : itemFiles()) {
            try {
                states.add(read(file));
            } catch (NoSuchFileException e) {
                continue;
            }
            observer.afterRead(file);
        }
        Map<String, java.util.TreeMap<String, FileState<T>>> candidates = new LinkedHashMap<>();
        Map<String, List<String>> recordedByFile = new HashMap<>();
        known.forEach((id, entry) -> recordedByFile.computeIfAbsent(entry.fileName(), f -> new ArrayList<>()).add(id));
        for (FileState<T> state : states) {
            if (state instanceof Found<T> found) {
                candidates.computeIfAbsent(found.item().id(), id -> new java.util.TreeMap<>()).put(state.name(), state);
            } else if (state instanceof Broken<T> broken) {
                // a partial UID line names no item; an id recorded for the file is the one Liaison knows
                Set<String> ids = new LinkedHashSet<>();
                broken.rawUid().ifPresent(ids::add);
                ids.add(FILE_ID_PREFIX + broken.name());
                ids.addAll(recordedByFile.getOrDefault(broken.name(), List.of()));
                for (String id : ids) {
                    candidates.computeIfAbsent(id, i -> new java.util.TreeMap<>()).put(state.name(), state);
                }
            }
        }
        Map<String, Found<T>> items = new HashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, String> unreadableCrmIds = new HashMap<>();
        Map<String, ItemProblem> copies = new HashMap<>();
        Map<String, Snapshots.Entry> now = new HashMap<>();
        Listing<GroupwareItem<T>> listing = new Listing<>();
        candidates.forEach((id, files) -> {
            Snapshots.Entry before = known.get(id);
            String chosen = before != null && files.containsKey(before.fileName()) ? before.fileName() : files.firstKey();
            FileState<T> item = files.get(chosen);
            if (item instanceof Found<T> found) {
                items.put(id, found);
                now.put(id, new Snapshots.Entry(found.version(), chosen));
            } else if (item instanceof Broken<T> broken) {
                unreadable.put(id, broken.file() + " " + broken.reason());
                broken.rawCrmId().ifPresent(crmId -> unreadableCrmIds.put(crmId, id));
                if (before != null) { // ids never listed (a raw UID, a file: id) stay out of snapshots
                    now.put(id, before);
                    listing.held(id, before);
                }
            }
            files.forEach((name, state) -> {
                if (!name.equals(chosen) && state instanceof Found<T> copy) {
                    copies.put(name, duplicate(copy.file(), id, chosen, item instanceof Found));
                    if (item instanceof Broken) {
                        copy.item().crmId().ifPresent(crmId -> unreadableCrmIds.put(crmId, id));
                    }
                }
            });
        });
        for (FileState<T> state : states) {
            String name = state.name();
            if (state instanceof Found<T> found) {
                if (copies.containsKey(name)) {
                    listing.problem(name, found.version(), copies.get(name));
                } else {
                    listing.item(found.item().id(), found.version(), name, found.item());
                }
            } else if (state instanceof Broken<T> broken) {
                if (broken.settled()) {
                    listing.problem(name, broken.version(), new ItemProblem(broken.file().toString(), broken.reason()));
                } else {
                    listing.unsettled(name);
                }
            }
        }
        recorded = now;
        return new Scan<>(listing, items, unreadable, unreadableCrmIds);
    }

    private static ItemProblem duplicate(Path file, String id, String item, boolean itemReadable) {
        return new ItemProblem(file.toString(), "has the same UID " + id + " as " + item + ", the file Liaison reads"
                + " for it" + (itemReadable ? "" : " (which cannot be read now)") + "; this copy is left alone and"
                + " never read as the item");
    }

    /**
     * Reads one item file.
     *
     * @throws NoSuchFileException when it is not there (any more)
     */
    private FileState<T> read(Path file) throws NoSuchFileException {
        Optional<Path> outside = tree.linkOutside(file);
        if (outside.isPresent()) {
            return new Broken<>(file, "link:" + outside.get(), LocalTree.outsideReason(outside.get(), tree.root()), true,
                    Optional.empty(), Optional.empty());
        }
        try {
            Optional<byte[]> content = readSettled(file);
            if (content.isEmpty()) {
                return new Broken<>(file, "unsettled", "is being written: it changed while it was read", false,
                        Optional.empty(), Optional.empty());
            }
            String version = ContentHash.of(content.get());
            try {
                return new Found<>(file, version, content.get(), item(file, version, parse(content.get(), version)));
            } catch (BrokenItemException e) {
                return new Broken<>(file, version, e.getMessage(), true, RawLines.value(content.get(), "UID"),
                        RawLines.value(content.get(), IcalFields.CRM_ID));
            }
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            return new Broken<>(file, "unreadable", "cannot be read: " + e, true, Optional.empty(), Optional.empty());
        }
    }

    private List<Path> itemFiles() throws IOException {
        List<Path> result = new ArrayList<>();
        String suffix = "." + codec.extension();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory, p ->
                !LocalTree.hidden(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(suffix)
                        && Files.isRegularFile(p))) {
            children.forEach(result::add);
        }
        result.sort(null);
        return result;
    }

    /** A file's bytes, read again while its size or time changes during the read; empty if it never settles. */
    private static Optional<byte[]> readSettled(Path file) throws IOException {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            if (before.size() > MAX_FILE_SIZE) {
                throw new IOException("it has " + before.size() + " bytes, more than the " + MAX_FILE_SIZE
                        + " an item file may have");
            }
            byte[] content = Files.readAllBytes(file);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            if (after.size() == content.length && after.lastModifiedTime().equals(before.lastModifiedTime())) {
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private ItemCodec.Parsed<T> parse(byte[] content, String version) throws BrokenItemException {
        String key = codec.kind() + "|" + codec.readingContext() + "|" + version;
        ItemCodec.Parsed<T> cached = (ItemCodec.Parsed<T>) PARSED.get(key);
        if (cached != null) {
            return cached;
        }
        requireComplete(content);
        ItemCodec.Parsed<T> parsed = codec.parse(content);
        PARSED.put(key, parsed);
        return parsed;
    }

    /** A file that does not end with its closing line was saved half-way (or cut), whatever a parser makes of it. */
    private void requireComplete(byte[] content) throws BrokenItemException {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
        int lineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
        if (!text.substring(lineStart).strip().equalsIgnoreCase(codec.lastLine())) {
            throw new BrokenItemException("does not end with " + codec.lastLine() + ": it was saved half-way or cut off");
        }
    }

    private GroupwareItem<T> item(Path file, String version, ItemCodec.Parsed<T> parsed) {
        String id = parsed.uid().orElse(FILE_ID_PREFIX + file.getFileName());
        return new GroupwareItem<>(id, version, parsed.crmId(), parsed.data(), modifiedAt(file));
    }

    /**
     * When the item was last changed: its file's time, which every editor (a person, a calendar app, Liaison) moves on
     * when it saves. Not the iCalendar LAST-MODIFIED or the vCard REV inside: hand edits leave those as they were.
     */
    private static Optional<Instant> modifiedAt(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty(); // not written yet (a create checked before it is written) or gone meanwhile
        }
    }

    @Override
    public Optional<GroupwareItem<T>> get(String id) {
        lock.lock();
        try {
            Lookup<T> found = lookUp(id, new Scan<?>[1]);
            if (found instanceof Lookup.Unreadable<T> u) {
                throw new ItemUnreadableException(codec.kind() + " " + id + " exists but cannot be read now: " + u.reason());
            }
            return found instanceof Lookup.Found<T> f ? Optional.of(f.item()) : Optional.empty();
        } catch (IOException e) {
            throw new ConnectorException("cannot look for " + codec.kind() + " " + id + " in " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** Looks the ids up with one scan of the directory at most (none when each is in the file it was seen in). */
    @Override
    public Map<String, Lookup<T>> lookUp(Collection<String> ids) {
        lock.lock();
        try {
            Scan<?>[] scan = new Scan<?>[1];
            Map<String, Lookup<T>> result = new LinkedHashMap<>();
            for (String id : ids) {
                result.put(id, lookUp(id, scan));
            }
            return result;
        } catch (IOException e) {
            throw new ConnectorException("cannot look for " + codec.kind() + "s in " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private Lookup<T> lookUp(String id, Scan<?>[] scan) throws IOException {
        Located<T> located = locate(id, scan);
        if (located.found() != null) {
            return new Lookup.Found<>(located.found().item());
        }
        return located.unreadable() != null ? new Lookup.Unreadable<>(located.unreadable()) : new Lookup.Gone<>();
    }

    /** Where an item is: its file as read, or why its file cannot be read, or neither (gone). */
    private record Located<T>(Found<T> found, String unreadable) {
    }

    /**
     * Finds an item's file: the file it was recorded in when that still holds it or cannot be read now, else by
     * a scan of the directory (at most one per {@code scan} holder, which keeps it for the next id).
     */
    @SuppressWarnings("unchecked")
    private Located<T> locate(String id, Scan<?>[] scan) throws IOException {
        Snapshots.Entry entry = recorded().get(id);
        if (entry != null && isPlainName(entry.fileName())) {
            try {
                FileState<T> state = read(directory.resolve(entry.fileName()));
                if (state instanceof Found<T> found && found.item().id().equals(id)) {
                    return new Located<>(found, null);
                }
                if (state instanceof Broken<T> broken) {
                    return new Located<>(null, broken.file() + " " + broken.reason());
                }
            } catch (NoSuchFileException e) {
                // moved or removed: the scan tells
            }
        }
        if (scan[0] == null) {
            scan[0] = scan();
        }
        Scan<T> s = (Scan<T>) scan[0];
        Found<T> found = s.items().get(id);
        if (found != null) {
            return new Located<>(found, null);
        }
        return new Located<>(null, s.unreadable().get(id));
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
    }

    @Override
    public GroupwareItem<T> create(T data, Optional<String> crmId, IdempotencyKey key) {
        lock.lock();
        Path file = directory.resolve(key.value() + "." + codec.extension());
        try {
            if (Files.exists(file)) {
                return existing(file, key);
            }
            byte[] content = codec.render(Optional.empty(), UUID.randomUUID().toString(), data, crmId);
            GroupwareItem<T> item = readBack(file, content);
            files.create(file, content);
            return written(file, content, item);
        } catch (FileAlreadyExistsException e) {
            return existing(file, key);
        } catch (BrokenItemException e) {
            throw new ConnectorException("cannot write " + codec.kind() + " " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectorException("cannot create " + codec.kind() + " " + file + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The item as a reader of the file will see it, before the file is written: content that would not read
     * back (a bug, or text the writer could not put right) is never left behind as an unreadable file.
     */
    private GroupwareItem<T> readBack(Path file, byte[] content) throws BrokenItemException {
        String version = ContentHash.of(content);
        requireComplete(content);
        return item(file, version, parse(content, version));
    }

    /** Records the item Liaison has just written to a file, which stays the file of its id. */
    private GroupwareItem<T> written(Path file, byte[] content, GroupwareItem<T> item) throws IOException {
        recorded().put(item.id(), new Snapshots.Entry(ContentHash.of(content), file.getFileName().toString()));
        return new GroupwareItem<>(item.id(), item.version(), item.crmId(), item.data(), modifiedAt(file));
    }

    private GroupwareItem<T> existing(Path file, IdempotencyKey key) {
        try {
            FileState<T> state = read(file);
            if (state instanceof Broken<T> broken) {
                throw new ItemUnreadableException("the " + codec.kind() + " created before with key " + key.value()
                        + " (" + file + ") exists but cannot be read now: " + broken.reason());
            }
            Found<T> found = (Found<T>) state;
            return found.item();
        } catch (IOException e) {
            throw new ConnectorException("cannot read " + file + ": " + e, e);
        }
    }

    @Override
    public GroupwareItem<T> update(String id, String expectedVersion, T data, Optional<String> crmId) {
        lock.lock();
        try {
            Found<T> found = current(id, expectedVersion, "update");
            byte[] content = codec.render(Optional.of(found.content()), id, data, crmId);
            GroupwareItem<T> item = readBack(found.file(), content);
            if (!files.replace(found.file(), content, expectedVersion)) {
                throw new VersionConflictException("cannot update " + codec.kind() + " " + id + " (" + found.file()
                        + "): it was saved by someone else while Liaison wrote it; left as they saved it");
            }
            return written(found.file(), content, item);
        } catch (BrokenItemException e) {
            throw new ConnectorException("cannot update " + codec.kind() + " " + id + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectorException("cannot update " + codec.kind() + " " + id + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void delete(String id, String expectedVersion) {
        lock.lock();
        try {
            Found<T> found = current(id, expectedVersion, "delete");
            Files.delete(found.file());
            recorded().remove(id);
        } catch (NoSuchFileException e) {
            throw new ItemNotFoundException(codec.kind() + " " + id + " is gone already", e);
        } catch (IOException e) {
            throw new ConnectorException("cannot delete " + codec.kind() + " " + id + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private Found<T> current(String id, String expectedVersion, String action) throws IOException {
        Located<T> located = locate(id, new Scan<?>[1]);
        if (located.unreadable() != null) {
            throw new ItemUnreadableException("cannot " + action + " " + codec.kind() + " " + id + ": it exists but"
                    + " cannot be read now (" + located.unreadable() + "); left as it is, to be tried again");
        }
        Found<T> found = located.found();
        if (found == null) {
            throw new ItemNotFoundException("cannot " + action + " " + codec.kind() + " " + id + ": it is not in " + directory);
        }
        if (!found.version().equals(expectedVersion)) {
            throw new VersionConflictException("cannot " + action + " " + codec.kind() + " " + id + " (" + found.file()
                    + "): it was changed since version " + expectedVersion + ", probably by hand; left as it is");
        }
        return found;
    }

    @Override
    public Optional<GroupwareItem<T>> findByCrmId(String crmId) {
        return findAllByCrmId(crmId).stream().findFirst();
    }

    /** Every file carrying the CRM id: a file copied by hand carries the original's. */
    @Override
    public List<GroupwareItem<T>> findAllByCrmId(String crmId) {
        lock.lock();
        try {
            Scan<T> scan = scan();
            List<GroupwareItem<T>> found = scan.items().values().stream().map(Found::item)
                    .filter(i -> i.crmId().equals(Optional.of(crmId))).toList();
            if (found.isEmpty() && scan.unreadableCrmIds().containsKey(crmId)) {
                String id = scan.unreadableCrmIds().get(crmId);
                throw new ItemUnreadableException("the " + codec.kind() + " with CRM id " + crmId + " exists but cannot"
                        + " be read now: " + scan.unreadable().get(id));
            }
            return found;
        } catch (IOException e) {
            throw new ConnectorException("cannot search the " + codec.kind() + "s in " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }
}

package io.liaison.connector.local.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.ItemStore;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.connector.VersionConflictException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Where each id was found by the last scan; checked before use, since people move files. */
    private final Map<String, Path> lastSeen = new HashMap<>();

    VdirStore(LocalTree tree, Path directory, String scope, ItemCodec<T> codec, Snapshots snapshots, AtomicFiles files,
              ListingObserver observer) {
        this.directory = directory;
        this.scope = scope;
        this.codec = codec;
        this.snapshots = snapshots;
        this.files = files;
        this.observer = observer;
        this.lock = TreeLock.of(tree.root());
    }

    /** An item file as read: its path, version, content and parsed item. */
    private record Found<T>(Path file, String version, byte[] content, GroupwareItem<T> item) {
    }

    @Override
    public ChangeSet<GroupwareItem<T>> changes(Optional<SyncToken> since) {
        lock.lock();
        try {
            Listing<GroupwareItem<T>> listing = scan();
            return listing.since(snapshots.load(scope, since), s -> snapshots.save(scope, s));
        } catch (IOException e) {
            throw new ConnectorException("cannot list the " + codec.kind() + "s in " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** Reads every item file of the directory, in name order. */
    private Listing<GroupwareItem<T>> scan() throws IOException {
        Listing<GroupwareItem<T>> listing = new Listing<>();
        lastSeen.clear();
        for (Path file : itemFiles()) {
            String name = file.getFileName().toString();
            try {
                Optional<byte[]> content = readSettled(file);
                if (content.isEmpty()) {
                    listing.unsettled(name);
                    continue;
                }
                String version = ContentHash.of(content.get());
                try {
                    GroupwareItem<T> item = item(file, version, parse(content.get(), version));
                    if (listing.contains(item.id())) {
                        // a copy of a file: the older one is the item, the newer one a problem
                        Path first = directory.resolve(listing.fileNameOf(item.id()));
                        if (modified(file) < modified(first)) {
                            String firstVersion = listing.versionOfProblemFile(first);
                            listing.item(item.id(), version, name, item);
                            lastSeen.put(item.id(), file);
                            listing.problem(first.getFileName().toString(), firstVersion,
                                    duplicate(first, item.id(), name));
                        } else {
                            listing.problem(name, version, duplicate(file, item.id(), first.getFileName().toString()));
                        }
                    } else {
                        listing.item(item.id(), version, name, item);
                        lastSeen.put(item.id(), file);
                    }
                } catch (BrokenItemException e) {
                    listing.problem(name, version, new ItemProblem(file.toString(), e.getMessage()));
                }
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                listing.problem(name, "unreadable", new ItemProblem(file.toString(), "cannot be read: " + e));
            }
            observer.afterRead(file);
        }
        return listing;
    }

    private static ItemProblem duplicate(Path file, String id, String original) {
        return new ItemProblem(file.toString(), "has the same UID " + id + " as the older " + original
                + "; only that file is read");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
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
        ItemCodec.Parsed<T> parsed = codec.parse(content);
        PARSED.put(key, parsed);
        return parsed;
    }

    private GroupwareItem<T> item(Path file, String version, ItemCodec.Parsed<T> parsed) {
        String id = parsed.uid().orElse(FILE_ID_PREFIX + file.getFileName());
        return new GroupwareItem<>(id, version, parsed.crmId(), parsed.data());
    }

    @Override
    public Optional<GroupwareItem<T>> get(String id) {
        lock.lock();
        try {
            return locate(id).map(Found::item);
        } finally {
            lock.unlock();
        }
    }

    /** Finds an item's file: by the vdir naming convention, where it was last seen, else by a full scan. */
    private Optional<Found<T>> locate(String id) {
        try {
            List<Path> candidates = new ArrayList<>();
            if (id.startsWith(FILE_ID_PREFIX)) {
                String name = id.substring(FILE_ID_PREFIX.length());
                if (!name.contains("/") && !name.contains("\\") && !name.startsWith(".")) {
                    candidates.add(directory.resolve(name));
                }
            } else if (SAFE_NAME.matcher(id).matches()) {
                candidates.add(directory.resolve(id + "." + codec.extension()));
            }
            Optional.ofNullable(lastSeen.get(id)).ifPresent(candidates::add);
            for (Path candidate : candidates) {
                Optional<Found<T>> found = readIfId(candidate, id);
                if (found.isPresent()) {
                    return found;
                }
            }
            scan();
            Path seen = lastSeen.get(id);
            return seen == null ? Optional.empty() : readIfId(seen, id);
        } catch (IOException e) {
            throw new ConnectorException("cannot look for " + codec.kind() + " " + id + " in " + directory + ": " + e, e);
        }
    }

    private Optional<Found<T>> readIfId(Path file, String id) throws IOException {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Optional<byte[]> content = readSettled(file);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            String version = ContentHash.of(content.get());
            GroupwareItem<T> item = item(file, version, parse(content.get(), version));
            return item.id().equals(id) ? Optional.of(new Found<>(file, version, content.get(), item)) : Optional.empty();
        } catch (NoSuchFileException | BrokenItemException e) {
            return Optional.empty();
        }
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
            files.create(file, content);
            String version = ContentHash.of(content);
            return item(file, version, parse(content, version));
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

    private GroupwareItem<T> existing(Path file, IdempotencyKey key) {
        try {
            byte[] content = Files.readAllBytes(file);
            String version = ContentHash.of(content);
            return item(file, version, parse(content, version));
        } catch (BrokenItemException e) {
            throw new ConnectorException("the " + codec.kind() + " created before with key " + key.value() + " ("
                    + file + ") cannot be read: " + e.getMessage(), e);
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
            files.write(found.file(), content);
            String version = ContentHash.of(content);
            GroupwareItem<T> updated = item(found.file(), version, parse(content, version));
            lastSeen.put(updated.id(), found.file());
            return updated;
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
            lastSeen.remove(id);
        } catch (NoSuchFileException e) {
            throw new ItemNotFoundException(codec.kind() + " " + id + " is gone already", e);
        } catch (IOException e) {
            throw new ConnectorException("cannot delete " + codec.kind() + " " + id + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private Found<T> current(String id, String expectedVersion, String action) {
        Found<T> found = locate(id).orElseThrow(() ->
                new ItemNotFoundException("cannot " + action + " " + codec.kind() + " " + id + ": it is not in " + directory));
        if (!found.version().equals(expectedVersion)) {
            throw new VersionConflictException("cannot " + action + " " + codec.kind() + " " + id + " (" + found.file()
                    + "): it was changed since version " + expectedVersion + ", probably by hand; left as it is");
        }
        return found;
    }

    @Override
    public Optional<GroupwareItem<T>> findByCrmId(String crmId) {
        lock.lock();
        try {
            return scan().items().values().stream().filter(i -> i.crmId().equals(Optional.of(crmId))).findFirst();
        } catch (IOException e) {
            throw new ConnectorException("cannot search the " + codec.kind() + "s in " + directory + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }
}

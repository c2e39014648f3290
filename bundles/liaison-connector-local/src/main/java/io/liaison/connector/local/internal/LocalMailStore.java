package io.liaison.connector.local.internal;

import io.liaison.api.connector.ChangeSet;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ItemNotFoundException;
import io.liaison.api.connector.ItemProblem;
import io.liaison.api.connector.MailFolder;
import io.liaison.api.connector.MailStore;
import io.liaison.api.connector.MessageRef;
import io.liaison.api.connector.RawMessage;
import io.liaison.api.connector.SyncToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.liaison.api.connector.ItemUnreadableException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail as a folder tree: every directory under {@code Mail} is a folder (its id is its path, e.g.
 * {@code Inbox/Import folder/CRM Erledigt [E]}), every {@code .eml} (MIME) or {@code .msg} (Outlook) file in
 * it is a message. Messages are served raw and never parsed here. Other files in a mail folder are reported
 * as problems (someone expected them to be imported), except hidden files and the usual desktop litter.
 */
final class LocalMailStore implements MailStore {

    private static final Set<String> LITTER = Set.of("thumbs.db", "desktop.ini");
    private static final int HASH_ATTEMPTS = 3;

    private final LocalTree tree;
    private final Snapshots snapshots;
    private final AtomicFiles files;
    private final ListingObserver observer;
    private static final Logger LOG = LoggerFactory.getLogger(LocalMailStore.class);

    private final Clock clock;
    private final ReentrantLock lock;

    LocalMailStore(LocalTree tree, Snapshots snapshots, AtomicFiles files, ListingObserver observer, Clock clock) {
        this.tree = tree;
        this.snapshots = snapshots;
        this.files = files;
        this.observer = observer;
        this.clock = clock;
        this.lock = TreeLock.of(tree.root());
    }

    // ---- folders ----

    @Override
    public MailFolder inbox() {
        return folder(LocalTree.INBOX);
    }

    @Override
    public List<MailFolder> folders() {
        List<MailFolder> result = new ArrayList<>();
        try {
            List<Path> top = subfolders(tree.mail());
            top.sort((a, b) -> Boolean.compare(!isInbox(a), !isInbox(b)));
            for (Path dir : top) {
                collect(dir, result);
            }
        } catch (IOException e) {
            throw new ConnectorException("cannot list the mail folders under " + tree.mail() + ": " + e, e);
        }
        return result;
    }

    private boolean isInbox(Path dir) {
        return dir.getFileName().toString().equals(LocalTree.INBOX);
    }

    private void collect(Path dir, List<MailFolder> result) throws IOException {
        result.add(folder(folderId(dir)));
        for (Path child : subfolders(dir)) {
            collect(child, result);
        }
    }

    private List<Path> subfolders(Path dir) throws IOException {
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir,
                p -> Files.isDirectory(p) && !LocalTree.hidden(p) && tree.linkOutside(p).isEmpty())) {
            children.forEach(result::add);
        }
        result.sort(null);
        return result;
    }

    @Override
    public MailFolder ensureFolder(String parentFolderId, String name) {
        FolderNames.requireValid(name);
        Path parent = folderDirectory(parentFolderId);
        if (!Files.isDirectory(parent)) {
            throw new ConnectorException("cannot create mail folder '" + name + "' in " + parentFolderId + ": the folder "
                    + parent + " is missing");
        }
        try {
            Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new ConnectorException("cannot create mail folder '" + name + "' in " + parentFolderId + ": " + e, e);
        }
        return folder(parentFolderId + "/" + name);
    }

    private MailFolder folder(String id) {
        List<String> path = List.of(id.split("/"));
        Optional<String> parent = path.size() == 1 ? Optional.empty()
                : Optional.of(String.join("/", path.subList(0, path.size() - 1)));
        return new MailFolder(id, parent, path.get(path.size() - 1), path);
    }

    private String folderId(Path dir) {
        return relative(dir);
    }

    private String relative(Path file) {
        List<String> parts = new ArrayList<>();
        tree.mail().relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /** The directory of a folder id; the id must name an existing, visible folder inside {@code Mail}. */
    private Path folderDirectory(String folderId) {
        Path dir = tree.mail();
        for (String segment : folderId.split("/", -1)) {
            if (!FolderNames.valid(segment)) {
                throw new ItemNotFoundException("there is no mail folder '" + folderId + "' in " + tree.mail());
            }
            dir = dir.resolve(segment);
            if (tree.linkOutside(dir).isPresent()) {
                throw new ItemNotFoundException("there is no mail folder '" + folderId + "' in " + tree.mail() + ": "
                        + dir + " " + LocalTree.outsideReason(tree.linkOutside(dir).get(), tree.root()));
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new ItemNotFoundException("there is no mail folder '" + folderId + "' in " + tree.mail());
        }
        return dir;
    }

    // ---- messages ----

    @Override
    public ChangeSet<MessageRef> changes(String folderId, Optional<SyncToken> since) {
        lock.lock();
        try {
            Path dir = folderDirectory(folderId);
            MailIndex index = MailIndex.of(tree);
            Listing<MessageRef> listing = new Listing<>();
            scan(dir, folderId, index, listing);
            String scope = "mail:" + folderId;
            ChangeSet<MessageRef> changes = listing.since(snapshots.load(scope, since), s -> snapshots.save(scope, s));
            index.save(files);
            return changes;
        } catch (IOException e) {
            throw new ConnectorException("cannot list the messages in mail folder " + folderId + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** Lists one folder's message files, updating the index. */
    private void scan(Path dir, String folderId, MailIndex index, Listing<MessageRef> listing) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            children.forEach(found::add);
        }
        found.sort(null);
        Set<String> seen = new HashSet<>();
        for (Path file : found) {
            String name = file.getFileName().toString();
            if (LocalTree.hidden(file) || AtomicFiles.isTemporary(file)) {
                continue;
            }
            Optional<Path> outside = tree.linkOutside(file);
            if (outside.isPresent()) {
                if (!Files.isDirectory(file)) {
                    listing.problem(name, "link:" + outside.get(), new ItemProblem(file.toString(),
                            LocalTree.outsideReason(outside.get(), tree.root())));
                }
                continue;
            }
            if (Files.isDirectory(file)) {
                continue;
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue;
            }
            String rel = relative(file);
            if (mediaType(name).isEmpty()) {
                if (!LITTER.contains(name.toLowerCase(Locale.ROOT))) {
                    listing.problem(name, attributes.size() + "@" + modified(attributes), new ItemProblem(
                            tree.mail().resolve(rel).toString(), "not a message file: only .eml and .msg files are read"));
                }
                continue;
            }
            try {
                Optional<MailIndex.Entry> entry = indexed(file, rel, attributes, index);
                if (entry.isEmpty()) {
                    listing.unsettled(name);
                } else {
                    seen.add(entry.get().id());
                    listing.item(entry.get().id(), entry.get().hash(), name, ref(entry.get(), folderId, file));
                }
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                listing.problem(name, "unreadable@" + modified(attributes),
                        new ItemProblem(file.toString(), "cannot be read: " + e.getMessage()));
            }
            observer.afterRead(file);
        }
        for (MailIndex.Entry e : index.inFolder(folderId)) {
            if (!seen.contains(e.id()) && !Files.exists(tree.mail().resolve(e.path()))) {
                index.vanished(e, clock.instant());
            }
        }
    }

    /**
     * The index entry of a message file, hashing it when it is new or its size or time changed; empty when the
     * file kept changing while it was read.
     */
    private Optional<MailIndex.Entry> indexed(Path file, String rel, BasicFileAttributes before, MailIndex index)
            throws IOException {
        Optional<MailIndex.Entry> known = index.byPath(rel);
        if (known.isPresent() && known.get().size() == before.size() && known.get().modified() == modified(before)) {
            return known;
        }
        BasicFileAttributes attributes = before;
        for (int attempt = 0; attempt < HASH_ATTEMPTS; attempt++) {
            String hash = ContentHash.of(file);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            if (after.size() == attributes.size() && modified(after) == modified(attributes)) {
                known.ifPresent(k -> index.remove(k.id())); // other content at this path: another message
                MailIndex.Entry entry = index.vanishedWithHash(hash)
                        .map(moved -> moved.at(rel, after.size(), modified(after)))
                        .orElseGet(() -> new MailIndex.Entry(MailIndex.newId(hash, rel), rel, after.size(),
                                modified(after), hash, 0));
                index.put(entry);
                return Optional.of(entry);
            }
            attributes = after;
        }
        return Optional.empty();
    }

    private MessageRef ref(MailIndex.Entry entry, String folderId, Path file) throws IOException {
        return new MessageRef(entry.id(), folderId, entry.hash(), file.getFileName().toString(), Optional.empty(),
                entry.size(), Optional.of(Files.getLastModifiedTime(file).toInstant()));
    }

    private static long modified(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    }

    private static Optional<String> mediaType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".eml")) {
            return Optional.of(RawMessage.MIME);
        }
        if (lower.endsWith(".msg")) {
            return Optional.of(RawMessage.OUTLOOK);
        }
        return Optional.empty();
    }

    @Override
    public RawMessage open(String messageId) {
        Path file = locate(messageId).file();
        Optional<Path> outside = tree.linkOutside(file);
        if (outside.isPresent()) {
            throw new ItemUnreadableException("message " + messageId + " at " + file + " "
                    + LocalTree.outsideReason(outside.get(), tree.root()));
        }
        try {
            long size = Files.size(file);
            InputStream in = Files.newInputStream(file);
            return new RawMessage(mediaType(file.getFileName().toString()).orElseThrow(), size, in);
        } catch (NoSuchFileException e) {
            throw new ItemNotFoundException("message " + messageId + " is gone from " + file, e);
        } catch (IOException e) {
            throw new ConnectorException("cannot read message " + messageId + " at " + file + ": " + e, e);
        }
    }

    @Override
    public MessageRef move(String messageId, String targetFolderId) {
        lock.lock();
        try {
            Located located = locate(messageId);
            Path target = folderDirectory(targetFolderId);
            if (located.file().getParent().equals(target)) {
                return ref(located.entry(), targetFolderId, located.file());
            }
            Path destination = freeName(target, located.file().getFileName().toString());
            Files.move(located.file(), destination, StandardCopyOption.ATOMIC_MOVE);
            MailIndex index = MailIndex.of(tree);
            BasicFileAttributes attributes = Files.readAttributes(destination, BasicFileAttributes.class);
            MailIndex.Entry moved = located.entry().at(relative(destination), attributes.size(), modified(attributes));
            // written when the session closes or the next listing ends; see MailIndex on why a crash loses nothing
            index.put(moved);
            return ref(moved, targetFolderId, destination);
        } catch (NoSuchFileException e) {
            throw new ItemNotFoundException("message " + messageId + " is gone: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConnectorException("cannot move message " + messageId + " to " + targetFolderId + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private static Path freeName(Path dir, String fileName) {
        Path candidate = dir.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + " (" + n + ")" + extension);
        }
        return candidate;
    }

    private record Located(MailIndex.Entry entry, Path file) {
    }

    /** Writes the index if a move changed it; called when the session closes. */
    void flush() {
        lock.lock();
        try {
            MailIndex.of(tree).save(files);
        } catch (IOException e) {
            // harmless: the next look-up finds moved messages by their content (see MailIndex)
            LOG.warn("Could not write the mail index of {}: {}", tree.root(), e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Finds a message's file; when it is not where the index says, the whole tree is scanned once. */
    private Located locate(String messageId) {
        lock.lock();
        try {
            MailIndex index = MailIndex.of(tree);
            Optional<MailIndex.Entry> entry = index.byId(messageId);
            if (entry.isPresent() && Files.isRegularFile(tree.mail().resolve(entry.get().path()))) {
                return new Located(entry.get(), tree.mail().resolve(entry.get().path()));
            }
            if (entry.isEmpty()) {
                throw new ItemNotFoundException("there is no message " + messageId + " under " + tree.mail());
            }
            for (MailFolder folder : folders()) {
                scan(folderDirectory(folder.id()), folder.id(), index, new Listing<>());
            }
            index.save(files);
            Optional<MailIndex.Entry> found = index.byId(messageId)
                    .filter(e -> Files.isRegularFile(tree.mail().resolve(e.path())));
            return found.map(e -> new Located(e, tree.mail().resolve(e.path())))
                    .orElseThrow(() -> new ItemNotFoundException("message " + messageId + " is gone from "
                            + tree.mail().resolve(entry.get().path())));
        } catch (IOException e) {
            throw new ConnectorException("cannot look for message " + messageId + " under " + tree.mail() + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }
}

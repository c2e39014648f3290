package io.liaison.connector.local.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that a crash never leaves half of one: the content goes to a hidden temporary file in the
 * same directory, is forced to disk, and is then renamed over the target in one atomic step. A temporary
 * file left by a crash is hidden from every listing and removed once it is older than {@link #STALE_AFTER}
 * (younger ones may belong to a write still in progress in another session).
 */
class AtomicFiles {

    /** How old a leftover temporary file must be before it is removed. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final String SUFFIX = ".liaison-tmp";
    private static final Pattern TEMP = Pattern.compile("^\\..+\\.[0-9a-f]{12}" + Pattern.quote(SUFFIX) + "$");
    private static final String ASIDE_SUFFIX = ".liaison-old";
    private static final Pattern ASIDE = Pattern.compile("^\\.(.+)\\.[0-9a-f]{12}" + Pattern.quote(ASIDE_SUFFIX) + "$");

    private final Clock clock;

    AtomicFiles(Clock clock) {
        this.clock = clock;
    }

    /** Whether a file name is one of our temporary files. */
    static boolean isTemporary(Path file) {
        return TEMP.matcher(file.getFileName().toString()).matches();
    }

    /** Creates or replaces {@code target} with {@code content}, atomically. */
    void write(Path target, byte[] content) throws IOException {
        Path temp = writeTemporary(target, content);
        rename(temp, target);
    }

    /**
     * Creates {@code target}, atomically, unless it exists.
     *
     * @throws FileAlreadyExistsException when it exists
     */
    void create(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        write(target, content);
    }

    /**
     * Replaces {@code target} with {@code content} only if it holds {@code expectedVersion} (see {@link ContentHash})
     * at the moment it is replaced, so that a person's editor saving between Liaison's version check and its
     * write is never overwritten. The current file is first renamed aside (atomic; from then on a save by an
     * editor creates a new file), its content compared with the expected version, and the new content linked in
     * under the target's name only if no file has appeared there meanwhile; the file set aside is compared once
     * more (an editor that kept it open may have written into it) and then removed. On a mismatch the person's
     * file stays or is put back and nothing of Liaison's is left.
     *
     * @return false when the target did not hold the expected version (or was gone): nothing was replaced
     */
    boolean replace(Path target, byte[] content, String expectedVersion) throws IOException {
        Path temp = writeTemporary(target, content);
        Path aside = asideFor(target);
        try {
            try {
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (!ContentHash.of(Files.readAllBytes(aside)).equals(expectedVersion)) {
                putBack(aside, target);
                return false;
            }
            try {
                link(temp, target);
            } catch (FileAlreadyExistsException e) {
                // an editor saved a new file in the meantime: it is the current one, what was set aside is older
                Files.delete(aside);
                return false;
            }
            if (!ContentHash.of(Files.readAllBytes(aside)).equals(expectedVersion)) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return false;
            }
            Files.delete(aside);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes {@code temp} visible as {@code target}, failing if a file of that name exists. */
    private static void link(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException e) {
            // no hard links on this file system: a rename, which only a file created in this instant can meet
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Puts a file set aside back under its name, unless an editor has saved a new file there meanwhile. */
    private static void putBack(Path aside, Path target) throws IOException {
        try {
            link(aside, target);
            Files.delete(aside);
        } catch (FileAlreadyExistsException e) {
            LOG.warn("{} was saved twice while Liaison wrote it; the earlier save is kept as {}", target, aside);
        }
    }

    /** The name a file is set aside under while it is replaced: hidden, and recognisable as ours. */
    static Path asideFor(Path target) {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return target.resolveSibling("." + target.getFileName() + "." + random + ASIDE_SUFFIX);
    }

    /**
     * Puts back files set aside by a replace that a crash interrupted (their target is missing); removes those
     * whose target exists once they are older than {@link #STALE_AFTER}. Returns how many were put back.
     */
    int restoreSetAside(Path directory) {
        int restored = 0;
        Instant limit = clock.instant().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, f -> ASIDE.matcher(
                f.getFileName().toString()).matches())) {
            for (Path file : files) {
                java.util.regex.Matcher m = ASIDE.matcher(file.getFileName().toString());
                m.matches();
                Path target = file.resolveSibling(m.group(1));
                try {
                    if (!Files.exists(target)) {
                        putBack(file, target);
                        restored++;
                        LOG.info("Put back {} as {}: a write of it was interrupted", file, target);
                    } else if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    LOG.warn("Could not put back {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for interrupted writes in {}: {}", directory, e.toString());
        }
        return restored;
    }

    /** The temporary file's name for a target: hidden, and recognisable as ours. */
    static Path temporaryFor(Path target) {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return target.resolveSibling("." + target.getFileName() + "." + random + SUFFIX);
    }

    /** Writes the content to a fresh temporary file next to the target and forces it to disk. */
    Path writeTemporary(Path target, byte[] content) throws IOException {
        Path temp = temporaryFor(target);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Renames the temporary file over the target: the one step that makes the write visible. */
    void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system of " + target.getParent()
                    + " cannot rename atomically; the local connector needs a local file system", e);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Removes our temporary files in a directory that are older than {@link #STALE_AFTER}; returns how many. */
    int removeStaleTemporaries(Path directory) {
        int removed = 0;
        Instant limit = clock.instant().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, f -> isTemporary(f))) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(limit)) {
                        Files.deleteIfExists(file);
                        removed++;
                        LOG.info("Removed the temporary file {} left by an interrupted write", file);
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean up temporary files in {}: {}", directory, e.toString());
        }
        return removed;
    }
}

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

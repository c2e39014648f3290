package io.liaison.content.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * What a zip attachment holds, for a note on its mail: nothing in it is categorised or stored on its own, so the
 * user learns from the note which files it carries, and whether they are password-protected. Only the central
 * directory is read (no entry is unpacked, so a zip bomb costs nothing); a central directory is held in memory while
 * it is read, so archives are listed up to the size limit of files read into memory (the Outlook limit).
 */
final class ZipContents {
    /** Names listed in a note; the rest are counted. */
    static final int MAX_NAMES = 20;
    private static final int MAX_NAME_CHARS = 100;

    private ZipContents() {
    }

    /**
     * A note naming the files in a zip, or empty when it is no readable zip.
     *
     * @param bytes the content when it is in memory, else {@code null}
     * @param file  the content's spool file when it is not in memory
     */
    static Optional<String> describe(String name, byte[] bytes, Path file, long size, long maxBytes) {
        if (size > maxBytes) {
            return Optional.of("archive '" + name + "' is larger than " + maxBytes + " bytes: its contents were not "
                    + "listed");
        }
        try (SeekableByteChannel channel = bytes != null ? new SeekableInMemoryByteChannel(bytes)
                : Files.newByteChannel(file, StandardOpenOption.READ);
             ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true).get()) {
            List<String> names = new ArrayList<>();
            int files = 0;
            boolean encrypted = false;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                files++;
                encrypted |= entry.getGeneralPurposeBit().usesEncryption();
                if (names.size() < MAX_NAMES) {
                    names.add(shorten(ControlCharacters.oneLine(entry.getName())));
                }
            }
            StringBuilder note = new StringBuilder("archive '").append(name).append("' holds ").append(files)
                    .append(files == 1 ? " file" : " files");
            if (!names.isEmpty()) {
                note.append(": ").append(String.join(", ", names));
            }
            if (files > names.size()) {
                note.append(" and ").append(files - names.size()).append(" more");
            }
            if (encrypted) {
                note.append("; password-protected: their text cannot be read");
            }
            return Optional.of(note.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS) + "…";
    }
}

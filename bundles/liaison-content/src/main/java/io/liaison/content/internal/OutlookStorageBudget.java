package io.liaison.content.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;

/**
 * Checks what POI would read of an Outlook file before it reads it. POI's {@code MAPIMessage} reads every stream
 * whole into the heap ({@code ByteChunk.readValue} has no maximum, and POI's byte-array maximum does not apply to
 * it), and the declared sizes of a compound file's streams are not bounded by the file's size: streams may share
 * sectors, so a small file can declare gigabytes. The sum of the declared sizes and the number of entries are what
 * POI will allocate, so both are checked first.
 */
final class OutlookStorageBudget {
    /** Real messages hold some ten entries per recipient and per attachment; this is far beyond any of them. */
    static final int MAX_ENTRIES = 50_000;

    private OutlookStorageBudget() {
    }

    /** Throws {@link LimitExceededException} when the streams below {@code root} declare more than {@code maxBytes}. */
    static void check(DirectoryEntry root, long maxBytes) {
        long bytes = 0;
        int entries = 0;
        Deque<DirectoryEntry> directories = new ArrayDeque<>();
        directories.push(root);
        while (!directories.isEmpty()) {
            for (Entry entry : directories.pop()) {
                if (++entries > MAX_ENTRIES) {
                    throw new LimitExceededException("Outlook message with more than " + MAX_ENTRIES + " entries");
                }
                if (entry instanceof DirectoryEntry directory) {
                    directories.push(directory);
                } else if (entry instanceof DocumentEntry document) {
                    bytes += Math.max(0, document.getSize());
                    if (bytes > maxBytes) {
                        throw new LimitExceededException("Outlook message whose streams hold more than the limit of "
                                + maxBytes + " bytes for Outlook messages");
                    }
                }
            }
        }
    }
}

package io.liaison.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.Ole10NativeException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An OLE object attached to an Outlook message ({@code PR_ATTACH_METHOD} 6, [MS-OXMSG] 2.2.2.1): its storage holds
 * an embedded document, not a message, although POI reaches both through the same attachment directory. What POI
 * can take out is kept as a file: a packaged file (the {@code \1Ole10Native} stream, with its own name), an Office
 * Open XML document ({@code Package} stream), a PDF ({@code CONTENTS}), or an OLE2 Office document (Word, Excel,
 * PowerPoint, Visio), written as a file of its own.
 */
final class OleObjects {
    private static final String MESSAGE_PROPERTIES = "__properties_version1.0";
    /** The streams that make a storage an Office document of its own (what Tika's detector looks for too). */
    private static final List<String> OFFICE_STREAMS = List.of("WordDocument", "Workbook", "Book",
            "PowerPoint Document", "VisioDocument");

    /** A file taken out of an OLE object: its name (empty when the object names none) and content. */
    record Extracted(String name, byte[] content) {
    }

    private OleObjects() {
    }

    /** Whether an attachment's storage is an attached message (it has a message's property stream). */
    static boolean isMessage(DirectoryNode storage) {
        return storage.hasEntry(MESSAGE_PROPERTIES);
    }

    /** The file in an OLE object, or empty when it holds nothing POI can take out (a drawing, a chart, ...). */
    static Optional<Extracted> extract(DirectoryNode storage, String name) throws IOException {
        if (storage.hasEntry(Ole10Native.OLE10_NATIVE)) {
            try {
                Ole10Native packaged = Ole10Native.createFromEmbeddedOleObject(storage);
                String own = packaged.getFileName() == null || packaged.getFileName().isBlank()
                        ? packaged.getLabel() : packaged.getFileName();
                return Optional.of(new Extracted(name.isBlank() && own != null ? own : name,
                        packaged.getDataBuffer()));
            } catch (Ole10NativeException e) {
                return Optional.empty();
            }
        }
        for (String stream : List.of("Package", "CONTENTS")) {
            if (storage.hasEntry(stream)) {
                try (InputStream in = storage.createDocumentInputStream(stream)) {
                    return Optional.of(new Extracted(name, in.readAllBytes()));
                }
            }
        }
        if (OFFICE_STREAMS.stream().anyMatch(storage::hasEntry)) {
            try (POIFSFileSystem file = new POIFSFileSystem()) {
                for (Entry entry : storage) {
                    EntryUtils.copyNodeRecursively(entry, file.getRoot());
                }
                file.getRoot().setStorageClsid(storage.getStorageClsid());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                file.writeFilesystem(bytes);
                return Optional.of(new Extracted(name, bytes.toByteArray()));
            }
        }
        return Optional.empty();
    }
}

package io.liaison.content.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Outlook files built to harm a reader, by the layout of [MS-CFB] (compound file) and [MS-OXMSG] (message storage):
 * a message whose attachment streams all point at one sector chain, so that a small file declares gigabytes, and a
 * compressed RTF body ([MS-OXRTFCP]) made of back references that unpack to many times its size. Public for the mail
 * import's tests (through this module's test jar).
 */
public final class CraftedOutlookFiles {
    private static final String ATTACHMENT_DATA = "__substg1.0_37010102";
    /** [MS-CFB] 2.6.1: a directory entry is 128 bytes; the starting sector at 0x74, the stream size at 0x78. */
    private static final int ENTRY = 128;
    private static final int START_SECTOR = 0x74;
    private static final int STREAM_SIZE = 0x78;

    private CraftedOutlookFiles() {
    }

    /**
     * A message with {@code attachments} attachments whose data streams all share the sectors of the first one,
     * {@code bytesEach} long: the file is about {@code bytesEach} bytes, its streams declare {@code attachments}
     * times as much.
     */
    public static byte[] sharedSectors(int attachments, int bytesEach) throws IOException {
        byte[] file;
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().createDocument("__substg1.0_0037001F",
                    new ByteArrayInputStream("Shared sectors".getBytes(StandardCharsets.UTF_16LE)));
            for (int i = 0; i < attachments; i++) {
                DirectoryEntry attachment = fs.getRoot().createDirectory(String.format("__attach_version1.0_#%08X", i));
                byte[] data = i == 0 ? filled(bytesEach) : new byte[] {'x'};
                attachment.createDocument(ATTACHMENT_DATA, new ByteArrayInputStream(data));
                attachment.createDocument("__substg1.0_3707001F",
                        new ByteArrayInputStream(("a" + i + ".bin").getBytes(StandardCharsets.UTF_16LE)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            file = out.toByteArray();
        }
        List<Integer> entries = entriesNamed(file, ATTACHMENT_DATA);
        ByteBuffer bytes = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int shared = entries.stream().filter(e -> bytes.getInt(e + STREAM_SIZE) == bytesEach).findFirst()
                .orElseThrow();
        for (int entry : entries) {
            bytes.putInt(entry + START_SECTOR, bytes.getInt(shared + START_SECTOR));
            bytes.putInt(entry + STREAM_SIZE, bytesEach);
        }
        return file;
    }

    /** A message with a subject and nothing but the given compressed RTF body. */
    static byte[] withRtfBody(byte[] compressedRtf) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().createDocument("__substg1.0_0037001F",
                    new ByteArrayInputStream("RTF only".getBytes(StandardCharsets.UTF_16LE)));
            fs.getRoot().createDocument("__substg1.0_10090102", new ByteArrayInputStream(compressedRtf));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] filled(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        return data;
    }

    private static List<Integer> entriesNamed(byte[] file, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_16LE);
        List<Integer> found = new ArrayList<>();
        for (int at = 0; at + ENTRY <= file.length; at += ENTRY) {
            if (Arrays.equals(file, at, at + wanted.length, wanted, 0, wanted.length)) {
                found.add(at);
            }
        }
        return found;
    }

    /**
     * A compressed RTF body ([MS-OXRTFCP] 2.2.1) that unpacks to {@code references * 17 + 1} bytes: one literal
     * byte, then back references of the longest length (17) to the byte before the write position, eight to a
     * control byte. So 17 bytes in give 136 out.
     *
     * @param rawSize the size the header declares (RAWSIZE); readers stop at the end marker or at this size
     */
    static byte[] expandingRtf(int references, int rawSize) {
        ByteArrayOutputStream runs = new ByteArrayOutputStream();
        int position = 207; // the preloaded dictionary's length ([MS-OXRTFCP] 3.1.1.1.1)
        int written = 0;
        boolean literalDone = false;
        while (written < references) {
            int control = 0;
            ByteArrayOutputStream tokens = new ByteArrayOutputStream();
            for (int bit = 0; bit < 8 && written < references; bit++) {
                if (!literalDone) {
                    tokens.write('{');
                    position++;
                    literalDone = true;
                    continue;
                }
                int offset = (position - 1) & 0xFFF;
                int token = offset << 4 | (17 - 2);
                tokens.write(token >> 8);
                tokens.write(token);
                control |= 1 << bit;
                position += 17;
                written++;
            }
            runs.write(control);
            runs.writeBytes(tokens.toByteArray());
        }
        // the end: a reference to the write position itself
        int end = (position & 0xFFF) << 4;
        runs.write(1);
        runs.write(end >> 8);
        runs.write(end);
        byte[] body = runs.toByteArray();
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(body.length + 12); // COMPSIZE: the size after this field
        header.putInt(rawSize);
        header.putInt(0x75465A4C); // COMPTYPE "LZFu"
        header.putInt(0); // CRC, not checked by readers
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(body);
        return out.toByteArray();
    }
}

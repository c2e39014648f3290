package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OLE objects in Outlook files (issue 22 point 6): Tika's {@code testMSG_att_doc.msg} with its two attachments (the
 * Word file test-unicode.doc and pj1.txt) turned into what Outlook writes for an inserted object ([MS-OXMSG]
 * 2.2.2.1, PR_ATTACH_DATA_OBJ): a storage {@code __substg1.0_3701000D} instead of the data stream, holding the Word
 * document's own storage, or a packaged file ({@code \1Ole10Native}), or an object nothing can be taken out of.
 */
class OleObjectTest {
    @TempDir
    Path spool;

    private static final byte[] MSG = TestCorpus.document("test-documents", "testMSG_att_doc.msg").bytes();
    private static final String DATA = "__substg1.0_37010102";
    private static final String OBJECT = "__substg1.0_3701000D";

    private enum Second { PACKAGED, DRAWING }

    private static byte[] withOleObjects(Second second) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(MSG))) {
            DirectoryNode doc = (DirectoryNode) fs.getRoot().getEntry("__attach_version1.0_#00000000");
            byte[] word = read(doc, DATA);
            doc.getEntry(DATA).delete();
            DirectoryEntry wordObject = doc.createDirectory(OBJECT);
            try (POIFSFileSystem wordFile = new POIFSFileSystem(new ByteArrayInputStream(word))) {
                for (Entry entry : wordFile.getRoot()) {
                    EntryUtils.copyNodeRecursively(entry, wordObject);
                }
            }
            DirectoryNode txt = (DirectoryNode) fs.getRoot().getEntry("__attach_version1.0_#00000001");
            byte[] text = read(txt, DATA);
            txt.getEntry(DATA).delete();
            DirectoryEntry textObject = txt.createDirectory(OBJECT);
            if (second == Second.PACKAGED) {
                ByteArrayOutputStream packaged = new ByteArrayOutputStream();
                new Ole10Native("pj1.txt", "pj1.txt", "pj1.txt", text).writeOut(packaged);
                textObject.createDocument(Ole10Native.OLE10_NATIVE, new ByteArrayInputStream(packaged.toByteArray()));
            } else {
                textObject.createDocument("\u0001CompObj", new ByteArrayInputStream(new byte[] {1, 2, 3, 4}));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] read(DirectoryNode dir, String name) throws IOException {
        try (InputStream in = dir.createDocumentInputStream(name)) {
            return in.readAllBytes();
        }
    }

    private ParsedMessage parse(byte[] msg) {
        return new MessageParserComponent(ParseLimits.DEFAULTS, spool).parse(new ByteArrayInputStream(msg),
                "application/vnd.ms-outlook", "ole.msg");
    }

    @Test
    void anOleObjectHoldingAWordDocumentOrAPackagedFileIsKeptAsThatFile() throws IOException {
        try (ParsedMessage m = parse(withOleObjects(Second.PACKAGED))) {
            assertThat(m.embeddedMessages()).isEmpty();
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName)
                    .containsExactly("test-unicode.doc", "pj1.txt");
            assertThat(m.attachments()).extracting(ParsedAttachment::mediaType)
                    .containsExactly("application/msword", "text/plain");
            try (InputStream in = m.attachments().get(1).open()) {
                assertThat(in.readAllBytes()).hasSize(89);
            }
        }
    }

    @Test
    void anOleObjectNothingCanBeTakenOutOfIsNoted() throws IOException {
        try (ParsedMessage m = parse(withOleObjects(Second.DRAWING))) {
            assertThat(m.embeddedMessages()).isEmpty();
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName).containsExactly("test-unicode.doc");
            assertThat(m.problems()).contains(
                    "attachment 2 ('pj1.txt') is an OLE object whose content cannot be taken out, left out");
        }
    }
}

package io.liaison.content.internal;

import io.liaison.api.content.ParsedMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.ByteChunk;
import org.apache.poi.hsmf.datatypes.Chunk;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.PropertyValue;
import org.apache.poi.hsmf.datatypes.RecipientChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.hsmf.exceptions.ChunkNotFoundException;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads an Outlook {@code .msg} file with POI's {@link MAPIMessage}. Outlook often stores only the
 * Exchange (X.500) address of a sender, so the SMTP address is taken from the SMTP properties, else from the
 * transport headers the message arrived with, else from the address if it is one.
 */
final class OutlookMessageReader {
    private static final int PR_SENDER_SMTP_ADDRESS = 0x5D01;
    private static final int PR_SENT_REPRESENTING_SMTP_ADDRESS = 0x5D02;
    private static final int RECIPIENT_CC = 2;
    private static final int RECIPIENT_BCC = 3;
    private static final String PROPERTIES_STREAM = "__properties_version1.0";
    private static final String NAMED_PROPERTIES = "__nameid_version1.0";
    private static final int EMBEDDED_HEADER = 24;
    private static final int TOP_LEVEL_HEADER = 32;
    /** The most the compressed RTF body is unpacked to, whatever the text limit. */
    static final int MAX_RTF_BYTES = 32 * 1024 * 1024;
    private static final int RTF_BYTES_PER_CHAR = 8;

    private final AttachmentSpooler spooler;

    OutlookMessageReader(AttachmentSpooler spooler) {
        this.spooler = spooler;
    }

    ParsedMessage read(Path file, ParseRun run) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            OutlookStorageBudget.check(fs.getRoot(), run.limits().maxOutlookBytes());
            return convert(new MAPIMessage(fs), fs.getRoot(), run, 0);
        }
    }

    private ParsedMessage convert(MAPIMessage msg, DirectoryNode root, ParseRun run, int depth) throws IOException {
        run.checkDeadline();
        msg.setReturnNullOnMissingChunk(true);
        MessageBuilder message = new MessageBuilder(run.limits().maxTextChars());
        try {
            msg.guess7BitEncoding();
        } catch (RuntimeException e) {
            message.problem("could not guess the charset of 8-bit strings: " + e.getMessage());
        }
        MessageBuilder headers = transportHeaders(msg, run);

        message.subject = firstNonBlank(get(msg::getSubject), headers.subject);
        String from = smtp(string(msg, PR_SENDER_SMTP_ADDRESS), string(msg, PR_SENT_REPRESENTING_SMTP_ADDRESS),
                headers.from, smtp(chunk(msg.getMainChunks().getEmailFromChunk())));
        message.from = from;
        message.fromName = firstNonBlank(get(msg::getDisplayFrom), headers.fromName);
        if (from.isEmpty()) {
            message.problem("the sender has no SMTP address (only an Exchange address, or none)");
        }
        recipients(msg, message, headers);
        message.messageId = firstNonBlank(stripBrackets(chunk(msg.getMainChunks().getMessageId())),
                headers.messageId);
        message.inReplyTo = headers.inReplyTo.or(() -> MimeHeaders.ids(string(msg, MAPIProperty.IN_REPLY_TO_ID.id))
                .stream().findFirst());
        message.references = !headers.references.isEmpty() ? headers.references
                : MimeHeaders.ids(string(msg, MAPIProperty.INTERNET_REFERENCES.id));
        Calendar date = getCalendar(msg);
        message.dateSeen = date != null || headers.dateSeen;
        message.sentAt = date != null ? Optional.of(Instant.ofEpochMilli(date.getTimeInMillis())) : headers.sentAt;
        message.problems.addAll(headers.problems.stream().filter(p -> !p.equals("no Date header")).toList());
        headers.automated.ifPresent(message::automated);
        message.receivedAt = headers.receivedAt; // the Received fields of the transport headers Outlook kept

        String text = get(msg::getTextBody);
        String html = get(msg::getHtmlBody);
        String rtf = null;
        if (html.isBlank()) {
            // most HTML mails in a .msg file carry their HTML only encapsulated in the compressed RTF body
            rtf = rtfBody(msg, message, run.limits());
            html = RtfBodies.html(rtf, message, run.limits().maxTextChars() + 1);
        }
        if (!html.isBlank()) {
            message.setHtml(html);
        }
        if (!text.isBlank()) {
            message.appendText(text);
        } else if (html.isBlank()) {
            message.appendText(RtfBodies.text(rtf, message, run.limits().maxTextChars()));
        }
        attachments(msg, root, message, run, depth);
        return message.build();
    }

    private void recipients(MAPIMessage msg, MessageBuilder message, MessageBuilder headers) {
        boolean anyWithoutSmtp = false;
        for (RecipientChunks r : msg.getRecipientDetailsChunks()) {
            String address = smtp(chunk(r.getRecipientSMTPChunk()), chunk(r.getRecipientEmailChunk()));
            if (address.isEmpty()) {
                anyWithoutSmtp = true;
                continue;
            }
            int type = recipientType(r);
            if (type == RECIPIENT_CC) {
                message.addRecipient(message.cc, address);
            } else if (type != RECIPIENT_BCC) {
                message.addRecipient(message.to, address);
            }
        }
        if ((message.to.isEmpty() && message.cc.isEmpty()) || anyWithoutSmtp) {
            if (!headers.to.isEmpty() || !headers.cc.isEmpty()) {
                message.to.clear();
                message.cc.clear();
                message.to.addAll(headers.to);
                message.cc.addAll(headers.cc);
            } else if (anyWithoutSmtp) {
                message.problem("a recipient without an SMTP address was left out");
            }
        }
    }

    private static int recipientType(RecipientChunks r) {
        List<PropertyValue> values = r.getProperties().get(MAPIProperty.RECIPIENT_TYPE);
        if (values != null && !values.isEmpty() && values.get(0).getValue() instanceof Number n) {
            return n.intValue();
        }
        return 1;
    }

    private void attachments(MAPIMessage msg, DirectoryNode root, MessageBuilder message, ParseRun run, int depth)
            throws IOException {
        int index = 0;
        for (AttachmentChunks a : msg.getAttachmentFiles()) {
            run.checkDeadline();
            index++;
            if (a.isEmbeddedMessage() && !OleObjects.isMessage(a.getAttachmentDirectory().getDirectory())) {
                oleObject(a, message, index, run);
                continue;
            }
            if (a.isEmbeddedMessage()) {
                if (depth + 1 > run.limits().maxDepth()) {
                    throw new LimitExceededException("messages nested deeper than the limit of "
                            + run.limits().maxDepth() + " levels");
                }
                ParsedMessage embedded = convert(a.getEmbeddedMessage(), root, run, depth + 1);
                message.embedded.add(embedded);
                // kept as a document of its own too, as a forwarded MIME message is: the CRM user can open it
                DirectoryNode storage = a.getAttachmentDirectory().getDirectory();
                message.attachments.add(spoolStandaloneMsg(storage, root, embeddedFileName(a, embedded, index),
                        index, run));
                continue;
            }
            ByteChunk data = a.getAttachData();
            if (data == null || data.getValue() == null) {
                message.problem("attachment " + index + " has no data (an OLE object or a link), left out");
                continue;
            }
            String name = firstNonBlank(chunk(a.getAttachLongFileName()), chunk(a.getAttachFileName()),
                    chunk(a.getAttachDisplayName()));
            message.attachments.add(spooler.spool(new ByteArrayInputStream(data.getValue()), name, index, run));
        }
    }

    /** Keeps the file in an OLE object where POI can take it out, else notes that it was left out. */
    private void oleObject(AttachmentChunks a, MessageBuilder message, int index, ParseRun run) throws IOException {
        String name = firstNonBlank(chunk(a.getAttachLongFileName()), chunk(a.getAttachFileName()),
                chunk(a.getAttachDisplayName()));
        Optional<OleObjects.Extracted> file = OleObjects.extract(a.getAttachmentDirectory().getDirectory(), name);
        if (file.isEmpty()) {
            message.problem("attachment " + index + (name.isEmpty() ? "" : " ('" + name + "')")
                    + " is an OLE object whose content cannot be taken out, left out");
            return;
        }
        message.attachments.add(spooler.spool(new ByteArrayInputStream(file.get().content()), file.get().name(),
                index, run));
    }

    /**
     * Writes an attached message as a {@code .msg} file to the spool directory and spools it from there: a copy in
     * memory at every nesting level would multiply the heap a deeply nested message takes.
     */
    private SpooledAttachment spoolStandaloneMsg(DirectoryNode storage, DirectoryNode root, String name, int index,
                                                 ParseRun run) throws IOException {
        Path copy = spooler.temporaryFile("liaison-embedded-", ".msg");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                writeStandaloneMsg(storage, root, out);
            }
            try (InputStream in = Files.newInputStream(copy)) {
                return spooler.spool(in, name, index, run);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** {@link #writeStandaloneMsg} into a byte array. */
    static byte[] standaloneMsg(DirectoryNode embedded, DirectoryNode topLevel) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeStandaloneMsg(embedded, topLevel, bytes);
        return bytes.toByteArray();
    }

    /**
     * An attached Outlook message as a {@code .msg} file of its own. POI cannot write a message, but the storage
     * of an embedded message differs from a top-level one in two ways only ([MS-OXMSG] 2.4): its property stream
     * has a 24-byte header instead of 32 (no trailing reserved bytes), and it has no named-property mapping of its
     * own (it uses the top-level one). So the storage is copied, the header widened and the mapping copied in.
     */
    static void writeStandaloneMsg(DirectoryNode embedded, DirectoryNode topLevel, OutputStream target)
            throws IOException {
        try (POIFSFileSystem out = new POIFSFileSystem()) {
            DirectoryEntry root = out.getRoot();
            for (Entry entry : embedded) {
                if (!entry.getName().equals(PROPERTIES_STREAM)) {
                    EntryUtils.copyNodeRecursively(entry, root);
                }
            }
            byte[] properties = embedded.hasEntry(PROPERTIES_STREAM)
                    ? embedded.createDocumentInputStream(PROPERTIES_STREAM).readAllBytes() : new byte[0];
            byte[] widened = new byte[properties.length + TOP_LEVEL_HEADER - EMBEDDED_HEADER];
            if (properties.length >= EMBEDDED_HEADER) {
                System.arraycopy(properties, 0, widened, 0, EMBEDDED_HEADER);
                System.arraycopy(properties, EMBEDDED_HEADER, widened, TOP_LEVEL_HEADER,
                        properties.length - EMBEDDED_HEADER);
            }
            root.createDocument(PROPERTIES_STREAM, new ByteArrayInputStream(widened));
            if (!root.hasEntry(NAMED_PROPERTIES) && topLevel.hasEntry(NAMED_PROPERTIES)) {
                EntryUtils.copyNodeRecursively(topLevel.getEntry(NAMED_PROPERTIES), root);
            }
            out.writeFilesystem(target);
        }
    }

    /** The attachment's own name if it has one, else the message's subject, as a safe {@code .msg} file name. */
    private static String embeddedFileName(AttachmentChunks a, ParsedMessage embedded, int index) {
        String name = firstNonBlank(chunk(a.getAttachLongFileName()), chunk(a.getAttachFileName()),
                chunk(a.getAttachDisplayName()), embedded.subject());
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty()) {
            name = "attached message " + index;
        }
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".msg") ? name : name + ".msg";
    }

    /** The transport headers the message arrived with, read as a MIME header block. */
    private static MessageBuilder transportHeaders(MAPIMessage msg, ParseRun run) {
        MessageBuilder headers = new MessageBuilder(run.limits().maxTextChars());
        StringChunk chunk = msg.getMainChunks().getMessageHeaders();
        String block = chunk == null ? "" : chunk.getValue();
        if (block == null || block.isBlank()) {
            return headers;
        }
        MimeStreamParser parser = new MimeStreamParser(new MimeConfig.Builder()
                .setMaxHeaderCount(run.limits().maxHeaderCount()).setMaxHeaderLen(run.limits().maxHeaderLength())
                .setMaxLineLen(run.limits().maxLineLength()).build());
        parser.setContentHandler(new AbstractContentHandler() {
            @Override
            public void field(Field field) {
                MimeHeaders.apply(field, headers, DecodeMonitor.SILENT);
            }
        });
        try {
            parser.parse(new ByteArrayInputStream((block.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
        } catch (MimeException | IOException e) {
            headers.problem("unreadable transport headers: " + e.getMessage());
        }
        return headers;
    }

    /**
     * The compressed RTF body unpacked, at most a few times the text limit (RTF spends several bytes per character
     * of text); empty when there is none or it cannot be read.
     */
    private static String rtfBody(MAPIMessage msg, MessageBuilder message, ParseLimits limits) {
        ByteChunk chunk = msg.getMainChunks().getRtfBodyChunk();
        if (chunk == null || chunk.getValue() == null) {
            return "";
        }
        int cap = (int) Math.min(MAX_RTF_BYTES, RTF_BYTES_PER_CHAR * (long) limits.maxTextChars());
        try {
            CompressedRtf.Body body = CompressedRtf.decompress(chunk.getValue(), cap);
            if (body.cut()) {
                message.problem("the RTF body unpacks to more than " + cap + " bytes; read as far as that");
            }
            return body.rtf();
        } catch (IOException | RuntimeException e) {
            message.problem("unreadable RTF body: " + e.getMessage());
            return "";
        }
    }

    private static Calendar getCalendar(MAPIMessage msg) {
        try {
            return msg.getMessageDate();
        } catch (ChunkNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** A string property that POI has no name for, found by its id among the main chunks. */
    private static String string(MAPIMessage msg, int id) {
        for (Map.Entry<MAPIProperty, List<Chunk>> e : msg.getMainChunks().getAll().entrySet()) {
            if (e.getKey().id == id) {
                for (Chunk c : e.getValue()) {
                    if (c instanceof StringChunk s && s.getValue() != null && !s.getValue().isBlank()) {
                        return s.getValue().strip();
                    }
                }
            }
        }
        return "";
    }

    private static String chunk(StringChunk chunk) {
        return chunk == null || chunk.getValue() == null ? "" : chunk.getValue().strip();
    }

    /** The first candidate that is an SMTP address (an Exchange X.500 address is not). */
    private static String smtp(String... candidates) {
        for (String c : candidates) {
            String v = c == null ? "" : stripBrackets(c.strip());
            if (MimeHeaders.isAddress(v) && !v.startsWith("/")) {
                return v;
            }
        }
        return "";
    }

    private static String stripBrackets(String value) {
        String v = value.strip();
        return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private interface ChunkGetter {
        String get() throws ChunkNotFoundException;
    }

    private static String get(ChunkGetter getter) {
        try {
            String value = getter.get();
            return value == null ? "" : value;
        } catch (ChunkNotFoundException e) {
            return "";
        }
    }

    static boolean isOle2(byte[] head) {
        return head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0 && (head[4] & 0xFF) == 0xA1 && (head[5] & 0xFF) == 0xB1
                && (head[6] & 0xFF) == 0x1A && (head[7] & 0xFF) == 0xE1;
    }

}

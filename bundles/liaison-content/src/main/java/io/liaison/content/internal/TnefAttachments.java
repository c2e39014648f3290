package io.liaison.content.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.MAPIAttribute;
import org.apache.poi.hmef.attribute.MAPIRtfAttribute;
import org.apache.poi.hsmf.datatypes.MAPIProperty;

/**
 * Unpacks a TNEF attachment ({@code winmail.dat}, {@code application/ms-tnef}, [MS-OXTNEF]) with POI's HMEF reader.
 * Outlook sends its rich-text mail that way: the real attachments and often the only body are inside, and no mail
 * client but Outlook opens the file. So its attachments become the message's attachments, its RTF body becomes the
 * body when the message has no other, and the {@code winmail.dat} itself is not kept; one POI cannot read is kept as
 * it is, with a note.
 */
final class TnefAttachments {
    private static final Set<String> TYPES = Set.of("application/ms-tnef", "application/vnd.ms-tnef");

    private TnefAttachments() {
    }

    /** Whether the part is TNEF by its declared or its detected media type. */
    static boolean isTnef(String declaredType, String detectedType) {
        return TYPES.contains(declaredType.toLowerCase(Locale.ROOT))
                || TYPES.contains(detectedType.toLowerCase(Locale.ROOT));
    }

    /**
     * Adds the attachments inside {@code tnef} to the message and offers its RTF body (see
     * {@link MessageBuilder#rtfBody}); releases {@code tnef} when it was unpacked, else keeps it as an attachment.
     *
     * @param nextIndex numbers the message's next attachment (for made-up names)
     */
    static void unpack(SpooledAttachment tnef, MessageBuilder message, AttachmentSpooler spooler, ParseRun run,
                       IntSupplier nextIndex) throws IOException {
        // POI holds the whole TNEF stream and every attachment in it in the heap, as it does a .msg file: the same bound
        long max = run.limits().maxOutlookBytes();
        if (tnef.size() > max) {
            keep(tnef, message, "is larger than the limit of " + max + " bytes for Outlook files");
            return;
        }
        HMEFMessage hmef;
        try (InputStream in = tnef.open()) {
            hmef = new HMEFMessage(in);
        } catch (IOException | RuntimeException e) {
            keep(tnef, message, "cannot be read: " + TextDecoding.shorten(String.valueOf(e.getMessage())));
            return;
        }
        for (Attachment attachment : hmef.getAttachments()) {
            run.checkDeadline();
            byte[] contents = attachment.getContents();
            String name = firstNonBlank(attachment.getLongFilename(), attachment.getFilename());
            if (contents == null) {
                message.problem("an attachment in '" + tnef.fileName() + "'" + (name.isEmpty() ? "" : " ('" + name
                        + "')") + " has no data (an OLE object or a link), left out");
                continue;
            }
            message.attachments.add(spooler.spool(new ByteArrayInputStream(contents), name, nextIndex.getAsInt(),
                    run));
        }
        MAPIAttribute rtf = hmef.getMessageMAPIAttribute(MAPIProperty.RTF_COMPRESSED);
        if (rtf instanceof MAPIRtfAttribute body) {
            int cap = Math.min(OutlookMessageReader.MAX_RTF_BYTES, body.getData().length);
            message.rtfBody(new String(body.getData(), 0, cap, StandardCharsets.ISO_8859_1));
        }
        tnef.close();
    }

    private static void keep(SpooledAttachment tnef, MessageBuilder message, String why) {
        message.attachments.add(tnef);
        message.problem("the Outlook attachment '" + tnef.fileName() + "' (TNEF) " + why + "; kept as it is");
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}

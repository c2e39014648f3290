package io.liaison.content.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The body an Outlook RTF body stands for: the HTML it encapsulates, else its text. Outlook keeps its bodies as RTF
 * in {@code .msg} files and in TNEF ({@code winmail.dat}) attachments alike. A body that cannot be read is empty,
 * with a problem note on the message.
 */
final class RtfBodies {
    private RtfBodies() {
    }

    /** The HTML encapsulated in the RTF ({@code \fromhtml1}), or empty when it encapsulates none. */
    static String html(String rtf, MessageBuilder message, int maxChars) {
        if (rtf == null || rtf.isEmpty()) {
            return "";
        }
        try {
            return RtfHtmlDecapsulator.decapsulate(rtf, maxChars).orElse("");
        } catch (Exception e) {
            message.problem("unreadable RTF body: " + e.getMessage());
            return "";
        }
    }

    /** The RTF's text, at most {@code maxChars} characters. */
    static String text(String rtf, MessageBuilder message, int maxChars) {
        if (rtf == null || rtf.isEmpty()) {
            return "";
        }
        try {
            BodyContentHandler handler = new BodyContentHandler(maxChars);
            try {
                new RTFParser().parse(new ByteArrayInputStream(rtf.getBytes(StandardCharsets.ISO_8859_1)),
                        handler, new Metadata(), new ParseContext());
            } catch (SAXException e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e;
                }
            }
            return handler.toString();
        } catch (Exception e) {
            message.problem("unreadable RTF body: " + e.getMessage());
            return "";
        }
    }
}

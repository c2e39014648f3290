package io.liaison.content.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.AddressListField;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.MailboxListField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.dom.field.UnstructuredField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Reads the header fields of a message into a {@link MessageBuilder}, leniently: RFC 2047 encoded words are
 * decoded, an unreadable address or date becomes a problem note, never a failure.
 */
final class MimeHeaders {
    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private MimeHeaders() {
    }

    static void apply(Field rawField, MessageBuilder message, DecodeMonitor monitor) {
        Field field = eightBit(rawField);
        String name = field.getName().toLowerCase(Locale.ROOT);
        switch (name) {
            case "subject" -> message.subject = unstructured(field, monitor).strip();
            case "from" -> from(field, message, monitor);
            case "to" -> addresses(field, message.to, message, monitor);
            case "cc" -> addresses(field, message.cc, message, monitor);
            case "date" -> date(field, message, monitor);
            case "received" -> received(field, message);
            case "message-id" -> message.messageId = ids(field.getBody()).stream().findFirst()
                    .orElse(field.getBody() == null ? "" : field.getBody().strip());
            case "in-reply-to" -> message.inReplyTo = ids(field.getBody()).stream().findFirst();
            case "references" -> message.references = ids(field.getBody());
            case "auto-submitted", "x-autoreply", "x-autorespond", "precedence", "content-type" ->
                    AutomatedMail.fromHeader(name, field.getBody()).ifPresent(message::automated);
            default -> {
                // other fields do not concern the import
            }
        }
    }

    /**
     * A field whose raw bytes are not UTF-8 (unencoded 8-bit headers, as old clients and converters write them)
     * read again as Windows-1252, the superset of Latin-1 those clients use; any other field as it is.
     */
    static Field eightBit(Field field) {
        String body = field.getBody();
        if (body == null || body.indexOf('\uFFFD') < 0 || field.getRaw() == null) {
            return field;
        }
        String text = new String(field.getRaw().toByteArray(), WINDOWS_1252);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return field;
        }
        return new RawField(field.getName(), MimeUtil.unfold(text.substring(colon + 1)).strip());
    }

    /** The Message-IDs in a header body, without angle brackets. */
    static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        if (body != null) {
            Matcher m = MESSAGE_ID.matcher(body);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static String unstructured(Field field, DecodeMonitor monitor) {
        ParsedField parsed = LenientFieldParser.getParser().parse(field, monitor);
        return parsed instanceof UnstructuredField u && u.getValue() != null ? u.getValue() : "";
    }

    private static void from(Field field, MessageBuilder message, DecodeMonitor monitor) {
        ParsedField parsed = LenientFieldParser.getParser().parse(field, monitor);
        MailboxList list = parsed instanceof MailboxListField f ? f.getMailboxList() : null;
        if (list == null || list.isEmpty()) {
            message.problem("unreadable From header");
            return;
        }
        Mailbox first = list.get(0);
        message.fromName = first.getName() == null ? "" : first.getName().strip();
        String address = salvage(first.getAddress());
        if (isAddress(address)) {
            message.from = address;
        } else {
            message.from = "";
            if (message.fromName.isEmpty()) {
                message.fromName = first.getLocalPart() == null ? "" : first.getLocalPart().strip();
            }
            message.problem("the sender has no e-mail address");
        }
    }

    private static void addresses(Field field, Set<String> into, MessageBuilder message, DecodeMonitor monitor) {
        ParsedField parsed = LenientFieldParser.getParser().parse(field, monitor);
        AddressList list = parsed instanceof AddressListField f ? f.getAddressList() : null;
        if (list == null) {
            message.problem("unreadable " + field.getName() + " header");
            return;
        }
        for (Mailbox mailbox : list.flatten()) {
            String address = salvage(mailbox.getAddress());
            if (!isAddress(address)) {
                message.problem("a recipient without an e-mail address was left out");
            } else {
                message.addRecipient(into, address);
            }
        }
    }

    /**
     * The address inside angle brackets when the lenient parser kept a whole unquoted {@code 'name@x' <name@x>}
     * (as Outlook writes display names that are addresses) as the address.
     */
    static String salvage(String address) {
        if (address == null) {
            return null;
        }
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        return open >= 0 && close > open + 1 ? address.substring(open + 1, close).strip() : address;
    }

    /** Whether {@code address} is an e-mail address (a local part alone, as some senders write, is not). */
    static boolean isAddress(String address) {
        return address != null && address.indexOf('@') > 0 && address.indexOf('@') < address.length() - 1;
    }

    private static void date(Field field, MessageBuilder message, DecodeMonitor monitor) {
        message.dateSeen = true;
        // a zone name would be read as UTC: its numeric offset first (RFC 5322 4.3)
        Field dated = DateZones.numeric(field.getBody()).<Field>map(body -> new RawField(field.getName(), body))
                .orElse(field);
        ParsedField parsed = LenientFieldParser.getParser().parse(dated, monitor);
        if (parsed instanceof DateTimeField f && f.getDate() != null) {
            message.sentAt = Optional.of(Instant.ofEpochMilli(f.getDate().getTime()));
        } else {
            message.problem("unreadable Date header '" + TextDecoding.shorten(String.valueOf(field.getBody()).strip())
                    + "'");
        }
    }

    /**
     * A Received field's date, after its last ';' (RFC 5322 3.6.7), the newest of them kept: when the last mail server
     * took the message. An unreadable one is passed over without a note: servers write odd ones, and the Date header
     * is what the import notes about.
     */
    private static void received(Field field, MessageBuilder message) {
        String body = field.getBody() == null ? "" : MimeUtil.unfold(field.getBody());
        int semicolon = body.lastIndexOf(';');
        if (semicolon < 0) {
            return;
        }
        String date = body.substring(semicolon + 1).strip();
        ParsedField parsed = LenientFieldParser.getParser().parse(new RawField("Date",
                DateZones.numeric(date).orElse(date)), DecodeMonitor.SILENT);
        if (parsed instanceof DateTimeField f && f.getDate() != null) {
            Instant at = Instant.ofEpochMilli(f.getDate().getTime());
            if (message.receivedAt.isEmpty() || at.isAfter(message.receivedAt.get())) {
                message.receivedAt = Optional.of(at);
            }
        }
    }
}

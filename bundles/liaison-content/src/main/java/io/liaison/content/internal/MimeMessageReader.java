package io.liaison.content.internal;

import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a MIME message in one streaming pass with mime4j: headers into fields, the first text and HTML
 * parts into bodies, every other part into a spooled attachment. A {@code message/rfc822} part is spooled
 * as an attachment too (a forwarded mail is a document of its own) and then read from the spool as an
 * embedded message, one level deeper, within the run's limits.
 */
final class MimeMessageReader {
    private final AttachmentSpooler spooler;

    MimeMessageReader(AttachmentSpooler spooler) {
        this.spooler = spooler;
    }

    ParsedMessage read(InputStream in, ParseRun run) throws IOException, MimeException {
        return parse(in, run, 0).result;
    }

    private Handler parse(InputStream in, ParseRun run, int depth) throws IOException, MimeException {
        ParseLimits limits = run.limits();
        MimeConfig config = new MimeConfig.Builder()
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen(limits.maxHeaderLength())
                .setMaxLineLen(limits.maxLineLength())
                .setMaxNestingDepth(limits.maxMultipartDepth() + limits.maxDepth() + 1)
                .build();
        ProblemMonitor monitor = new ProblemMonitor();
        MimeStreamParser parser = new MimeStreamParser(config, monitor,
                new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), monitor));
        parser.setContentDecoding(true);
        // forwarded mails come to body() raw, to be kept as documents and read one level deeper from the spool
        parser.setNoRecurse();
        Handler handler = new Handler(run, monitor, depth);
        parser.setContentHandler(handler);
        parser.parse(in);
        if (handler.result == null) {
            throw new MimeException("no message found");
        }
        return handler;
    }

    /** Records what mime4j warns about (broken encodings, premature ends) as problems of the message. */
    static final class ProblemMonitor extends DecodeMonitor {
        MessageBuilder current;

        @Override
        public boolean warn(String message, String dropDesc) {
            // bare LFs and odd soft line breaks are everyday encoding slips that change nothing a reader sees
            if (current != null && message != null && !message.startsWith("Found LF without CR")
                    && !message.startsWith("Found non-standard soft line break")) {
                current.problem(TextDecoding.shorten(message));
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    private final class Handler extends AbstractContentHandler {
        private final ParseRun run;
        private final ProblemMonitor monitor;
        private final Deque<MessageBuilder> messages = new ArrayDeque<>();
        private final Deque<Integer> multipartDepths = new ArrayDeque<>();
        private final Deque<String> multipartTypes = new ArrayDeque<>();
        private int multipartDepth;
        private boolean inMessageHeader;
        private final int depth;
        private int partIndex;
        ParsedMessage result;

        Handler(ParseRun run, ProblemMonitor monitor, int depth) {
            this.run = run;
            this.monitor = monitor;
            this.depth = depth;
        }

        @Override
        public void startMessage() {
            run.checkDeadline();
            if (depth + messages.size() > run.limits().maxDepth()) {
                throw new LimitExceededException("messages nested deeper than the limit of "
                        + run.limits().maxDepth() + " levels");
            }
            MessageBuilder message = new MessageBuilder(run.limits().maxTextChars());
            messages.push(message);
            multipartDepths.push(multipartDepth);
            multipartDepth = 0;
            monitor.current = message;
            inMessageHeader = true;
        }

        @Override
        public void endMessage() {
            MessageBuilder message = messages.pop();
            multipartDepth = multipartDepths.pop();
            ParsedMessage parsed = message.build();
            if (messages.isEmpty()) {
                result = parsed;
            } else {
                messages.peek().embedded.add(parsed);
                monitor.current = messages.peek();
            }
        }

        /** The Content-Disposition and Content-Type fields of the part being read, raw. */
        private Field partDisposition;
        private Field partContentType;

        @Override
        public void startMultipart(BodyDescriptor bd) {
            multipartDepth++;
            String type = bd.getMimeType() == null ? "" : bd.getMimeType().toLowerCase(Locale.ROOT);
            multipartTypes.push(ReturnedMessage.isDeliveryReport(bd) ? ReturnedMessage.DELIVERY_REPORT : type);
            if (multipartDepth > run.limits().maxMultipartDepth()) {
                throw new LimitExceededException("multiparts nested deeper than the limit of "
                        + run.limits().maxMultipartDepth() + " levels");
            }
        }

        @Override
        public void endMultipart() {
            multipartDepth--;
            multipartTypes.poll();
        }

        @Override
        public void field(Field field) {
            if (inMessageHeader) {
                MimeHeaders.apply(field, messages.peek(), monitor);
            }
            // the part's own fields, for a file name written in raw 8-bit bytes (see partFileName)
            String name = field.getName() == null ? "" : field.getName().toLowerCase(Locale.ROOT);
            if (name.equals("content-disposition")) {
                partDisposition = field;
            } else if (name.equals("content-type")) {
                partContentType = field;
            }
        }

        @Override
        public void startHeader() {
            partDisposition = null;
            partContentType = null;
        }

        @Override
        public void endHeader() {
            inMessageHeader = false;
        }

        /**
         * A file name mime4j decoded with replacement characters: raw 8-bit bytes that are not UTF-8 (old clients and
         * scanners write Windows-1252 names without RFC 2231 or RFC 2047). Read again from the part's raw fields the
         * way header values are ({@link MimeHeaders#eightBit}), else as it is.
         */
        private String partFileName(String decoded) {
            if (decoded.indexOf('\uFFFD') < 0) {
                return decoded;
            }
            String repaired = null;
            if (partDisposition != null && LenientFieldParser.getParser().parse(MimeHeaders.eightBit(partDisposition),
                    monitor) instanceof ContentDispositionField d) {
                repaired = d.getFilename();
            }
            if ((repaired == null || repaired.isBlank()) && partContentType != null && LenientFieldParser.getParser()
                    .parse(MimeHeaders.eightBit(partContentType), monitor) instanceof ContentTypeField t) {
                repaired = t.getParameter("name");
            }
            return repaired == null || repaired.isBlank() ? decoded : decodeName(repaired);
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            run.checkDeadline();
            MessageBuilder message = messages.peek();
            String mimeType = bd.getMimeType() == null ? "" : bd.getMimeType().toLowerCase(Locale.ROOT);
            String disposition = "";
            String fileName = "";
            if (bd instanceof MaximalBodyDescriptor md) {
                disposition = md.getContentDispositionType() == null ? ""
                        : md.getContentDispositionType().toLowerCase(Locale.ROOT);
                fileName = md.getContentDispositionFilename();
                if (fileName == null || fileName.isBlank()) {
                    fileName = md.getContentTypeParameters().get("name");
                }
            }
            fileName = partFileName(decodeName(fileName));
            String contentId = bd instanceof MaximalBodyDescriptor md ? md.getContentId() : null;
            boolean attachment = disposition.equals("attachment") || !fileName.isEmpty();
            int maxChars = run.limits().maxTextChars();
            if (mimeType.equals("message/rfc822") || mimeType.equals("message/global")) {
                partIndex++;
                embed(message, spooler.spool(is, fileName, partIndex, run), fileName.isEmpty());
                if (ReturnedMessage.DELIVERY_REPORT.equals(multipartTypes.peek()) && !message.embedded.isEmpty()) {
                    // the returned mail itself (RFC 3464 section 2, third part): its Message-ID names it
                    ReturnedMessage.note(message, message.embedded.get(message.embedded.size() - 1).messageId());
                }
            } else if (SecureMime.isPkcs7Mime(mimeType)) {
                partIndex++;
                pkcs7(message, spooler.spool(is, fileName, partIndex, run));
            } else if (SecureMime.isSignature(mimeType) && "multipart/signed".equals(multipartTypes.peek())) {
                // the signature of a clear-signed mail: part of the original, no document of its own
                TextDecoding.drain(is);
            } else if ("multipart/encrypted".equals(multipartTypes.peek())) {
                // PGP/MIME (RFC 3156): a control part ("Version: 1") and the encrypted mail, neither readable
                message.encrypted("PGP/MIME");
                TextDecoding.drain(is);
            } else if (!attachment && mimeType.equals("text/plain")) {
                message.appendText(TextDecoding.read(is, bd.getCharset(), maxChars, message.problems));
            } else if (!attachment && mimeType.equals("text/html") && !message.hasHtml()) {
                message.setHtml(TextDecoding.read(is, bd.getCharset(), maxChars, message.problems));
            } else if (!attachment && mimeType.equals("text/html") && "multipart/mixed".equals(multipartTypes.peek())) {
                // the next piece of a body sent in pieces (Apple Mail), not a document named attachment-2.html
                message.appendHtmlFragment(TextDecoding.read(is, bd.getCharset(), maxChars, message.problems));
            } else if (!attachment && mimeType.equals("text/calendar")
                    && "multipart/alternative".equals(multipartTypes.peek())) {
                // an invitation (iMIP, RFC 6047): Outlook sends the meeting as the calendar rendering of the body;
                // it is the part the recipient acts on, so it is kept as a document, not dropped with the renderings
                partIndex++;
                message.attachments.add(spooler.spool(is, fileName.isEmpty() ? "invitation.ics" : fileName,
                        partIndex, run));
            } else if (!attachment && "multipart/alternative".equals(multipartTypes.peek())) {
                // another rendering of the body (RTF, a second HTML): not a document of its own
                TextDecoding.drain(is);
            } else if (!attachment && mimeType.equals("text/enriched")) {
                // a body sent only as enriched text (RFC 1896): its text, not a document named attachment-1.txt
                message.appendText(EnrichedText.toText(TextDecoding.read(is, bd.getCharset(), maxChars,
                        message.problems)));
            } else {
                partIndex++;
                SpooledAttachment spooled = spooler.spool(is, fileName, partIndex, run);
                if (TnefAttachments.isTnef(mimeType, spooled.mediaType())) {
                    TnefAttachments.unpack(spooled, message, spooler, run, () -> ++partIndex);
                } else {
                    message.attachments.add(spooled.withContentId(contentId));
                    if (mimeType.equals("text/rfc822-headers")
                            && ReturnedMessage.DELIVERY_REPORT.equals(multipartTypes.peek())) {
                        // only the returned mail's header (RFC 6522 section 4): still a document, and it names the mail
                        ReturnedMessage.note(message, ReturnedMessage.messageIdIn(spooled));
                    }
                    if (message.hasHtml() && !disposition.equals("attachment") && spooled.mediaType().startsWith("image/")
                            && "multipart/mixed".equals(multipartTypes.peek())) {
                        message.imageAfterHtml(spooled);
                    }
                }
            }
            TextDecoding.drain(is);
        }

        /**
         * An S/MIME part: an opaque-signed mail is unwrapped and read as this message's content (the part itself is
         * in the original); an encrypted one is noted; anything else (a certificate bundle) stays a document.
         */
        private void pkcs7(MessageBuilder message, SpooledAttachment p7m) throws IOException {
            switch (SecureMime.contentOf(p7m)) {
                case ENCRYPTED -> {
                    message.encrypted("S/MIME");
                    p7m.close();
                }
                case SIGNED -> unwrapSigned(message, p7m);
                default -> message.attachments.add(p7m);
            }
        }

        private void unwrapSigned(MessageBuilder message, SpooledAttachment p7m) {
            if (depth + messages.size() + 1 > run.limits().maxDepth()) {
                throw new LimitExceededException("messages nested deeper than the limit of "
                        + run.limits().maxDepth() + " levels");
            }
            SecureMime.Unwrapped unwrapped;
            try {
                unwrapped = SecureMime.unwrap(p7m, in -> parse(in, run, depth + messages.size()).result);
            } catch (IOException | MimeException | RuntimeException e) {
                if (e instanceof LimitExceededException limit) {
                    throw limit;
                }
                message.attachments.add(p7m);
                message.problem("the signed content of '" + p7m.fileName() + "' could not be read: "
                        + TextDecoding.shorten(String.valueOf(e.getMessage())));
                return;
            }
            message.absorb(unwrapped.inner());
            unwrapped.signatureProblem().ifPresent(message::problem);
            p7m.close();
        }

        /** Reads a spooled forwarded mail as an embedded message; keeps the raw mail as an attachment. */
        private void embed(MessageBuilder message, SpooledAttachment raw, boolean nameMadeUp) throws IOException {
            if (depth + messages.size() + 1 > run.limits().maxDepth()) {
                throw new LimitExceededException("messages nested deeper than the limit of "
                        + run.limits().maxDepth() + " levels");
            }
            ParsedMessage embedded;
            try (InputStream nested = raw.open()) {
                embedded = parse(nested, run, depth + messages.size()).result;
            } catch (MimeException e) {
                message.attachments.add(raw);
                message.problem("an attached message could not be read: " + TextDecoding.shorten(e.getMessage()));
                return;
            }
            message.embedded.add(embedded);
            message.attachments.add(nameMadeUp && !embedded.subject().isBlank()
                    ? raw.renamed(AttachmentSpooler.safeName(embedded.subject()) + ".eml") : raw);
        }

        private String decodeName(String name) {
            if (name == null) {
                return "";
            }
            String decoded = name.contains("=?") ? DecoderUtil.decodeEncodedWords(name, monitor) : name;
            return decoded.strip();
        }
    }
}

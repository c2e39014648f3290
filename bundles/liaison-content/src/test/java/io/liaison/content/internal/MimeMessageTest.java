package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.content.MessageParseException;
import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIME parsing: decoding, bodies, attachments, problems, and every limit. */
class MimeMessageTest {
    @TempDir
    Path spool;

    private MessageParserComponent parser(ParseLimits limits) {
        return new MessageParserComponent(limits, spool);
    }

    private ParsedMessage parse(String message) {
        return parser(ParseLimits.DEFAULTS).parse(GeneratedMessages.of(message), "message/rfc822", "test.eml");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // before: de-duplicated in a list, 91,020 recipients took 6.5 s, all kept
    void seventyFiveThousandRecipientsAreDeDuplicatedInLinearTimeAndCapped() {
        // as many as mime4j's 1 MB of headers per message allows: 150 headers of 500 short addresses
        StringBuilder message = new StringBuilder("From: a@k.io\nSubject: Viele\nDate: Mon, 7 Dec 2026 10:00:00 +0100\n");
        int n = 0;
        for (int header = 0; header < 150; header++) {
            // the first To header names 0@k.io twice
            message.append(header % 2 == 0 ? "To: " : "Cc: ").append(header == 0 ? "0@k.io," : "");
            for (int i = 0; i < 500; i++, n++) {
                message.append(i == 0 ? "" : ",").append(n).append("@k.io");
            }
            message.append('\n');
        }
        message.append("\nText\n");

        try (ParsedMessage m = parse(message.toString())) {
            assertThat(m.to().size() + m.cc().size()).isEqualTo(MessageBuilder.MAX_RECIPIENTS);
            // To and Cc headers of 500 each alternate: the first two fill the 1000
            assertThat(m.to()).hasSize(500).startsWith("0@k.io", "1@k.io").endsWith("499@k.io").doesNotHaveDuplicates();
            assertThat(m.cc()).hasSize(500).startsWith("500@k.io").endsWith("999@k.io");
            assertThat(m.problems()).contains("more than 1000 recipients; the others were left out");
        }
    }

    @Test
    void aBareCrInAnEncodedSubjectOrNameCannotStartALineOfItsOwn() {
        // issue 20: the encoded word decodes to "Angebot" CR "URL:https://evil.example/login"; written into an
        // iCalendar SUMMARY as it was, the CR would begin a URL property that Liaison reads back as its CRM link
        String message = "From: =?UTF-8?Q?Eve=0DX-LIAISON-CRM-ID=3A7?= <eve@example.com>\n"
                + "Subject: =?UTF-8?Q?Angebot=0DURL:https://evil.example/login?=\n"
                + "Date: Mon, 7 Dec 2026 10:00:00 +0100\n"
                + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "first=0Dsecond=0D=0Athird=07\n";
        try (ParsedMessage m = parse(message)) {
            assertThat(m.subject()).isEqualTo("Angebot URL:https://evil.example/login");
            assertThat(m.fromName()).isEqualTo("Eve X-LIAISON-CRM-ID:7");
            assertThat(m.text()).isEqualTo("first\nsecond\nthird");
            assertThat(m.subject() + m.fromName() + m.text()).doesNotContain("\r").doesNotContain("\u0007");
        }
    }

    @Test
    void decodesEncodedWordsAddressesIdsAndDate() {
        String message = "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>\n"
                + "To: a@example.com, \"B, C\" <b@example.com>\nCc: group: c@example.com, d@example.com;\n"
                + "Subject: =?ISO-8859-1?Q?Angebot_f=FCr_B=FCrost=FChle?=\n"
                + "Date: Mon, 2 Mar 2026 09:15:00 +0100\nMessage-ID: <abc@example.de>\n"
                + "In-Reply-To: <prev@example.de>\nReferences: <first@example.de> <prev@example.de>\n"
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\nGr=C3=BC=C3=9Fe\n--x\n"
                + "Content-Type: application/pdf; name=\"=?UTF-8?B?UmVjaG51bmcgTcOkcnoucGRm?=\"\n"
                + "Content-Disposition: attachment\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcOkw7zDtsOf\n--x--\n";
        try (ParsedMessage m = parse(message)) {
            assertThat(m.from()).isEqualTo("juergen@example.de");
            assertThat(m.fromName()).isEqualTo("Jürgen Müller");
            assertThat(m.to()).containsExactly("a@example.com", "b@example.com");
            assertThat(m.cc()).containsExactly("c@example.com", "d@example.com");
            assertThat(m.subject()).isEqualTo("Angebot für Bürostühle");
            assertThat(m.sentAt()).contains(Instant.parse("2026-03-02T08:15:00Z"));
            assertThat(m.messageId()).isEqualTo("abc@example.de");
            assertThat(m.inReplyTo()).contains("prev@example.de");
            assertThat(m.references()).containsExactly("first@example.de", "prev@example.de");
            assertThat(m.text()).isEqualTo("Grüße");
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName, ParsedAttachment::mediaType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Rechnung März.pdf", "application/pdf"));
            assertThat(m.problems()).isEmpty();
        }
    }

    @Test
    void readsABrokenCharsetWithAFallbackAndSaysSo() {
        byte[] latin1 = "Gr\u00fc\u00dfe".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String message = GeneratedMessages.headers("charset") + "Content-Type: text/plain; charset=x-no-such-charset\n\n";
        byte[] bytes = concat(message.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII), latin1);
        try (ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(new java.io.ByteArrayInputStream(bytes),
                "message/rfc822", "charset.eml")) {
            assertThat(m.text()).isEqualTo("Grüße");
            assertThat(m.problems()).anyMatch(p -> p.contains("unknown charset 'x-no-such-charset'"));
        }
    }

    /**
     * Windows-1252 text labelled ISO-8859-1, as Outlook and many web mailers send it. The expected characters are
     * what the WHATWG Encoding Standard (which maps the label "iso-8859-1" to windows-1252) and every mail client
     * show: before, the euro sign, the German quotes and the dash were C1 control characters and were dropped.
     */
    @Test
    void textLabelledIso88591IsReadAsWindows1252InBodyAndEncodedWords() {
        byte[] body = {'P', 'r', 'e', 'i', 's', ' ', (byte) 0x80, ' ', '1', '0', '0', ' ', (byte) 0x96, ' ',
                (byte) 0x84, 'f', 'e', 's', 't', (byte) 0x93};
        String message = "From: =?ISO-8859-1?Q?J=FCrgen_=84Sch=E4fer=93?= <js@example.com>\n"
                + "Subject: =?iso-8859-1?Q?Angebot_=80_100_=96_gilt_bis_Freitag?=\n"
                + "Message-ID: <cp1252@example.com>\nDate: Mon, 2 Mar 2026 09:15:00 +0100\n"
                + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n";
        byte[] bytes = concat(message.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII), body);
        try (ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(new java.io.ByteArrayInputStream(bytes),
                "message/rfc822", "cp1252.eml")) {
            assertThat(m.subject()).isEqualTo("Angebot \u20ac 100 \u2013 gilt bis Freitag");
            assertThat(m.fromName()).isEqualTo("J\u00fcrgen \u201eSch\u00e4fer\u201c");
            assertThat(m.text()).isEqualTo("Preis \u20ac 100 \u2013 \u201efest\u201c");
            assertThat(m.problems()).isEmpty();
        }
    }

    @Test
    void utf8LabelledIso88591IsReadAsUtf8AndSaysSo() {
        byte[] body = "Grüße aus Köln – 5 €".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String message = GeneratedMessages.headers("mislabelled") + "Content-Type: text/plain; charset=ISO-8859-1\n"
                + "Content-Transfer-Encoding: 8bit\n\n";
        byte[] bytes = concat(message.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII), body);
        try (ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(new java.io.ByteArrayInputStream(bytes),
                "message/rfc822", "mislabelled.eml")) {
            assertThat(m.text()).isEqualTo("Grüße aus Köln – 5 €");
            assertThat(m.problems()).anyMatch(p -> p.contains("labelled 'ISO-8859-1' is UTF-8"));
        }
    }

    /**
     * Tika's own password-protected workbook (testEXCEL_protected_passtika.xlsx, from its test jar) as an attachment:
     * Tika detects it as its internal type application/x-tika-ooxml-protected, which a CRM or browser does not know;
     * it is stored as the spreadsheet type its extension gives (IANA's type for .xlsx), and the message says that
     * its text cannot be read. Before, the internal type was stored and nothing was said.
     */
    @Test
    void aPasswordProtectedWorkbookKeepsItsPublicTypeAndTheMessageSaysItIsProtected() {
        byte[] workbook = TestCorpus.document("test-documents", "testEXCEL_protected_passtika.xlsx").bytes();
        String message = GeneratedMessages.headers("protected")
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nAnbei.\n"
                + "--b\nContent-Type: application/octet-stream\n"
                + "Content-Disposition: attachment; filename=\"Kalkulation.xlsx\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + java.util.Base64.getMimeEncoder().encodeToString(workbook).replace("\r\n", "\n") + "\n--b--\n";
        try (ParsedMessage m = parse(message)) {
            assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.mediaType())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            assertThat(m.problems()).contains("attachment 'Kalkulation.xlsx' is password-protected: its text cannot "
                    + "be read");
        }
    }

    /**
     * Attachment names written as raw 8-bit bytes (no RFC 2231 or RFC 2047 encoding), as old clients and some
     * scanners do: in UTF-8 and in Windows-1252. The name is repaired the way header values are (UTF-8 when the
     * bytes are valid UTF-8, else Windows-1252), not stored with replacement characters.
     */
    @Test
    void rawEightBitAttachmentNamesAreRepairedLikeHeaders() {
        for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.UTF_8,
                java.nio.charset.Charset.forName("windows-1252"))) {
            String head = GeneratedMessages.headers("names")
                    + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nAnbei.\n"
                    + "--b\nContent-Type: application/pdf; name=\"";
            String name = "Übersicht Straße – März.pdf";
            String tail = "\"\nContent-Disposition: attachment; filename=\"" + name
                    + "\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n";
            byte[] bytes = concat(concat(head.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    name.getBytes(charset)), tail.replace("\n", "\r\n").getBytes(charset));
            try (ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(new java.io.ByteArrayInputStream(bytes),
                    "message/rfc822", "names.eml")) {
                assertThat(m.attachments()).as(charset.name()).singleElement()
                        .satisfies(a -> assertThat(a.fileName()).isEqualTo(name));
            }
        }
    }

    @Test
    void aMissingDateIsAProblemNotAFailure() {
        try (ParsedMessage m = parse("From: a@example.com\nSubject: no date\n\nbody\n")) {
            assertThat(m.sentAt()).isEmpty();
            assertThat(m.problems()).contains("no Date header");
            assertThat(m.text()).isEqualTo("body");
        }
    }

    @Test
    void aTruncatedRealMessageKeepsWhatItHasAndSaysItEndedEarly() {
        TestCorpus.Document doc = TestCorpus.document("test-documents", "testRFC822-multipart");
        byte[] cut = Arrays.copyOf(doc.bytes(), doc.bytes().length * 2 / 3);
        try (ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(new java.io.ByteArrayInputStream(cut),
                "message/rfc822", "cut.eml")) {
            assertThat(m.subject()).isEqualTo("Test Multi Part Message");
            assertThat(m.problems()).anyMatch(p -> p.toLowerCase().contains("prematurely")
                    || p.toLowerCase().contains("unexpected end"));
        }
    }

    @Test
    void sanitisesHtmlAndDerivesTextWhenThereIsNoTextPart() {
        String html = "<html><head><style>p{}</style><script>alert(1)</script></head><body>"
                + "<p onclick=\"steal()\">Hello <b>Bob</b></p><img src=\"http://tracker.example/p.gif\">"
                + "<img src=\"cid:logo\"><a href=\"javascript:evil()\">x</a><a href=\"https://ok.example\">ok</a>"
                + "<div>Line two</div></body></html>";
        try (ParsedMessage m = parse(GeneratedMessages.headers("html") + "Content-Type: text/html; charset=UTF-8\n\n"
                + html + "\n")) {
            assertThat(m.html()).doesNotContain("script", "onclick", "tracker.example", "javascript:", "style")
                    .contains("<b>Bob</b>", "cid:logo", "https://ok.example", "nofollow");
            assertThat(m.text()).isEqualTo("Hello Bob\nxok\nLine two");
        }
    }

    @Test
    void aForwardedMailIsBothAnEmbeddedMessageAndAnAttachmentOfItsOwn() throws IOException {
        try (ParsedMessage m = parse(GeneratedMessages.nested(1))) {
            assertThat(m.embeddedMessages()).extracting(ParsedMessage::subject).containsExactly("level 1");
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName, ParsedAttachment::mediaType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("level 1.eml", "message/rfc822"));
            try (java.io.InputStream raw = m.attachments().get(0).open()) {
                assertThat(new String(raw.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("Subject: level 1").contains("innermost");
            }
        }
    }

    @Test
    void bytesWithoutASingleHeaderFieldAreNotAMessage() {
        assertThatThrownBy(() -> parser(ParseLimits.DEFAULTS).parse(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                "message/rfc822", "garbage.eml"))
                .isInstanceOf(MessageParseException.class)
                .hasMessageContaining("garbage.eml").hasMessageContaining("binary data");
    }

    @Test
    void deeplyNestedMessagesExceedTheDepthLimit() {
        try (ParsedMessage ok = parse(GeneratedMessages.nested(3))) {
            assertThat(ok.embeddedMessages().get(0).embeddedMessages().get(0).embeddedMessages().get(0).text())
                    .isEqualTo("innermost");
        }
        assertThatThrownBy(() -> parse(GeneratedMessages.nested(40)))
                .isInstanceOf(MessageParseException.class)
                .hasMessageContaining("test.eml").hasMessageContaining("nested deeper than the limit of 10");
    }

    @Test
    void tooManyAttachmentsExceedTheLimitAndReleaseTheSpooledOnes() throws IOException {
        StringBuilder message = new StringBuilder(GeneratedMessages.headers("many")
                + "Content-Type: multipart/mixed; boundary=x\n\n");
        for (int i = 0; i < 8; i++) {
            message.append("--x\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a").append(i)
                    .append(".txt\n\ncontent ").append(i).append('\n');
        }
        message.append("--x--\n");
        assertThatThrownBy(() -> parser(ParseLimits.DEFAULTS.withMaxAttachments(5))
                .parse(GeneratedMessages.of(message.toString()), "message/rfc822", "many.eml"))
                .isInstanceOf(MessageParseException.class).hasMessageContaining("many.eml")
                .hasMessageContaining("more than the limit of 5 attachments");
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMessageLargerThanTheLimitIsRejected() {
        assertThatThrownBy(() -> parser(ParseLimits.DEFAULTS.withMaxMessageBytes(1024 * 1024))
                .parse(GeneratedMessages.withGeneratedAttachment(2L * 1024 * 1024), "message/rfc822", "large.eml"))
                .isInstanceOf(MessageParseException.class)
                .hasMessageContaining("large.eml").hasMessageContaining("larger than the limit of 1048576 bytes");
    }

    @Test
    void anEndlessMessageHitsTheTimeLimit() {
        ParseLimits limits = ParseLimits.DEFAULTS.withMaxParseTime(Duration.ofSeconds(1)).withMaxMessageBytes(Long.MAX_VALUE);
        assertThatThrownBy(() -> parser(limits).parse(GeneratedMessages.endless(), "message/rfc822", "endless.eml"))
                .isInstanceOf(MessageParseException.class).hasMessageContaining("endless.eml")
                .hasMessageContaining("took longer than the limit of 1 s");
    }

    @Test
    void anOverlongHeaderExceedsTheLimit() {
        String message = "Subject: " + "x".repeat(200_000) + "\n\nbody\n";
        assertThatThrownBy(() -> parse(message)).isInstanceOf(MessageParseException.class)
                .hasMessageContaining("test.eml").hasMessageContaining("limit");
    }

    @Test
    void emptyAndBinaryGarbageGetAClearError() {
        assertThatThrownBy(() -> parser(ParseLimits.DEFAULTS).parse(InputStream.nullInputStream(), "message/rfc822", "empty.eml"))
                .isInstanceOf(MessageParseException.class).hasMessageContaining("empty.eml").hasMessageContaining("empty");
    }

    @Test
    void smallAttachmentsStayInMemoryWithinTheMessagesAllowanceTheOthersGoToFiles() throws IOException {
        int size = AttachmentSpooler.MEMORY_PER_ATTACHMENT;
        int count = (int) (ParseRun.MEMORY_PER_MESSAGE / size) + 2;
        StringBuilder message = new StringBuilder(GeneratedMessages.headers("many small")
                + "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nbody\n");
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[size];
            Arrays.fill(content, (byte) ('a' + i));
            message.append("--x\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
                    + "Content-Disposition: attachment; filename=a").append(i).append(".bin\n\n")
                    .append(Base64.getMimeEncoder().encodeToString(content)).append('\n');
        }
        message.append("--x\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=big.bin\n\n")
                .append(Base64.getMimeEncoder().encodeToString(new byte[size + 1])).append("\n--x--\n");

        try (ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(GeneratedMessages.of(message.toString()),
                "message/rfc822", "many-small.eml")) {
            assertThat(m.attachments()).hasSize(count + 1);
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files.count()).as("two beyond the allowance and the one larger than an attachment may be "
                        + "in memory").isEqualTo(3);
            }
            for (int i = 0; i < count; i++) {
                ParsedAttachment a = m.attachments().get(i);
                assertThat(a.size()).isEqualTo(size);
                try (InputStream in = a.open()) {
                    byte[] read = in.readAllBytes();
                    assertThat(read).hasSize(size);
                    assertThat(read[0]).isEqualTo((byte) ('a' + i));
                    assertThat(read[size - 1]).isEqualTo((byte) ('a' + i));
                }
            }
            assertThat(m.attachments().get(count).size()).isGreaterThan(size);
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files are deleted on close").isEmpty();
        }
    }

    @Test
    void aHundredMegabyteAttachmentIsSpooledToDiskNotHeld() throws IOException {
        long size = 100L * 1024 * 1024;
        ParsedMessage m = parser(ParseLimits.DEFAULTS).parse(GeneratedMessages.withGeneratedAttachment(size),
                "message/rfc822", "big.eml");
        try (m) {
            ParsedAttachment attachment = m.attachments().get(0);
            assertThat(attachment.size()).isEqualTo(size);
            assertThat(attachment.fileName()).isEqualTo("big.bin");
            assertThat(m.text()).isEqualTo("see attachment");
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files.toList()).singleElement().satisfies(p -> assertThat(Files.size(p)).isEqualTo(size));
            }
            try (InputStream in = attachment.open()) {
                in.skipNBytes(size - 3);
                byte[] last = in.readAllBytes();
                assertThat(last).containsExactly(GeneratedMessages.generated(size - 3),
                        GeneratedMessages.generated(size - 2), GeneratedMessages.generated(size - 1));
            }
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files are deleted on close").isEmpty();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

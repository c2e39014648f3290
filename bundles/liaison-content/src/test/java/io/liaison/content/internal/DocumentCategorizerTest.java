package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import io.liaison.api.domain.Classification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Categorisation of real documents from Tika's test jars, with bounded text extraction. */
class DocumentCategorizerTest {
    private final TikaDocumentCategorizer defaults = new TikaDocumentCategorizer(List.of(), 100_000, Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        defaults.close();
    }

    private static TikaDocumentCategorizer withWords(String category, String... words) {
        return new TikaDocumentCategorizer(List.of(new CategoryRule("test", List.of(), "", List.of(words), category,
                List.of("from-rule"), 1)), 100_000, Duration.ofSeconds(30));
    }

    @Test
    void readsTheWordsOfARealDocx() {
        TestCorpus.Document docx = TestCorpus.document("test-documents", "testWORD.docx");
        TikaDocumentCategorizer categorizer = withWords("Sample", "nested table");
        try {
            assertThat(categorizer.categorize(docx.fileName(),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.open()))
                    .isEqualTo(new Classification("Sample", List.of("from-rule", "nested table")));
        } finally {
            categorizer.close();
        }
    }

    @Test
    void readsTheWordsOfARealExcelSheet() {
        TestCorpus.Document xlsx = TestCorpus.document("test-documents", "testEXCEL.xlsx");
        TikaDocumentCategorizer categorizer = withWords("Squares", "Squares");
        try {
            assertThat(categorizer.categorize(xlsx.fileName(), "application/octet-stream", xlsx.open()).category())
                    .isEqualTo("Squares");
        } finally {
            categorizer.close();
        }
    }

    @Test
    void readsARealPdfAttachedToARealOutlookMessage() throws IOException {
        TestCorpus.Document msg = TestCorpus.document("test-documents", "testMSG_att_msg.msg");
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, null)
                .parse(msg.open(), "application/vnd.ms-outlook", msg.fileName())) {
            ParsedAttachment pdf = m.attachments().get(0);
            TikaDocumentCategorizer categorizer = withWords("Printed", "the", "a", "and", "of", "to", "in", "is");
            try (InputStream in = pdf.open()) {
                Classification c = categorizer.categorize(pdf.fileName(), pdf.mediaType(), in);
                assertThat(c.category()).as("words read from the PDF").isEqualTo("Printed");
            } finally {
                categorizer.close();
            }
        }
    }

    @Test
    void aRealPngIsAnImageByItsDetectedType() throws IOException {
        TestCorpus.Document eml = TestCorpus.document("test-documents", "testEmailWithPNGAtt.eml");
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, null)
                .parse(eml.open(), "message/rfc822", eml.fileName());
             InputStream png = m.attachments().get(0).open()) {
            assertThat(m.attachments().get(0).mediaType()).isEqualTo("image/png");
            assertThat(defaults.categorize("testPNG.png", "image/png", png))
                    .isEqualTo(new Classification("Image", List.of("Image")));
        }
    }

    @Test
    void aForwardedMailIsReadWithTheTextOfItsOwnAttachments() {
        String forwarded = String.join("\r\n",
                "From: kunde@example.com",
                "Subject: Fwd: Unterlagen",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Anbei die Unterlagen.",
                "--b1",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Disposition: attachment; filename=\"anhang.txt\"",
                "",
                "Quarterly figures for the steering committee",
                "--b1--",
                "");
        TikaDocumentCategorizer categorizer = withWords("Committee", "steering committee");
        try {
            // twice: the second call uses what the first one set up, with the same result
            for (int i = 0; i < 2; i++) {
                assertThat(categorizer.categorize("Fwd Unterlagen.eml", "message/rfc822",
                        new java.io.ByteArrayInputStream(forwarded.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .isEqualTo(new Classification("Committee", List.of("from-rule", "steering committee")));
            }
        } finally {
            categorizer.close();
        }
    }

    @Test
    void anInvitationIsACalendarInvitation() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Rechnung besprechen\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(defaults.categorize("invite.ics", "text/calendar",
                new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8))).category()).isEqualTo("Calendar invitation");
    }

    @Test
    void onlyTheBoundedStartOfAHugeTextIsRead() {
        TikaDocumentCategorizer small = new TikaDocumentCategorizer(List.of(), 10_000, Duration.ofSeconds(30));
        try {
            InputStream early = new SequenceInputStream(bytes("Rechnung Nr. 1\n"), filler(30_000_000));
            assertThat(small.categorize("a.txt", "text/plain", early).category()).isEqualTo("Invoice");
            InputStream late = new SequenceInputStream(filler(50_000), bytes("\nRechnung Nr. 1\n"));
            assertThat(small.categorize("b.txt", "text/plain", late)).isEqualTo(Classification.NONE);
        } finally {
            small.close();
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream filler(int size) {
        byte[] line = "lorem ipsum dolor sit amet\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < size ? line[position++ % line.length] : -1;
            }
        };
    }
}

package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.Categorization;
import io.liaison.api.content.ParsedMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Categorisation says what it could not read (issue 22 point 11): the files inside a zip, on Tika's real mails with
 * a plain and a password-protected test.zip (password "test", holding text.txt), and a scanned PDF (a page that is
 * a picture only, as a scanner writes it).
 */
class UnreadableAttachmentTest {
    @TempDir
    Path spool;

    private ParsedMessage parse(byte[] mail) {
        return new MessageParserComponent(ParseLimits.DEFAULTS, spool).parse(new ByteArrayInputStream(mail),
                "message/rfc822", "zip.eml");
    }

    @Test
    void theFilesInsideAZipAreNamed() {
        try (ParsedMessage m = parse(TestCorpus.document("test-documents", "testRFC822_normal_zip").bytes())) {
            assertThat(m.problems()).contains("archive 'test.zip' holds 1 file: text.txt");
        }
    }

    @Test
    void aPasswordProtectedZipSaysSo() {
        try (ParsedMessage m = parse(TestCorpus.document("test-documents", "testRFC822_encrypted_zip").bytes())) {
            assertThat(m.problems()).contains("archive 'test.zip' holds 1 file: text.txt; password-protected: their "
                    + "text cannot be read");
        }
    }

    @Test
    void aZipOfManyFilesIsNamedBoundedly() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("Belege/"));
            for (int i = 1; i <= 25; i++) {
                out.putNextEntry(new ZipEntry("Belege/Beleg-" + i + ".pdf"));
                out.write(("Beleg " + i).getBytes());
            }
        }
        String mail = GeneratedMessages.headers("Belege") + "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nDie Belege.\n--b\nContent-Type: application/zip; name=\"Belege.zip\"\n"
                + "Content-Disposition: attachment; filename=\"Belege.zip\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(zip.toByteArray()) + "\n--b--\n";
        try (ParsedMessage m = parse(mail.replace("\n", "\r\n").getBytes())) {
            assertThat(m.problems()).singleElement().asString()
                    .startsWith("archive 'Belege.zip' holds 25 files: Belege/Beleg-1.pdf, Belege/Beleg-2.pdf")
                    .contains("Belege/Beleg-20.pdf and 5 more").doesNotContain("Beleg-21");
        }
    }

    @Test
    void aScannedPdfSaysItsWordsCannotBeRead() throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(pdf);
        }
        TikaDocumentCategorizer categorizer = new TikaDocumentCategorizer(List.of(), 100_000, Duration.ofSeconds(30));
        try {
            Categorization c = categorizer.categorizeWithin("Rechnung-scan.pdf", "application/pdf",
                    new ByteArrayInputStream(pdf.toByteArray()), Instant.now().plusSeconds(30));
            assertThat(c.textProblem()).contains(TikaDocumentCategorizer.SCANNED_PDF);
        } finally {
            categorizer.close();
        }
    }
}

package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies as people see them (issue 22 point 10): an Outlook HTML mail whose signature shows two logos by
 * {@code cid:} (multipart/related, RFC 2387 and 2392) with a photo attached besides, and an Apple Mail body sent in
 * pieces (a multipart/mixed of HTML parts with an image between them, inside multipart/alternative).
 */
class InlineImageTest {
    @TempDir
    Path spool;

    private static String image(String format, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < size; x++) {
            image.setRGB(x, x, 0xFF0000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return Base64.getMimeEncoder().encodeToString(out.toByteArray());
    }

    private static String outlookMail() throws IOException {
        return GeneratedMessages.headers("Angebot") + "Content-Type: multipart/mixed; boundary=\"mixed\"\n\n"
                + "--mixed\nContent-Type: multipart/related; boundary=\"related\"; type=\"text/html\"\n\n"
                + "--related\nContent-Type: text/html; charset=\"us-ascii\"\n\n"
                + "<html><body><p>Anbei das Angebot.</p><p>Mit freundlichen Gr&uuml;&szlig;en<br>"
                + "<img width=\"120\" src=\"cid:image001.png@01DA4C1B.2F1E5A50\" alt=\"Logo\">"
                + "<img src=\"cid:image002.jpg@01DA4C1B.2F1E5A50\"></p></body></html>\n"
                + "--related\nContent-Type: image/png; name=\"image001.png\"\n"
                + "Content-Description: image001.png\nContent-Disposition: inline; filename=\"image001.png\"\n"
                + "Content-ID: <image001.png@01DA4C1B.2F1E5A50>\nContent-Transfer-Encoding: base64\n\n"
                + image("png", 16) + "\n"
                + "--related\nContent-Type: image/jpeg; name=\"image002.jpg\"\n"
                + "Content-Disposition: inline; filename=\"image002.jpg\"\n"
                + "Content-ID: <image002.jpg@01DA4C1B.2F1E5A50>\nContent-Transfer-Encoding: base64\n\n"
                + image("jpg", 16) + "\n--related--\n"
                + "--mixed\nContent-Type: image/jpeg; name=\"Baustelle.jpg\"\n"
                + "Content-Disposition: attachment; filename=\"Baustelle.jpg\"\nContent-Transfer-Encoding: base64\n\n"
                + image("jpg", 32) + "\n--mixed--\n";
    }

    private ParsedMessage parse(String mail, ParseLimits limits) {
        return new MessageParserComponent(limits, spool).parse(GeneratedMessages.of(mail), "message/rfc822", "m.eml");
    }

    @Test
    void imagesTheHtmlBodyShowsStayInItAndAnAttachedPhotoStaysADocument() throws IOException {
        try (ParsedMessage m = parse(outlookMail(), ParseLimits.DEFAULTS)) {
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName).containsExactly("Baustelle.jpg");
            assertThat(m.html()).contains("src=\"data:image/png;base64,").contains("src=\"data:image/jpeg;base64,")
                    .doesNotContain("cid:");
            assertThat(m.text()).contains("Anbei das Angebot.");
        }
    }

    @Test
    void imagesBeyondTheBodysAllowanceStayDocuments() throws IOException {
        // an allowance of 600 characters: the PNG logo (a few hundred characters in base64) fits, the JPEG (about 900) not
        try (ParsedMessage m = parse(outlookMail(), ParseLimits.DEFAULTS.withMaxTextChars(600))) {
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName)
                    .containsExactly("image002.jpg", "Baustelle.jpg");
            assertThat(m.html()).contains("data:image/png;base64,");
            assertThat(m.problems()).anyMatch(p -> p.startsWith("inline image 'image002.jpg' is kept as a document"));
        }
    }

    @Test
    void anAppleMailBodySentInPiecesIsJoinedWithItsImageInPlace() throws IOException {
        String mail = GeneratedMessages.headers("Fotos") + "X-Mailer: Apple Mail (2.3774.300.61.1.2)\n"
                + "Content-Type: multipart/alternative; boundary=\"Apple-Mail=_A1\"\n\n"
                + "--Apple-Mail=_A1\nContent-Transfer-Encoding: 7bit\nContent-Type: text/plain; charset=us-ascii\n\n"
                + "Hier das erste Bild:\n\nund der Rest des Textes.\n"
                + "--Apple-Mail=_A1\nContent-Type: multipart/mixed; boundary=\"Apple-Mail=_B2\"\n\n"
                + "--Apple-Mail=_B2\nContent-Transfer-Encoding: 7bit\nContent-Type: text/html; charset=us-ascii\n\n"
                + "<html><head></head><body style=\"overflow-wrap: break-word;\">Hier das erste Bild:<br>"
                + "</body></html>\n"
                + "--Apple-Mail=_B2\nContent-Disposition: inline; filename=IMG_0042.jpeg\n"
                + "Content-Type: image/jpeg; x-unix-mode=0644; name=\"IMG_0042.jpeg\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + image("jpg", 16) + "\n"
                + "--Apple-Mail=_B2\nContent-Transfer-Encoding: 7bit\nContent-Type: text/html; charset=us-ascii\n\n"
                + "<html><head></head><body style=\"overflow-wrap: break-word;\"><br>und der Rest des Textes."
                + "</body></html>\n--Apple-Mail=_B2--\n\n--Apple-Mail=_A1--\n";
        try (ParsedMessage m = parse(mail, ParseLimits.DEFAULTS)) {
            assertThat(m.attachments()).isEmpty();
            assertThat(m.html()).containsSubsequence("Hier das erste Bild:", "<img src=\"data:image/jpeg;base64,",
                    "und der Rest des Textes.");
        }
    }
}

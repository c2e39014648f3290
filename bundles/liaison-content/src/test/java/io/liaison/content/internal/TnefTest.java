package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * winmail.dat (TNEF, issue 22 point 6), on Tika's real {@code testWINMAIL.dat}: an Outlook mail "This is a test
 * message" with five attachments, quick.doc, quick.html, quick.pdf, quick.txt and quick.xml (as Tika's
 * TNEFParserTest lists them), and its body as compressed RTF.
 */
class TnefTest {
    @TempDir
    Path spool;

    private static final byte[] WINMAIL = TestCorpus.document("test-documents", "testWINMAIL.dat").bytes();

    private ParsedMessage parse(String body) {
        String mail = GeneratedMessages.headers("Test") + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + body
                + "--b1\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n"
                + "Content-Disposition: attachment; filename=\"winmail.dat\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(WINMAIL) + "\n--b1--\n";
        return new MessageParserComponent(ParseLimits.DEFAULTS, spool).parse(GeneratedMessages.of(mail),
                "message/rfc822", "winmail.eml");
    }

    @Test
    void theAttachmentsInsideWinmailDatBecomeTheMailsAttachments() throws Exception {
        try (ParsedMessage m = parse("--b1\nContent-Type: text/plain\n\nSee the files.\n")) {
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName)
                    .containsExactly("quick.doc", "quick.html", "quick.pdf", "quick.txt", "quick.xml");
            assertThat(m.attachments()).extracting(ParsedAttachment::mediaType).contains("application/msword",
                    "application/pdf");
            try (var in = m.attachments().get(3).open()) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("The quick brown fox");
            }
            assertThat(m.text()).isEqualTo("See the files.");
            assertThat(m.problems()).noneMatch(p -> p.contains("winmail"));
        }
    }

    @Test
    void theRtfBodyInsideWinmailDatIsTheBodyWhenTheMailHasNoOther() {
        try (ParsedMessage m = parse("")) {
            assertThat(m.text()).contains("These are five files.").contains("Five files from Hell!");
            assertThat(m.attachments()).hasSize(5);
        }
    }

    @Test
    void aWinmailDatThatCannotBeReadIsKeptWithANote() {
        String mail = GeneratedMessages.headers("Broken") + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain\n\nhi\n"
                + "--b1\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(java.util.Arrays.copyOf(WINMAIL, 3000)) + "\n--b1--\n";
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, spool)
                .parse(GeneratedMessages.of(mail), "message/rfc822", "broken.eml")) {
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName).containsExactly("winmail.dat");
            assertThat(m.problems()).anyMatch(p -> p.contains("'winmail.dat' (TNEF) cannot be read"));
        }
    }
}

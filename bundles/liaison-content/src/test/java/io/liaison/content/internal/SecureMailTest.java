package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed and encrypted mail (issue 22 point 5), on mails OpenSSL and GnuPG made (see secure-mail/README.md): each
 * carries the text "Das Angebot liegt bei." and the attachment angebot.csv.
 */
class SecureMailTest {
    @TempDir
    Path spool;

    private static byte[] mail(String name) throws IOException {
        try (InputStream in = SecureMailTest.class.getResourceAsStream("/secure-mail/" + name)) {
            return in.readAllBytes();
        }
    }

    private ParsedMessage parse(byte[] mail) {
        return new MessageParserComponent(ParseLimits.DEFAULTS, spool).parse(new ByteArrayInputStream(mail),
                "message/rfc822", "secure.eml");
    }

    @Test
    void aClearSignedMailsSignatureIsNoDocument() throws IOException {
        try (ParsedMessage m = parse(mail("clear-signed.eml"))) {
            assertThat(m.text()).isEqualTo("Das Angebot liegt bei.");
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName).containsExactly("angebot.csv");
        }
    }

    @Test
    void anOpaqueSignedMailIsUnwrappedAndItsIntactSignatureNotedAsNothing() throws IOException {
        try (ParsedMessage m = parse(mail("opaque-signed.eml"))) {
            assertThat(m.subject()).isEqualTo("Angebot (signiert)");
            assertThat(m.text()).isEqualTo("Das Angebot liegt bei.");
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName).containsExactly("angebot.csv");
            try (InputStream in = m.attachments().get(0).open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Beratung;1200");
            }
            assertThat(m.problems()).isEmpty();
        }
    }

    @Test
    void anOpaqueSignedMailChangedAfterSigningSaysSo() throws IOException {
        String raw = new String(mail("opaque-signed.eml"), StandardCharsets.US_ASCII);
        int body = raw.indexOf("\n\n") + 2;
        byte[] p7m = Base64.getMimeDecoder().decode(raw.substring(body).strip());
        String asLatin1 = new String(p7m, StandardCharsets.ISO_8859_1);
        int price = asLatin1.indexOf("1200");
        p7m[price] = '9'; // 9200 instead of 1200
        String tampered = raw.substring(0, body) + Base64.getMimeEncoder().encodeToString(p7m) + "\n";
        try (ParsedMessage m = parse(tampered.getBytes(StandardCharsets.US_ASCII))) {
            assertThat(m.text()).isEqualTo("Das Angebot liegt bei.");
            assertThat(m.problems()).containsExactly("the mail's S/MIME signature does not match its content: it was "
                    + "changed after it was signed");
        }
    }

    @Test
    void anSmimeEncryptedMailSaysItCannotBeReadAndStoresNoPart() throws IOException {
        try (ParsedMessage m = parse(mail("smime-encrypted.eml"))) {
            assertThat(m.text()).startsWith("Encrypted (S/MIME), content not readable.");
            assertThat(m.attachments()).isEmpty();
            assertThat(m.problems()).anyMatch(p -> p.startsWith("the mail is encrypted (S/MIME)"));
        }
    }

    @Test
    void aPgpMimeEncryptedMailSaysItCannotBeReadAndStoresNoControlPart() throws IOException {
        try (ParsedMessage m = parse(mail("pgp-encrypted.eml"))) {
            assertThat(m.text()).startsWith("Encrypted (PGP/MIME), content not readable.");
            assertThat(m.attachments()).isEmpty();
            assertThat(m.problems()).anyMatch(p -> p.startsWith("the mail is encrypted (PGP/MIME)"));
        }
    }
}

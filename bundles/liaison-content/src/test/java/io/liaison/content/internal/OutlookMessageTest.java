package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.content.MessageParseException;
import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Real Outlook .msg files from Tika's test jar, checked field by field against values Tika's own tests state.
 * (Tika's test documents hold no .msg together with the .eml of the same mail.)
 */
class OutlookMessageTest {
    private final MessageParserComponent parser = new MessageParserComponent(ParseLimits.DEFAULTS, null);

    private ParsedMessage parse(String fileName) {
        TestCorpus.Document doc = TestCorpus.document("test-documents", fileName);
        return parser.parse(doc.open(), "application/vnd.ms-outlook", fileName);
    }

    @Test
    void readsSenderRecipientsAndMessageIdFromAMailSentThroughTheInternet() {
        try (ParsedMessage m = parse("testMSG.msg")) {
            assertThat(m.subject()).isEqualTo("MIME registry use cases");
            assertThat(m.from()).isEqualTo("jukka.zitting@gmail.com");
            assertThat(m.fromName()).isEqualTo("Jukka Zitting");
            assertThat(m.to()).containsExactly("tika-dev@lucene.apache.org");
            assertThat(m.messageId()).isEqualTo("510143ac0901291116s5f368dfby9d6423ce61acc36a@mail.gmail.com");
            assertThat(m.sentAt()).isPresent();
            assertThat(m.text()).contains("type detection code");
            assertThat(m.problems()).isEmpty();
        }
    }

    @Test
    void readsAccentedNamesAndTheSubmitTime() {
        try (ParsedMessage m = parse("test-outlook.msg")) {
            assertThat(m.subject()).isEqualTo("Microsoft Outlook Express 6");
            assertThat(m.from()).isEqualTo("msoe@microsoft.com");
            assertThat(m.fromName()).isEqualTo("L'Équipe Microsoft Outlook Express");
            assertThat(m.sentAt()).contains(Instant.parse("2007-04-05T16:26:06Z"));
        }
    }

    @Test
    void parsesAnAttachedMsgAsAnEmbeddedMessageAndTypesThePdfByItsContent() throws Exception {
        try (ParsedMessage m = parse("testMSG_att_msg.msg")) {
            assertThat(m.subject()).isEqualTo("test email");
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName, ParsedAttachment::mediaType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Test Attachment.msg", "application/vnd.ms-outlook"),
                            org.assertj.core.groups.Tuple.tuple("smbprn.00009008.KdcPjl.pdf", "application/pdf"));
            try (InputStream in = m.attachments().get(1).open()) {
                assertThat(new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
            }
            assertThat(m.attachments().get(1).size()).isEqualTo(13539);
            assertThat(m.embeddedMessages()).hasSize(1);
            ParsedMessage embedded = m.embeddedMessages().get(0);
            assertThat(embedded.subject()).isEqualTo("Test Attachment");
            assertThat(embedded.text()).isEqualTo("Blah blah blah");
            assertThat(embedded.from()).isEqualTo("nick.booth@pof.com.au");
        }
    }

    @Test
    void anAttachedMsgIsAlsoKeptAsAMsgFileThatOutlookAndWeCanOpen() throws Exception {
        try (ParsedMessage m = parse("testMSG_att_msg.msg")) {
            ParsedAttachment stored = m.attachments().get(0);
            Path copy = Files.createTempFile("embedded", ".msg");
            try {
                try (InputStream in = stored.open()) {
                    Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                try (InputStream in = Files.newInputStream(copy);
                     ParsedMessage reread = parser.parse(in, "application/vnd.ms-outlook", "Test Attachment.msg")) {
                    assertThat(reread.subject()).isEqualTo("Test Attachment");
                    assertThat(reread.text()).isEqualTo("Blah blah blah");
                    assertThat(reread.from()).isEqualTo("nick.booth@pof.com.au");
                    assertThat(reread.problems()).isEqualTo(m.embeddedMessages().get(0).problems());
                }
                try (org.apache.poi.hsmf.MAPIMessage poi = new org.apache.poi.hsmf.MAPIMessage(copy.toFile())) {
                    assertThat(poi.getSubject()).isEqualTo("Test Attachment");
                }
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    @Test
    void keepsChineseTextAndSaysWhenOnlyAnExchangeAddressIsKnown() {
        try (ParsedMessage m = parse("testMSG_chinese.msg")) {
            assertThat(m.subject()).contains("格式測試");
            assertThat(m.messageId()).isEqualTo("EBB9951D34EA4B41B70AB946CF3FB6EC1A297D98@ftm02.FT.FTG.COM");
            assertThat(m.to()).containsExactly("tests.chang@fengttt.com");
            assertThat(m.from()).isEmpty();
            assertThat(m.problems()).anyMatch(p -> p.contains("no SMTP address"));
            assertThat(m.text()).contains("中文測試");
            assertThat(m.html()).isNotEmpty().doesNotContainIgnoringCase("<script");
        }
    }

    @Test
    void typesOfficeAttachmentsByContent() {
        try (ParsedMessage m = parse("testMSG_att_doc.msg")) {
            assertThat(m.subject()).isEqualTo("test pièce jointe 1");
            assertThat(m.attachments()).extracting(ParsedAttachment::fileName)
                    .containsExactly("test-unicode.doc", "pj1.txt");
            assertThat(m.attachments()).extracting(ParsedAttachment::mediaType)
                    .containsExactly("application/msword", "text/plain");
        }
    }

    @Test
    void rejectsAnOle2FileThatIsNoMessage() {
        byte[] ole2Header = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
            0, 0, 0, 0};
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(ole2Header), "application/vnd.ms-outlook", "broken.msg"))
                .isInstanceOf(MessageParseException.class)
                .hasMessageContaining("broken.msg").hasMessageContaining("not a readable Outlook message");
    }
}

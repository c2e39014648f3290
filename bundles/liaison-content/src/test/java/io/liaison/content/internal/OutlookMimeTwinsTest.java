package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same mail as an Outlook {@code .msg} (Apache Tika's test documents) and as MIME (converted by the
 * independent {@code msgconvert}, see {@code src/test/resources/msgconvert/README.md}) gives the same message:
 * subject, sender, recipients, body text and attachment names, so that the mail import makes the same activity
 * of either.
 */
class OutlookMimeTwinsTest {
    private final MessageParserComponent parser = new MessageParserComponent(ParseLimits.DEFAULTS, null);

    @ParameterizedTest
    @ValueSource(strings = {"testMSG", "testMSG_att_doc", "test-outlook"})
    void msgAndEmlOfOneMailAreTheSameMessage(String name) throws IOException {
        TestCorpus.Document msg = TestCorpus.document("test-documents", name + ".msg");
        try (ParsedMessage outlook = parser.parse(msg.open(), "application/vnd.ms-outlook", name + ".msg");
             InputStream eml = getClass().getResourceAsStream("/msgconvert/" + name + ".eml");
             ParsedMessage mime = parser.parse(eml, "message/rfc822", name + ".eml")) {
            assertThat(mime.subject()).isEqualTo(outlook.subject());
            assertThat(mime.from()).isEqualToIgnoringCase(outlook.from());
            assertThat(mime.to()).containsExactlyElementsOf(outlook.to());
            assertThat(mime.cc()).containsExactlyElementsOf(outlook.cc());
            assertThat(words(mime.text())).isEqualTo(words(outlook.text()));
            assertThat(mime.attachments()).extracting(ParsedAttachment::fileName)
                    .containsExactlyElementsOf(outlook.attachments().stream().map(ParsedAttachment::fileName).toList());
        }
    }

    /** The text as words: the two formats wrap and space lines differently. */
    private static String words(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }
}

package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * text/enriched bodies (RFC 1896) read as text, by the RFC's rules: formatting commands are not text, the content of
 * {@code <param>} is not shown, {@code <<} is a literal "<", a single line break is a space and n line breaks in a row
 * are n-1 (outside {@code <nofill>}). The body below is modelled on the RFC's sample body (typed from memory of it,
 * not copied), its expected text derived from those rules.
 */
class EnrichedTextTest {
    @TempDir
    Path spool;

    private static final String RFC_SAMPLE = "<bold>Now</bold> is the time for <italic>all</italic> good men\r\n"
            + " <smaller>(and <<women>)</smaller> to\r\n"
            + "<ignoreme>come</ignoreme>\r\n"
            + "\r\n"
            + "to the aid of their\r\n"
            + "\r\n"
            + "<color><param>red</param>beloved</color> country.\r\n";

    @Test
    void commandsParamsAndLineBreaksFollowTheRfcsRules() {
        assertThat(EnrichedText.toText(RFC_SAMPLE).strip()).isEqualTo(
                "Now is the time for all good men  (and <women>) to come\nto the aid of their\nbeloved country.");
    }

    @Test
    void noFillKeepsItsLineBreaks() {
        assertThat(EnrichedText.toText("<nofill>Zeile 1\r\nZeile 2</nofill>\r\nund weiter\r\nhier"))
                .isEqualTo("Zeile 1\nZeile 2 und weiter hier");
    }

    @Test
    void aMailWithAnEnrichedBodyHasItsTextAndNoDocument() {
        String message = GeneratedMessages.headers("enriched") + "Content-Type: text/enriched; charset=us-ascii\n\n"
                + RFC_SAMPLE.replace("\r\n", "\n");
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, spool)
                .parse(GeneratedMessages.of(message), "message/rfc822", "enriched.eml")) {
            assertThat(m.text()).startsWith("Now is the time for all good men").endsWith("beloved country.");
            assertThat(m.attachments()).isEmpty();
        }
    }
}

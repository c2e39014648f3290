package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedMessage;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class RtfHtmlDecapsulatorTest {

    @Test
    void takesTheHtmlTagsAndTheUnsuppressedTextAndDropsRtfOnlyFormatting() {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
                + "{\\colortbl\\red0\\green0\\blue0;}"
                + "{\\*\\htmltag19 <html>}{\\*\\htmltag34 <body>}"
                + "\\htmlrtf {\\b\\htmlrtf0 Gr\\'fc\\'dfe \\{x\\} \\u8364?\\htmlrtf }\\htmlrtf0 "
                + "{\\*\\htmltag84 <br>}Zeile\\par"
                + "{\\*\\mhtmltag84 cid:ignored}"
                + "{\\*\\htmltag35 </body>}{\\*\\htmltag27 </html>}}";

        assertThat(RtfHtmlDecapsulator.decapsulate(rtf, 10_000))
                .contains("<html><body>Grüße {x} €<br>Zeile\r\n</body></html>");
    }

    @Test
    void plainRtfEncapsulatesNoHtml() {
        assertThat(RtfHtmlDecapsulator.decapsulate("{\\rtf1\\ansi\\deff0 Hello\\par}", 10_000)).isEmpty();
        assertThat(RtfHtmlDecapsulator.decapsulate("not rtf", 10_000)).isEmpty();
    }

    @Test
    void theOutputIsBounded() {
        String rtf = "{\\rtf1\\ansi\\fromhtml1 {\\*\\htmltag <p>}" + "x".repeat(50_000) + "}";
        assertThat(RtfHtmlDecapsulator.decapsulate(rtf, 1_000).orElseThrow()).hasSizeLessThanOrEqualTo(1_001);
    }

    /** Seven of Tika's twelve real .msg test files keep their HTML only inside the RTF body. */
    @Test
    void realOutlookMessagesGetTheirHtmlBodyBackAndItSaysWhatTheTextSays() {
        MessageParserComponent parser = new MessageParserComponent(ParseLimits.DEFAULTS, null);
        List<String> rtfOnly = List.of("testMSG_forwarded.msg", "test-outlook.msg", "test-outlook2003.msg",
                "testMSG_att_msg.msg", "testMSG_Appointment.msg", "testMSG_att_doc.msg", "testMSG_Post.msg");
        for (String name : rtfOnly) {
            TestCorpus.Document doc = TestCorpus.document("test-documents", name);
            try (ParsedMessage m = parser.parse(doc.open(), "application/vnd.ms-outlook", name)) {
                assertThat(m.html()).as(name).isNotBlank().doesNotContainIgnoringCase("<script")
                        .doesNotContain("\\htmlrtf").doesNotContain("\\par");
                String htmlText = normalise(Jsoup.parse(m.html()).text());
                String text = normalise(m.text());
                String start = text.substring(0, Math.min(20, text.length()));
                assertThat(htmlText).as(name + ": the HTML body says what the text body says").contains(start);
            }
        }
    }

    private static String normalise(String s) {
        return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }
}

package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HtmlTest {

    @Test
    void keepsTheTextWithItsLineBreaksAndDecodesTheCommonEntities() {
        assertThat(Html.toText("<html><head><style>p {color: red}</style></head><body><P>Hallo&nbsp;Anna,</p>"
                + "<p>Termin am 3.&#39;4.<BR/>Ort: A &amp; B &lt;Raum 2&gt;</p><script>alert(1)</script></body></html>"))
                .isEqualTo("Hallo Anna,\nTermin am 3.'4.\nOrt: A & B <Raum 2>");
        assertThat(Html.toText("1 < 2")).isEqualTo("1 < 2");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // before: the regular expressions took quadratic time (minutes)
    void bodiesFullOfUnclosedTagsTakeLinearTime() {
        assertThat(Html.toText("<script>x".repeat(50_000))).isEmpty();
        // no '>' anywhere: every '<' is text
        assertThat(Html.toText("a<".repeat(200_000))).isEqualTo("a<".repeat(200_000));
        assertThat(Html.toText("<b>".repeat(200_000) + "Text")).isEqualTo("Text");
    }
}

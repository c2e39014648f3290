package io.liaison.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void controlCharactersNeverReachTheTerminal() {
        assertThat(Text.clean("a\u001b[2Jb\rc\nd\u0007")).isEqualTo("a [2Jb c d ");
        assertThat(Text.oneLine("  line one\n\n  line two ")).isEqualTo("line one line two");
        assertThat(Text.clean(null)).isEmpty();
    }

    @Test
    void truncatesWithAnEllipsis() {
        assertThat(Text.truncate("abcdef", 4)).isEqualTo("abc…");
        assertThat(Text.truncate("abcd", 4)).isEqualTo("abcd");
    }

    @Test
    void formatsTimesAndDurations() {
        assertThat(Text.time(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC)).isEqualTo("2026-03-04 05:06:07");
        assertThat(Text.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Text.duration(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(Text.duration(Duration.ofSeconds(245))).isEqualTo("4 min 5 s");
    }

    @Test
    void tableAlignsColumnsAndCleansCells() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TextTable(10, "ID", "NAME").row("1", "Anna\nB").row("22", "a very long name").print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "ID  NAME",
                "--  ----------",
                "1   Anna B",
                "22  a very lo…");
        assertThatThrownBy(() -> new TextTable(10, "A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}

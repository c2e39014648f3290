package io.liaison.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liaison.api.domain.SyncArea;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private final ObjectMapper jackson = new ObjectMapper();

    @Test
    void writesNestedValuesInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "a1");
        m.put("n", 3);
        m.put("big", 12345678901L);
        m.put("ratio", 0.5);
        m.put("on", true);
        m.put("none", null);
        m.put("empty", Optional.empty());
        m.put("some", Optional.of("x"));
        m.put("area", SyncArea.MAILS);
        m.put("list", List.of(1, "two", List.of()));
        m.put("at", Instant.parse("2026-01-02T03:04:05Z"));
        m.put("every", Duration.ofMinutes(15));
        m.put("obj", Map.of());
        assertThat(JsonWriter.write(m)).isEqualTo("{\"id\":\"a1\",\"n\":3,\"big\":12345678901,\"ratio\":0.5,"
                + "\"on\":true,\"none\":null,\"empty\":null,\"some\":\"x\",\"area\":\"MAILS\",\"list\":[1,\"two\",[]],"
                + "\"at\":\"2026-01-02T03:04:05Z\",\"every\":\"PT15M\",\"obj\":{}}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.write("a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fj\u007fk\u2028l"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\\u007fk\\u2028l\"");
        assertThat(JsonWriter.write(Map.of("k\"ey", "v"))).isEqualTo("{\"k\\\"ey\":\"v\"}");
    }

    @Test
    void keepsNonAsciiTextAndPairedSurrogatesAndEscapesLoneOnes() {
        assertThat(JsonWriter.write("Müller 😀")).isEqualTo("\"Müller 😀\"");
        assertThat(JsonWriter.write("x\uD800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(JsonWriter.write("x\uDC00")).isEqualTo("\"x\\udc00\"");
    }

    @Test
    void everyCharacterRoundTripsThroughARealParser() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        all.append("😀\uD83D\uDE00");
        assertThat(jackson.readTree(JsonWriter.write(List.of(all.toString()))).get(0).asText())
                .isEqualTo(all.toString());
    }

    @Test
    void randomStructuresParseBackToTheSameValues() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Object> list = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                String s = randomString(random);
                m.put(randomString(random) + j, s);
                list.add(s);
            }
            m.put("list", list);
            JsonNode parsed = jackson.readTree(JsonWriter.write(m));
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (e.getValue() instanceof String s) {
                    assertThat(parsed.get(e.getKey()).asText()).isEqualTo(s);
                }
            }
            List<String> back = new ArrayList<>();
            parsed.get("list").forEach(n -> back.add(n.asText()));
            assertThat(back).isEqualTo(list);
        }
    }

    @Test
    void refusesWhatJsonCannotSay() {
        assertThatThrownBy(() -> JsonWriter.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonWriter.write(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonWriter.write(new Object())).hasMessageContaining("no JSON form");
        assertThatThrownBy(() -> JsonWriter.write(Arrays.asList(new StringBuilder("ok"), new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomString(Random random) {
        char[] chars = new char[random.nextInt(12)];
        for (int i = 0; i < chars.length; i++) {
            int kind = random.nextInt(4);
            chars[i] = switch (kind) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> "\"\\/'<>&".charAt(random.nextInt(7));
                case 2 -> (char) (0x20 + random.nextInt(0x60));
                default -> (char) (0xa0 + random.nextInt(0x2000));
            };
        }
        return new String(chars);
    }
}

package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.liaison.api.content.MessageParseException;
import io.liaison.api.content.ParsedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every real message of the published test jars either parses or fails with a clear MessageParseException. */
class MessageParserCorpusTest {
    private final MessageParserComponent parser = new MessageParserComponent(
            ParseLimits.DEFAULTS.withMaxParseTime(Duration.ofSeconds(30)), null);

    @Test
    void everyRealMessageParsesOrFailsWithAClearError() {
        List<TestCorpus.Document> messages = TestCorpus.messages();
        List<String> parsed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (TestCorpus.Document doc : messages) {
            // a guard against a hang, not a timing assertion: the parser's own limit is 30 s
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                try (ParsedMessage message = parser.parse(doc.open(), "message/rfc822", doc.name())) {
                    parsed.add(doc.name());
                    assertThat(message.subject()).isNotNull();
                } catch (MessageParseException e) {
                    assertThat(e.getMessage()).as("error of %s", doc.name()).contains(doc.name());
                    failed.add(doc.name() + ": " + e.getMessage());
                }
            }, doc.name());
        }
        System.out.printf("Real messages: %d (Tika mail + Outlook test jars, mime4j test jar): %d parsed, %d failed%n",
                messages.size(), parsed.size(), failed.size());
        failed.forEach(f -> System.out.println("  failed: " + f));
        assertThat(parsed.size() + failed.size()).isEqualTo(messages.size());
        assertThat(messages.size()).isGreaterThan(100);
        long outlook = messages.stream().filter(d -> d.name().startsWith("test-documents/") && d.name().endsWith(".msg"))
                .count();
        assertThat(outlook).as("Outlook messages in Tika's test jar").isGreaterThanOrEqualTo(12);
    }

    /** mime4j's expected results: the decoded Subject and the number of embedded messages of each test message. */
    @Test
    void mime4jTestMessagesMatchTheirExpectedResults() {
        Pattern subjectField = Pattern.compile("<field>\\s*Subject:([^<]*)</field>", Pattern.CASE_INSENSITIVE);
        int checked = 0;
        for (String folder : List.of("testmsgs", "mimetools-testmsgs")) {
            for (TestCorpus.Document doc : TestCorpus.documents(folder, n -> n.endsWith(".msg"))) {
                String base = doc.name().substring(0, doc.name().length() - ".msg".length());
                List<TestCorpus.Document> expected = TestCorpus.documents(folder,
                        n -> n.equals(base + "_decoded.xml"));
                if (expected.isEmpty()) {
                    continue;
                }
                String xml = new String(expected.get(0).bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                int messagesInXml = count(xml, "<message>");
                try (ParsedMessage message = parser.parse(doc.open(), "message/rfc822", doc.name())) {
                    assertThat(countEmbedded(message)).as("embedded messages of %s", doc.name())
                            .isEqualTo(messagesInXml - 1);
                    Matcher m = subjectField.matcher(xml);
                    if (m.find() && !m.group(1).contains("=?") && m.group(1).chars().allMatch(c -> c < 128)) {
                        assertThat(message.subject().replaceAll("\\s+", " ")).as("subject of %s", doc.name())
                                .isEqualTo(unescape(m.group(1)).replaceAll("\\s+", " ").strip());
                    }
                    checked++;
                } catch (MessageParseException e) {
                    throw new AssertionError("mime4j's test message " + doc.name() + " should parse: " + e.getMessage());
                }
            }
        }
        System.out.println("mime4j messages checked against their expected results: " + checked);
        assertThat(checked).isGreaterThan(60);
    }

    private static int countEmbedded(ParsedMessage message) {
        return message.embeddedMessages().stream().mapToInt(e -> 1 + countEmbedded(e)).sum();
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            n++;
        }
        return n;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}

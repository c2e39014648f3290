package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedAttachment;
import io.liaison.api.content.ParsedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting invitation as Outlook and other iMIP senders (RFC 6047) send it: multipart/alternative with a text, an
 * HTML and a text/calendar rendering (METHOD:REQUEST). The calendar part is what the recipient acts on: it is kept
 * as an .ics document, categorised a calendar invitation by the built-in rules; before, it was dropped with the other
 * renderings of the body.
 */
class InvitationTest {
    @TempDir
    Path spool;

    @Test
    void theCalendarPartOfAnInvitationIsKeptAsADocument() throws IOException {
        String ics = String.join("\n", "BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2010",
                "VERSION:2.0", "BEGIN:VEVENT", "UID:040000008200E00074C5B7101A82E008@kunde.example",
                "ORGANIZER;CN=Max:mailto:max@kunde.example", "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:demo@liaison.example",
                "SUMMARY:Projektbesprechung", "DTSTART:20261210T090000Z", "DTEND:20261210T100000Z",
                "DTSTAMP:20261207T080000Z", "END:VEVENT", "END:VCALENDAR");
        String message = GeneratedMessages.headers("Einladung: Projektbesprechung")
                + "Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
                + "--alt\nContent-Type: text/plain; charset=utf-8\n\nWann: 10.12.2026 10:00\n"
                + "--alt\nContent-Type: text/html; charset=utf-8\n\n<p>Wann: 10.12.2026 10:00</p>\n"
                + "--alt\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\n\n" + ics + "\n--alt--\n";
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, spool)
                .parse(GeneratedMessages.of(message), "message/rfc822", "einladung.eml")) {
            assertThat(m.text()).contains("Wann: 10.12.2026 10:00");
            assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("invitation.ics");
                assertThat(a.mediaType()).isEqualTo("text/calendar");
            });
            ParsedAttachment invitation = m.attachments().get(0);
            try (InputStream in = invitation.open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("METHOD:REQUEST", "UID:040000008200E00074C5B7101A82E008@kunde.example");
            }
            try (InputStream in = invitation.open()) {
                assertThat(new TikaDocumentCategorizer(List.of(), 100_000, Duration.ofSeconds(30))
                        .categorize(invitation.fileName(), invitation.mediaType(), in).category())
                        .isEqualTo("Calendar invitation");
            }
        }
    }
}

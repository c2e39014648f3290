package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail sent by programs: the header fields and the report format come from RFC 3834 (Auto-Submitted), RFC 6522
 * (multipart/report) with RFC 3464 (delivery-status) and RFC 5321 (postmaster); a person's mail says nothing.
 */
class AutomatedMailTest {
    @TempDir
    Path spool;

    private ParsedMessage parse(String message) {
        return new MessageParserComponent(ParseLimits.DEFAULTS, spool).parse(GeneratedMessages.of(message),
                "message/rfc822", "auto.eml");
    }

    @Test
    void aDeliveryStatusReportFromTheMailerDaemonIsAutomated() {
        String bounce = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.kunde.example>\n"
                + "To: demo@liaison.example\nSubject: Undelivered Mail Returned to Sender\n"
                + "Message-ID: <bounce-1@mx.kunde.example>\nDate: Mon, 7 Dec 2026 09:00:00 +0100\n"
                + "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n"
                + "--r\nContent-Type: text/plain\n\nThe mail could not be delivered.\n"
                + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.kunde.example\n\n"
                + "Final-Recipient: rfc822; max@kunde.example\nAction: failed\nStatus: 5.1.1\n--r--\n";
        try (ParsedMessage m = parse(bounce)) {
            assertThat(m.automated()).hasValueSatisfying(a -> assertThat(a).contains("auto-replied"));
        }
    }

    @Test
    void eachSignOfAProgramIsRecognised() {
        String[][] cases = {
                {"Auto-Submitted: auto-generated", "Auto-Submitted: auto-generated"},
                {"X-Autoreply: yes", "X-Autoreply"},
                {"Precedence: auto_reply", "Precedence: auto_reply"},
                {"Content-Type: multipart/report; report-type=disposition-notification; boundary=\"r\"", "read receipt"}};
        for (String[] c : cases) {
            String message = "From: Max <max@kunde.example>\nSubject: Abwesend\nMessage-ID: <a@kunde.example>\n"
                    + "Date: Mon, 7 Dec 2026 09:00:00 +0100\n" + c[0] + "\n\n"
                    + (c[0].startsWith("Content-Type") ? "--r\nContent-Type: text/plain\n\nGelesen.\n--r--\n" : "Ich bin nicht da.\n");
            try (ParsedMessage m = parse(message)) {
                assertThat(m.automated()).as(c[0]).hasValueSatisfying(a -> assertThat(a).contains(c[1]));
            }
        }
        try (ParsedMessage m = parse("From: Postmaster <postmaster@kunde.example>\nSubject: Hinweis\n"
                + "Date: Mon, 7 Dec 2026 09:00:00 +0100\n\nText\n")) {
            assertThat(m.automated()).hasValueSatisfying(a -> assertThat(a).contains("mail system message"));
        }
    }

    @Test
    void aPersonsMailAndAutoSubmittedNoAreNotAutomated() {
        for (String extra : new String[] {"", "Auto-Submitted: no\n", "Precedence: list\n", "Precedence: bulk\n"}) {
            try (ParsedMessage m = parse("From: Max <max@kunde.example>\nSubject: Angebot\n"
                    + "Date: Mon, 7 Dec 2026 09:00:00 +0100\n" + extra + "\nGuten Tag\n")) {
                assertThat(m.automated()).as(extra).isEmpty();
            }
        }
    }
}

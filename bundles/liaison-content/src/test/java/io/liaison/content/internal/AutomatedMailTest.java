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

    /**
     * A bounce in the shape of RFC 3464 appendix C: multipart/report with report-type delivery-status, whose third part
     * is the returned mail, whole (message/rfc822) or only its header (text/rfc822-headers, RFC 6522 section 4, as
     * Postfix sends when told to return headers only). Either names the returned mail by its Message-ID; a read
     * receipt (disposition-notification, RFC 8098) returns no mail.
     */
    @Test
    void aBounceNamesTheMailItReturns() {
        String returned = "Message-ID:\n <angebot-42@liaison.example>\nFrom: Demo <demo@liaison.example>\n"
                + "To: max@kunde.example\nSubject: Angebot 42\nDate: Mon, 7 Dec 2026 08:55:00 +0100\n";
        String[][] parts = {{"message/rfc822", returned + "\nGuten Tag, anbei das Angebot.\n"},
                {"text/rfc822-headers", returned}};
        for (String[] part : parts) {
            String bounce = "From: Mail Delivery System <MAILER-DAEMON@mx.kunde.example>\n"
                    + "To: demo@liaison.example\nSubject: Undelivered Mail Returned to Sender\n"
                    + "Message-ID: <20261207080001.1234@mx.kunde.example>\nDate: Mon, 7 Dec 2026 09:00:01 +0100\n"
                    + "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
                    + "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"RAA14128.773615765/mx\"\n\n"
                    + "--RAA14128.773615765/mx\nContent-Type: text/plain\n\n"
                    + "This is the mail system at host mx.kunde.example.\n\nI'm sorry to have to inform you that "
                    + "your message could not be delivered.\n\n<max@kunde.example>: User unknown\n\n"
                    + "--RAA14128.773615765/mx\nContent-Type: message/delivery-status\n\n"
                    + "Reporting-MTA: dns; mx.kunde.example\nArrival-Date: Mon, 7 Dec 2026 08:55:02 +0100\n\n"
                    + "Final-Recipient: rfc822; max@kunde.example\nAction: failed\nStatus: 5.1.1\n"
                    + "Diagnostic-Code: smtp; 550 5.1.1 <max@kunde.example>: Recipient address rejected\n\n"
                    + "--RAA14128.773615765/mx\nContent-Type: " + part[0] + "\n\n" + part[1]
                    + "\n--RAA14128.773615765/mx--\n";
            try (ParsedMessage m = parse(bounce)) {
                assertThat(m.returnedMessageId()).as(part[0]).hasValue("angebot-42@liaison.example");
                assertThat(m.messageId()).isEqualTo("20261207080001.1234@mx.kunde.example");
            }
        }
        String receipt = "From: Max <max@kunde.example>\nSubject: Gelesen: Angebot 42\nMessage-ID: <mdn-1@kunde.example>\n"
                + "Date: Mon, 7 Dec 2026 09:10:00 +0100\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"r\"\n\n"
                + "--r\nContent-Type: text/plain\n\nGelesen.\n"
                + "--r\nContent-Type: message/disposition-notification\n\n"
                + "Final-Recipient: rfc822; max@kunde.example\nDisposition: manual-action/MDN-sent-manually; displayed\n"
                + "--r\nContent-Type: text/rfc822-headers\n\n" + returned + "\n--r--\n";
        try (ParsedMessage m = parse(receipt)) {
            assertThat(m.returnedMessageId()).isEmpty();
        }
    }
}

package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedMessage;
import java.time.Instant;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Received fields a mail picks up on its way (RFC 5321 4.4: each server prepends one, its date after the last ';',
 * RFC 5322 3.6.7): the newest date is when the last server took the mail, whatever their order, folding or zone.
 */
class ReceivedDateTest {
    @TempDir
    Path spool;

    private ParsedMessage parse(String message) {
        return new MessageParserComponent(ParseLimits.DEFAULTS, spool).parse(GeneratedMessages.of(message),
                "message/rfc822", "received.eml");
    }

    @Test
    void theNewestReceivedDateIsTheReceipt() {
        String message = "Received: from mx.liaison.example (mx.liaison.example [192.0.2.10])\n"
                + "\tby mail.liaison.example (Postfix) with ESMTPS id 4Qx1y2\n\tfor <demo@liaison.example>;"
                + " Mon, 2 Mar 2026 09:15:07 +0100 (CET)\n"
                + "Received: from out.kunde.example (out.kunde.example [198.51.100.7])\n"
                + "\tby mx.liaison.example with ESMTP id abc; Mon, 2 Mar 2026 03:14:59 EST\n"
                + "Received: by out.kunde.example (broken stamp); yesterday\n"
                + "From: Max <max@kunde.example>\nTo: demo@liaison.example\nSubject: Angebot\n"
                + "Message-ID: <r-1@kunde.example>\nDate: Mon, 2 Mar 2099 08:00:00 +0100\n\nGuten Tag\n";
        try (ParsedMessage m = parse(message)) {
            // 03:14:59 EST is 08:14:59Z, 09:15:07 +0100 is 08:15:07Z: the first is the newest
            assertThat(m.receivedAt()).hasValue(Instant.parse("2026-03-02T08:15:07Z"));
            assertThat(m.sentAt()).hasValue(Instant.parse("2099-03-02T07:00:00Z"));
        }
        try (ParsedMessage m = parse("From: Max <max@kunde.example>\nSubject: Ohne\n\nText\n")) {
            assertThat(m.receivedAt()).isEmpty();
        }
    }
}

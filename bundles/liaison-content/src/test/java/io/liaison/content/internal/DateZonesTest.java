package io.liaison.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.content.ParsedMessage;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date headers with zone names. The expected instants come from RFC 5322 section 4.3 (EST is -0500, EDT -0400,
 * CST -0600, CDT -0500, MST -0700, MDT -0600, PST -0800, PDT -0700, UT and GMT +0000) and, for the European names
 * real mail carries, from their definitions (CET/MEZ +0100, CEST/MESZ +0200, BST +0100). Before, every name was
 * read as UTC.
 */
class DateZonesTest {
    @TempDir
    Path spool;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mon, 2 Mar 2026 09:15:00 EST        | 2026-03-02T14:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 EDT        | 2026-03-02T13:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 CST        | 2026-03-02T15:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 MDT        | 2026-03-02T15:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 PST        | 2026-03-02T17:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 PDT        | 2026-03-02T16:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 GMT        | 2026-03-02T09:15:00Z",
            "Mon, 02 Mar 2026 09:15:00 UT        | 2026-03-02T09:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 CET        | 2026-03-02T08:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 MEZ        | 2026-03-02T08:15:00Z",
            "Mon, 6 Jul 2026 09:15:00 CEST       | 2026-07-06T07:15:00Z",
            "Mon, 6 Jul 2026 09:15:00 MESZ       | 2026-07-06T07:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 GMT+1      | 2026-03-02T08:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 GMT+0100   | 2026-03-02T08:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 UTC-05:30  | 2026-03-02T14:45:00Z",
            "Mon, 2 Mar 2026 09:15 EST (Eastern) | 2026-03-02T14:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 +0100 (CET) | 2026-03-02T08:15:00Z",
            "Mon, 2 Mar 2026 09:15:00 -0000      | 2026-03-02T09:15:00Z"})
    void zoneNamesAreReadWithTheirOffsets(String date, String expected) {
        String message = "From: a@example.com\nSubject: zone\nMessage-ID: <zone@example.com>\nDate: " + date.strip()
                + "\n\nbody\n";
        try (ParsedMessage m = new MessageParserComponent(ParseLimits.DEFAULTS, spool)
                .parse(GeneratedMessages.of(message), "message/rfc822", "zone.eml")) {
            assertThat(m.sentAt()).contains(Instant.parse(expected));
        }
    }
}

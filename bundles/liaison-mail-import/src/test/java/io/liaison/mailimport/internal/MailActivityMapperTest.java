package io.liaison.mailimport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The activity's time of a mail: the Date header, unless it cannot be true. A mail dated years ahead (a wrong sender
 * clock, or a spammer's trick to stay on top of a date-sorted inbox) would otherwise sort above every real mail of
 * the partner for years.
 */
class MailActivityMapperTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final MailActivityMapper mapper = new MailActivityMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theDateHeaderIsTheTimeWhenItIsPlausible() {
        Instant sent = Instant.parse("2026-12-06T09:00:00Z");
        assertThat(mapper.when(Optional.of(sent), Optional.of(Instant.parse("2026-12-06T09:00:05Z")))).isEqualTo(sent);
        // a sender's clock a few hours ahead of the receiving server is ordinary skew
        Instant skewed = Instant.parse("2026-12-06T15:00:00Z");
        assertThat(mapper.when(Optional.of(skewed), Optional.of(Instant.parse("2026-12-06T09:00:00Z"))))
                .isEqualTo(skewed);
    }

    @Test
    void aDateMoreThanADayAfterTheReceiptIsClampedToTheReceipt() {
        Instant received = Instant.parse("2026-12-06T09:00:00Z");
        assertThat(mapper.when(Optional.of(Instant.parse("2037-01-01T00:00:00Z")), Optional.of(received)))
                .isEqualTo(received);
    }

    @Test
    void withoutAReceiptADateInTheFutureIsClampedToNow() {
        assertThat(mapper.when(Optional.of(Instant.parse("2027-06-01T00:00:00Z")), Optional.empty())).isEqualTo(NOW);
    }

    @Test
    void withoutADateTheReceiptElseNow() {
        Instant received = Instant.parse("2026-12-06T09:00:00Z");
        assertThat(mapper.when(Optional.empty(), Optional.of(received))).isEqualTo(received);
        assertThat(mapper.when(Optional.empty(), Optional.empty())).isEqualTo(NOW);
    }

    @Test
    void aSubjectLongerThanTheCrmTakesIsCutAtAWordWithAnEllipsis() {
        String subject = "Angebot für die Erweiterung der Lagerhalle in Musterstadt, zweiter Bauabschnitt";
        assertThat(MailActivityMapper.fit(subject, java.util.OptionalInt.of(40)))
                .isEqualTo("Angebot für die Erweiterung der…").hasSizeLessThanOrEqualTo(40);
        assertThat(MailActivityMapper.fit(subject, java.util.OptionalInt.empty())).isEqualTo(subject);
        assertThat(MailActivityMapper.fit("Kurz", java.util.OptionalInt.of(40))).isEqualTo("Kurz");
        // one long word: cut inside it, never half a surrogate pair
        assertThat(MailActivityMapper.fit("Donaudampfschifffahrtsgesellschaftskapitän", java.util.OptionalInt.of(10)))
                .isEqualTo("Donaudamp…");
        assertThat(MailActivityMapper.fit("Preis 😀😀😀😀", java.util.OptionalInt.of(9))).isEqualTo("Preis…");
    }
}

package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Contact;
import io.liaison.api.connector.item.ContactData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Graph's contact {@code birthday} is a DateTimeOffset; the contact resource page gives a date as midnight UTC
 * ("2014-01-01T00:00:00Z"). Outlook clients east of Greenwich store local midnight, which reads as the evening before
 * in UTC (the "birthday one day too early" reports on Microsoft's Outlook community), and Exchange ActiveSync may
 * send 11:59 whose time is to be ignored (MS-ASCNTC, Birthday).
 */
class ContactBirthdayTest {

    @Test
    void aBirthdayIsWrittenAsMidnightUtc() {
        ContactData anna = ContactData.simple("Anna", "Alt", "anna@firma.de")
                .withBirthday(Optional.of(LocalDate.of(1974, 4, 15)));
        Contact c = ContactMapper.toGraph(anna, Optional.empty(), Optional.empty());
        assertThat(c.getBirthday()).isEqualTo(OffsetDateTime.parse("1974-04-15T00:00:00Z"));
    }

    @Test
    void noBirthdayIsSentAsNullSoThatAPatchClearsIt() {
        Contact c = ContactMapper.toGraph(ContactData.simple("Anna", "Alt", "anna@firma.de"), Optional.empty(),
                Optional.empty());
        assertThat(c.getBirthday()).isNull();
        assertThat(c.getAdditionalData()).containsEntry("birthday", null);
    }

    @Test
    void theDateIsReadWhateverTheTimeOfDayOutlookStoredItAt() {
        assertThat(ContactMapper.birthday(OffsetDateTime.parse("2014-01-01T00:00:00Z")))
                .contains(LocalDate.of(2014, 1, 1));
        assertThat(ContactMapper.birthday(OffsetDateTime.parse("1974-04-14T22:00:00Z")))
                .as("local midnight in Berlin (UTC+2 in April)").contains(LocalDate.of(1974, 4, 15));
        assertThat(ContactMapper.birthday(OffsetDateTime.parse("1974-04-15T05:00:00Z")))
                .as("local midnight in New York").contains(LocalDate.of(1974, 4, 15));
        assertThat(ContactMapper.birthday(OffsetDateTime.parse("1974-04-15T11:59:00Z")))
                .as("Exchange ActiveSync's 11:59").contains(LocalDate.of(1974, 4, 15));
        assertThat(ContactMapper.birthday((OffsetDateTime) null)).isEmpty();
    }
}

package io.liaison.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link ItemStoreContract} for calendar events, with sample appointments and meetings: time zones, an
 * all-day event, a weekly series, attendees with roles and answers, reminders, importance, categories and
 * the link to the CRM.
 */
public abstract class EventStoreContract extends ItemStoreContract<EventData> {

    /** The zone the samples are planned in. */
    protected static final String ZONE = "Europe/Berlin";

    @Override
    protected EventData sample(int n) {
        ZoneId zone = ZoneId.of(ZONE);
        if (n % 3 == 0) {
            LocalDate day = LocalDate.of(2026, 3, 1).plusDays(n);
            return new EventData("Trade fair day " + n, "All day at the booth", day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), true, ZONE, "Hall " + n, Optional.empty(),
                    List.of(), Optional.empty(), Importance.NORMAL, List.of("Fair"), Optional.empty(),
                    Optional.empty(), Optional.of(URI.create("https://crm.example.com/activities/" + n)));
        }
        ZonedDateTime start = ZonedDateTime.of(LocalDateTime.of(2026, 1, 5, 9, 30).plusDays(n), zone);
        Participant organizer = new Participant("anna.berger@example.com", "Anna Berger", ParticipantRole.ORGANIZER,
                ParticipantResponse.NONE);
        List<Participant> attendees = List.of(
                new Participant("max.mustermann@customer.example", "Max Mustermann", ParticipantRole.REQUIRED,
                        ParticipantResponse.ACCEPTED),
                new Participant("eva.klein@customer.example", "Eva Klein", ParticipantRole.OPTIONAL,
                        ParticipantResponse.TENTATIVE));
        return new EventData("Meeting " + n + " with Müller & Söhne", "Agenda:\n1. Offer\n2. Delivery, dates",
                start.toInstant(), start.plusMinutes(90).toInstant(), false, ZONE, "Room " + n + ", 2nd floor",
                Optional.of(organizer), attendees, Optional.of(Duration.ofMinutes(15)),
                n % 2 == 0 ? Importance.HIGH : Importance.LOW, List.of("Customer", "Sales"),
                n % 2 == 0 ? Optional.of("FREQ=WEEKLY;BYDAY=MO") : Optional.empty(), Optional.empty(),
                Optional.of(URI.create("https://crm.example.com/activities/" + n)));
    }

    @Override
    protected EventData changed(EventData d) {
        return new EventData(d.subject() + " (moved)", d.bodyText() + "\nMoved by the CRM.",
                d.start().plus(Duration.ofDays(1)), d.end().plus(Duration.ofDays(1)), d.allDay(), d.timeZone(),
                d.location() + " (new)", d.organizer(), d.attendees(), Optional.of(Duration.ofMinutes(30)),
                Importance.HIGH, List.of("Customer"), d.recurrenceRule(), d.seriesMasterId(), d.crmLink());
    }

    /**
     * The same content as written, but for the iCalendar UID: the groupware gives its own (Graph mints
     * {@code iCalUId}, a local tree writes a {@code UID}), which a connector ignores on write.
     */
    @Override
    protected void assertSameContent(EventData actual, EventData expected) {
        super.assertSameContent(actual, expected.withICalUid(actual.iCalUid()));
    }

    /**
     * Every event carries the iCalendar UID its groupware gives it, by which invitation mails name the meeting; an
     * update keeps it, also one that brings another UID (the field is read only).
     */
    @Test
    void anEventCarriesTheUidOfItsGroupwareAndKeepsIt() {
        GroupwareItem<EventData> a = create(1, "crm-uid");

        assertThat(a.data().iCalUid()).isPresent();
        String uid = a.data().iCalUid().orElseThrow();
        assertThat(store.get(a.id()).orElseThrow().data().iCalUid()).contains(uid);
        GroupwareItem<EventData> updated = store.update(a.id(), a.version(),
                changed(a.data()).withICalUid(Optional.of("another-uid@liaison.test")), Optional.of("crm-uid"));
        assertThat(updated.data().iCalUid()).contains(uid);
        assertThat(store.get(a.id()).orElseThrow().data().iCalUid()).contains(uid);
    }
}

package io.liaison.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.EmployeeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Appointments found by the iCalendar UID of their groupware event ({@link ActivityData#calendarUid},
 * {@link io.liaison.api.crm.ActivityStore#findAppointment}), so that an imported invitation mail is related to the
 * appointment the activity sync keeps of its meeting. A CRM that keeps the UID returns it and finds the appointment by
 * it (the actor's own first, another owner's private one never); one that does not returns its appointments without it
 * and finds none. Each case checks whichever kind the CRM turns out to be, so none is skipped.
 */
public abstract class CalendarUidContract extends ContractSupport {

    /** An appointment of {@code owner} at a time of its own, with the event UID {@code uid}. */
    private Activity appointment(EmployeeId owner, String uid, boolean privateOne) {
        Instant start = CrmTestData.uniqueWindow();
        ActivityData data = ActivityData.builder(ActivityType.APPOINTMENT, owner)
                .subject("Quarterly review " + CrmTestData.unique("q")).start(start)
                .end(start.plus(Duration.ofHours(1))).calendarUid(uid).privateActivity(privateOne).build();
        return crm().activities().create(owner, data, Optional.empty());
    }

    /** An Exchange-style UID (its Global Object ID in hex, as Outlook writes it into an invitation), unique per call. */
    private static String exchangeUid() {
        String tail = CrmTestData.unique("").replaceAll("[^0-9A-Za-z]", "");
        return "040000008200E00074C5B7101A82E00800000000" + tail.toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void anAppointmentIsFoundByItsUidWhereTheCrmKeepsIt() {
        String uid = exchangeUid();
        Activity created = appointment(me(), uid, false);

        Activity read = crm().activities().get(me(), created.id()).orElseThrow();
        assertThat(read.data().calendarUid()).isEqualTo(created.data().calendarUid());
        if (created.data().calendarUid().isPresent()) {
            assertThat(created.data().calendarUid()).contains(uid);
            assertThat(crm().activities().findAppointment(me(), uid)).map(Activity::id).contains(created.id());
            // an update that keeps the content keeps the UID
            Activity updated = crm().activities().update(me(), read.id(), read.version(),
                    read.data().toBuilder().location("Room 4").build());
            assertThat(updated.data().calendarUid()).contains(uid);
            assertThat(crm().activities().findAppointment(me(), uid)).map(Activity::id).contains(created.id());
        } else {
            assertThat(crm().activities().findAppointment(me(), uid)).isEmpty();
        }
        assertThat(crm().activities().findAppointment(me(), exchangeUid())).isEmpty();
    }

    /**
     * Every attendee's calendar holds the same meeting under the same UID, so several owners' appointments may share
     * it: the actor's own comes first, another owner's private one is not the actor's to see.
     */
    @Test
    void theActorsOwnAppointmentComesFirstAndAnotherOwnersPrivateOneIsNotFound() {
        EmployeeId other = someoneElse();
        String shared = exchangeUid();
        Activity theirs = appointment(other, shared, false);
        Activity mine = appointment(me(), shared, false);
        String privateUid = exchangeUid();
        appointment(other, privateUid, true);

        if (mine.data().calendarUid().isPresent()) {
            assertThat(crm().activities().findAppointment(me(), shared)).map(Activity::id).contains(mine.id());
            assertThat(crm().activities().findAppointment(other, shared)).map(Activity::id).contains(theirs.id());
        } else {
            assertThat(crm().activities().findAppointment(me(), shared)).isEmpty();
        }
        assertThat(crm().activities().findAppointment(me(), privateUid)).isEmpty();
    }
}

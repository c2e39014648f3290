package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.DEMO;
import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attendee's answer (RFC 5545 3.2.12 PARTSTAT) given in the groupware reaches the CRM, and a later CRM edit
 * writes it back unchanged.
 */
class AttendeeResponseRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void anAcceptanceInTheGroupwareReachesTheCrmAndSurvivesACrmEdit() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity created = flow.crmCreate(ActivityType.MEETING, "Planning", at(4, 14));
        Activity a = flow.activities().update(DEMO, created.id(), created.version(), created.data().toBuilder()
                .participants(List.of(new Participant("bob@example.com", "Bob", ParticipantRole.REQUIRED,
                        ParticipantResponse.NONE))).build());
        flow.run();
        GroupwareItem<EventData> g = flow.gwEvents().get(0);
        EventData d = g.data();
        assertThat(d.attendees()).extracting(Participant::response).containsExactly(ParticipantResponse.NONE);

        flow.events().update(g.id(), g.version(), new EventData(d.subject(), d.bodyText(), d.start(), d.end(),
                d.allDay(), d.timeZone(), d.location(), d.organizer(), List.of(new Participant("bob@example.com", "Bob",
                ParticipantRole.REQUIRED, ParticipantResponse.ACCEPTED)), d.reminder(), d.importance(), d.categories(),
                d.recurrenceRule(), d.seriesMasterId(), d.crmLink()), g.crmId());
        flow.run();
        assertThat(flow.crmGet(a.id().value()).data().participants()).filteredOn(p -> p.email().equals("bob@example.com"))
                .extracting(Participant::response).containsExactly(ParticipantResponse.ACCEPTED);

        flow.crmEdit(a.id().value(), "Planning, new room");
        flow.run();
        GroupwareItem<EventData> after = flow.events().get(g.id()).orElseThrow();
        assertThat(after.data().subject()).isEqualTo("Planning, new room");
        assertThat(after.data().attendees()).extracting(Participant::response).containsExactly(ParticipantResponse.ACCEPTED);
    }
}

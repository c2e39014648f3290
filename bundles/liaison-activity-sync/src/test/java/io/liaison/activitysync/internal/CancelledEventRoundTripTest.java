package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.DEMO;
import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.EventStatus;
import io.liaison.api.connector.item.FreeBusy;
import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.runtime.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event cancelled in the groupware (RFC 5545 3.8.1.11 STATUS:CANCELLED) reaches the CRM with the status key the
 * administrator configured for cancelled appointments, not as an active appointment; a CRM activity with that status
 * is written back as a cancelled event, not deleted; reopening it in the CRM confirms the event again.
 */
class CancelledEventRoundTripTest {

    private static final StatusKey CANCELLED = new StatusKey("X");
    private static final StatusKey OPEN = new StatusKey("O");

    @TempDir
    Path dir;

    private ActivityFlow flowWithCancelledKey() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        flow.crm.defineStatusKeys(List.of(new CrmCatalog.StatusDefinition(CANCELLED, "Cancelled")));
        return flow;
    }

    private static GroupwareItem<EventData> cancel(ActivityFlow flow, String id, EventStatus status, FreeBusy showAs) {
        GroupwareItem<EventData> g = flow.events().get(id).orElseThrow();
        return flow.events().update(id, g.version(), g.data().withStatus(status, showAs, g.data().participation()),
                g.crmId());
    }

    @Test
    void anEventCancelledInTheGroupwareIsCancelledInTheCrmAndStaysCancelledAfterACrmEdit() {
        ActivityFlow flow = flowWithCancelledKey();
        GroupwareItem<EventData> created = flow.gwCreateEvent("Supplier visit", at(5, 10));
        flow.run();
        Activity activity = flow.crmActivities(Set.of(ActivityType.APPOINTMENT)).get(0);
        assertThat(activity.data().status()).isEqualTo(OPEN);

        cancel(flow, created.id(), EventStatus.CANCELLED, FreeBusy.FREE);
        flow.run();
        assertThat(flow.crmGet(activity.id().value()).data().status()).isEqualTo(CANCELLED);

        flow.crmEdit(activity.id().value(), "Supplier visit (called off)");
        flow.run();
        EventData after = flow.events().get(created.id()).orElseThrow().data();
        assertThat(after.subject()).isEqualTo("Supplier visit (called off)");
        assertThat(after.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(after.showAs()).as("the free/busy state the person set is the groupware's own").isEqualTo(FreeBusy.FREE);
        assertThat(flow.crmGet(activity.id().value()).data().status()).isEqualTo(CANCELLED);
    }

    @Test
    void aCrmActivityWithTheCancelledStatusIsACancelledEventAndReopeningConfirmsIt() {
        ActivityFlow flow = flowWithCancelledKey();
        Activity a = flow.crmCreate(ActivityType.APPOINTMENT, "Trade fair", at(6, 9));
        flow.run();
        String id = flow.gwEvents().get(0).id();
        assertThat(flow.events().get(id).orElseThrow().data().status()).isEqualTo(EventStatus.CONFIRMED);

        Activity current = flow.crmGet(a.id().value());
        flow.activities().update(DEMO, current.id(), current.version(),
                current.data().toBuilder().status(CANCELLED).build());
        flow.run();
        assertThat(flow.events().get(id)).as("cancelled, not deleted").isPresent();
        assertThat(flow.events().get(id).orElseThrow().data().status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(flow.gwEvents()).hasSize(1);

        current = flow.crmGet(a.id().value());
        flow.activities().update(DEMO, current.id(), current.version(), current.data().toBuilder().status(OPEN).build());
        flow.run();
        assertThat(flow.events().get(id).orElseThrow().data().status()).isEqualTo(EventStatus.CONFIRMED);
        flow.run();
        assertThat(flow.crmGet(a.id().value()).data().status()).isEqualTo(OPEN);
    }

    @Test
    void aCancellationUndoneInTheGroupwareReopensTheActivity() {
        ActivityFlow flow = flowWithCancelledKey();
        GroupwareItem<EventData> created = flow.gwCreateEvent("Board meeting", at(7, 15));
        flow.run();
        cancel(flow, created.id(), EventStatus.CANCELLED, FreeBusy.BUSY);
        flow.run();
        Activity activity = flow.crmActivities(Set.of(ActivityType.APPOINTMENT)).get(0);
        assertThat(activity.data().status()).isEqualTo(CANCELLED);

        cancel(flow, created.id(), EventStatus.CONFIRMED, FreeBusy.BUSY);
        flow.run();
        assertThat(flow.crmGet(activity.id().value()).data().status()).isEqualTo(OPEN);
    }

    @Test
    void withoutTheKeyInTheCrmACancelledEventStaysAnOpenActivityAndTheRunGoesOn() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS); // the CRM knows I, O and E only
        GroupwareItem<EventData> created = flow.gwCreateEvent("Supplier visit", at(5, 10));
        flow.run();
        cancel(flow, created.id(), EventStatus.CANCELLED, FreeBusy.BUSY);

        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.crmActivities(Set.of(ActivityType.APPOINTMENT))).singleElement()
                .satisfies(a -> assertThat(a.data().status()).isEqualTo(OPEN));
    }
}

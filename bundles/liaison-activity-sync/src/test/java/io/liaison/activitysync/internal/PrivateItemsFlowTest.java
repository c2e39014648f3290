package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.Sensitivity;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Private and confidential groupware items under the account's rule ({@code privateItems}): skipped by default, or a
 * "busy" activity without the details; a linked item that becomes private is unlinked and its activity reduced. On
 * the local tree and on the Graph emulator.
 */
class PrivateItemsFlowTest {
    private static final Set<ActivityType> ALL = Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING,
            ActivityType.TASK, ActivityType.FOLLOW_UP);
    private static final Set<ActivityType> EVENT_TYPES = Set.of(ActivityType.APPOINTMENT, ActivityType.MEETING);

    @TempDir
    Path dir;

    private final ActivityFlows flows = new ActivityFlows(() -> dir);

    @AfterEach
    void close() {
        flows.close();
    }

    private ActivityFlow flow(Groupware groupware, Map<String, String> settings) {
        return flows.open(groupware, settings);
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void privateAndConfidentialAppointmentsNeverReachTheCrm(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of());
        GroupwareItem<EventData> doctor = flow.gwCreateEvent("Doctor", at(3, 10), Sensitivity.PRIVATE);
        flow.gwCreateEvent("Lawyer", at(4, 10), Sensitivity.CONFIDENTIAL);
        flow.gwCreateEvent("Visit ACME", at(5, 10), Sensitivity.NORMAL);
        if (groupware == Groupware.LOCAL) { // To Do tasks have no sensitivity on Graph
            flow.gwMarkTask(flow.gwCreateTask("Pick up prescription", at(3, 18)).id(), Sensitivity.PRIVATE);
        }

        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.crmActivities(ALL)).extracting(a -> a.data().subject()).containsExactly("Visit ACME");
        assertThat(flow.entries(run)).extracting(JournalEntry::item)
                .noneMatch(i -> i.contains("Doctor") || i.contains("Lawyer") || i.contains("prescription"));
        GroupwareItem<EventData> untouched = flow.events().get(doctor.id()).orElseThrow();
        assertThat(untouched.crmId()).isEmpty();
        assertThat(untouched.data().subject()).isEqualTo("Doctor");

        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
        assertThat(flow.crmActivities(ALL)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void underTheBusyRuleAPrivateAppointmentBecomesAnActivityWithoutItsDetails(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(PrivateItems.SETTING, "busy"));
        GroupwareItem<EventData> doctor = flow.gwCreateEvent("Doctor", at(3, 10), Sensitivity.PRIVATE);

        flow.run();

        List<Activity> crm = flow.crmActivities(ALL);
        assertThat(crm).hasSize(1);
        Activity busy = crm.get(0);
        assertThat(busy.data().subject()).isEqualTo("Private appointment");
        assertThat(busy.data().text()).isEmpty();
        assertThat(busy.data().html()).isEmpty();
        assertThat(busy.data().location()).isEmpty();
        assertThat(busy.data().participants()).isEmpty();
        assertThat(busy.data().categories()).isEmpty();
        assertThat(busy.data().start()).contains(at(3, 10));
        GroupwareItem<EventData> linked = flow.events().get(doctor.id()).orElseThrow();
        assertThat(linked.crmId()).contains(busy.id().value());
        assertThat(linked.data().subject()).isEqualTo("Doctor");
        assertThat(linked.data().location()).isEqualTo("Practice Dr. Who");
        assertThat(linked.data().sensitivity()).isEqualTo(Sensitivity.PRIVATE);

        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();

        // a CRM move reaches the groupware; the private details there stay
        Activity moved = flow.activities().update(ActivityFlow.DEMO, busy.id(), busy.version(), busy.data().toBuilder()
                .start(at(3, 14)).end(at(3, 15)).build());
        flow.run();
        EventData after = flow.events().get(doctor.id()).orElseThrow().data();
        assertThat(after.start()).isEqualTo(at(3, 14));
        assertThat(after.subject()).isEqualTo("Doctor");
        assertThat(after.bodyText()).isEqualTo("details of Doctor");
        assertThat(after.location()).isEqualTo("Practice Dr. Who");
        assertThat(after.attendees()).hasSize(1);
        assertThat(after.sensitivity()).isEqualTo(Sensitivity.PRIVATE);
        assertThat(flow.crmGet(moved.id().value()).data().subject()).isEqualTo("Private appointment");

        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void aLinkedAppointmentMarkedPrivateLaterIsUnlinkedAndItsActivityReducedNothingDeleted(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of());
        GroupwareItem<EventData> doctor = flow.gwCreateEvent("Doctor", at(3, 10), Sensitivity.NORMAL);
        flow.run();
        Activity before = flow.crmActivities(EVENT_TYPES).get(0);
        assertThat(before.data().subject()).isEqualTo("Doctor");
        assertThat(before.data().location()).isEqualTo("Practice Dr. Who");

        flow.gwMarkEvent(doctor.id(), Sensitivity.PRIVATE);
        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.links(SyncArea.APPOINTMENTS)).isEmpty();
        Activity reduced = flow.crmGet(before.id().value());
        assertThat(reduced.data().subject()).isEqualTo("Private appointment");
        assertThat(reduced.data().text()).isEmpty();
        assertThat(reduced.data().html()).isEmpty();
        assertThat(reduced.data().location()).isEmpty();
        assertThat(reduced.data().participants()).isEmpty();
        assertThat(reduced.data().start()).contains(at(3, 10));
        assertThat(reduced.data().type()).isEqualTo(before.data().type());
        GroupwareItem<EventData> kept = flow.events().get(doctor.id()).orElseThrow();
        assertThat(kept.data().subject()).isEqualTo("Doctor");
        assertThat(kept.data().location()).isEqualTo("Practice Dr. Who");
        assertThat(flow.entries(run)).filteredOn(e -> e.outcome() == Outcome.SKIPPED)
                .extracting(JournalEntry::message).singleElement().asString().contains("marked private in the groupware");
        assertThat(flow.entries(run)).extracting(JournalEntry::outcome).doesNotContain(Outcome.DELETED);

        flow.writes.reset();
        SyncRun next = flow.run();
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.writes.written()).isZero();
        assertThat(flow.gwEvents()).hasSize(1);
        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(1);
    }

    /**
     * The person takes the private mark back: the item is taken again and linked to the activity it left behind,
     * whose details come back from the groupware; no second activity, nothing deleted, and then no further writes.
     */
    @ParameterizedTest
    @EnumSource(Groupware.class)
    void anAppointmentMadeNormalAgainIsLinkedToTheActivityItLeftAndRestoresItsDetails(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of());
        GroupwareItem<EventData> doctor = flow.gwCreateEvent("Doctor", at(3, 10), Sensitivity.NORMAL);
        flow.run();
        String id = flow.crmActivities(EVENT_TYPES).get(0).id().value();
        flow.gwMarkEvent(doctor.id(), Sensitivity.PRIVATE);
        flow.run();

        flow.gwMarkEvent(doctor.id(), Sensitivity.NORMAL);
        SyncRun run = flow.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.crmActivities(EVENT_TYPES)).extracting(a -> a.id().value()).containsExactly(id);
        Activity restored = flow.crmGet(id);
        assertThat(restored.data().subject()).isEqualTo("Doctor");
        assertThat(restored.data().location()).isEqualTo("Practice Dr. Who");
        assertThat(flow.links(SyncArea.APPOINTMENTS)).singleElement()
                .satisfies(l -> assertThat(l.groupwareId()).isEqualTo(doctor.id()));
        assertThat(flow.gwEvents()).hasSize(1);
        assertThat(flow.entries(run)).extracting(JournalEntry::outcome).doesNotContain(Outcome.DELETED);

        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    /**
     * An activity that left the sync by its type and came back, whose item then goes private and normal again: the
     * item is not kept out as one left behind by the earlier type change (the randomised run found this).
     */
    @ParameterizedTest
    @EnumSource(Groupware.class)
    void anActivityThatLeftAndCameBackIsLinkedAgainAfterItsItemWasPrivateForAWhile(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of());
        String id = flow.crmCreate(ActivityType.MEETING, "Quarterly review", at(6, 9)).id().value();
        flow.run();
        flow.crmChangeType(id, new ActivityType("VISIT"));
        flow.run();
        flow.crmChangeType(id, ActivityType.MEETING);
        flow.run();
        String item = flow.links(SyncArea.APPOINTMENTS).get(0).groupwareId();
        flow.gwMarkEvent(item, Sensitivity.PRIVATE);
        flow.run();

        flow.gwMarkEvent(item, Sensitivity.NORMAL);
        flow.run();

        assertThat(flow.links(SyncArea.APPOINTMENTS)).singleElement()
                .satisfies(l -> assertThat(l.crmId()).isEqualTo(id))
                .satisfies(l -> assertThat(l.groupwareId()).isEqualTo(item));
        assertThat(flow.crmGet(id).data().subject()).isEqualTo("Quarterly review");
        assertThat(flow.gwEvents()).hasSize(1);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }

    @Test
    void underTheBusyRuleALinkedAppointmentMarkedPrivateLaterStaysLinkedAndIsReduced() {
        ActivityFlow flow = flow(Groupware.LOCAL, Map.of(PrivateItems.SETTING, "busy"));
        GroupwareItem<EventData> doctor = flow.gwCreateEvent("Doctor", at(3, 10), Sensitivity.NORMAL);
        flow.run();
        String id = flow.crmActivities(EVENT_TYPES).get(0).id().value();

        flow.gwMarkEvent(doctor.id(), Sensitivity.CONFIDENTIAL);
        flow.run();

        Activity reduced = flow.crmGet(id);
        assertThat(reduced.data().subject()).isEqualTo("Private appointment");
        assertThat(reduced.data().text()).isEmpty();
        assertThat(reduced.data().location()).isEmpty();
        assertThat(reduced.data().participants()).isEmpty();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        assertThat(flow.events().get(doctor.id()).orElseThrow().data().subject()).isEqualTo("Doctor");
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.written()).isZero();
    }
}

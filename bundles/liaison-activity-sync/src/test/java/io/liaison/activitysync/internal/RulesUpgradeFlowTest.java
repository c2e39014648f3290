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
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pairs linked by a version before the rules for private items and the filters: the first run after the upgrade
 * applies the rules to them once, deleting nothing. The earlier version is played by hand: it read the groupware's
 * change (an appointment marked private), wrote nothing for it and advanced its token, so that the change is never
 * reported again, and it kept no record of rules.
 */
class RulesUpgradeFlowTest {
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

    /** A private appointment linked with its full details in the CRM, as a version before the rules left it. */
    private static Activity linkedBeforeTheRules(ActivityFlow flow) {
        GroupwareItem<EventData> doctor = flow.gwCreateEvent("Doctor", at(3, 10), Sensitivity.NORMAL);
        flow.gwCreateEvent("Visit ACME", at(4, 10), Sensitivity.NORMAL);
        flow.run();
        Activity activity = flow.crmActivities(EVENT_TYPES).stream().filter(a -> a.data().subject().equals("Doctor"))
                .findFirst().orElseThrow();

        GroupwareItem<EventData> marked = flow.gwMarkEvent(doctor.id(), Sensitivity.PRIVATE);
        var scope = ActivityArea.APPOINTMENTS.groupwareTokenScope();
        var next = flow.events().changes(flow.tokens.get(flow.account.id(), scope)).next();
        flow.tokens.put(flow.account.id(), scope, next);
        Link link = flow.links.byCrmId(flow.account.id(), SyncArea.APPOINTMENTS.name(), activity.id().value())
                .orElseThrow();
        flow.links.save(new Link(link.account(), link.scope(), link.crmId(), link.crmVersion(), link.groupwareId(),
                marked.version(), link.contentHash(), link.syncedAt()));
        flow.tokens.clear(flow.account.id(), "activity-rules:" + SyncArea.APPOINTMENTS.name());
        return activity;
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void underSkipALinkedPrivateItemIsUnlinkedAndItsActivityReducedOnceNothingDeleted(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of());
        Activity activity = linkedBeforeTheRules(flow);

        SyncRun run = flow.run();

        Activity reduced = flow.crmGet(activity.id().value());
        assertThat(reduced.data().subject()).isEqualTo("Private appointment");
        assertThat(reduced.data().location()).isEmpty();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
        assertThat(flow.gwEvents()).hasSize(2);
        assertThat(flow.crmActivities(EVENT_TYPES)).hasSize(2);
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED)
                .anySatisfy(e -> assertThat(e.message()).contains("marked private in the groupware"))
                .filteredOn(e -> e.item().equals("account rules")).hasSize(1);

        SyncRun next = flow.run();
        assertThat(flow.entries(next)).noneMatch(e -> e.outcome() != Outcome.UNCHANGED)
                .noneMatch(e -> e.item().equals("account rules"));
    }

    @ParameterizedTest
    @EnumSource(Groupware.class)
    void underBusyALinkedPrivateItemStaysLinkedAndItsActivityIsReducedOnce(Groupware groupware) {
        ActivityFlow flow = flow(groupware, Map.of(PrivateItems.SETTING, "busy"));
        Activity activity = linkedBeforeTheRules(flow);

        SyncRun run = flow.run();

        Activity reduced = flow.crmGet(activity.id().value());
        assertThat(reduced.data().subject()).isEqualTo("Private appointment");
        assertThat(reduced.data().location()).isEmpty();
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(2);
        assertThat(flow.entries(run)).noneMatch(e -> e.outcome() == Outcome.DELETED)
                .filteredOn(e -> e.item().equals("account rules")).extracting(JournalEntry::message).singleElement()
                .asString().contains("1 linked private item(s) are reduced");
        assertThat(flow.events().get(flow.links.byCrmId(flow.account.id(), SyncArea.APPOINTMENTS.name(),
                activity.id().value()).orElseThrow().groupwareId()).orElseThrow().data().subject()).isEqualTo("Doctor");

        flow.writes.reset();
        SyncRun next = flow.run();
        assertThat(flow.writes.crm.get() + flow.writes.groupware.get()).isZero();
        assertThat(flow.entries(next)).noneMatch(e -> e.item().equals("account rules"));
    }
}

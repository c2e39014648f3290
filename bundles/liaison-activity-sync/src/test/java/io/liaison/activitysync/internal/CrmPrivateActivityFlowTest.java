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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CRM activity marked private is written to the groupware as private, and that item is the CRM's own: the account's
 * rule for items marked private in the groupware ({@code privateItems=skip|busy}) does not skip it or reduce it to
 * busy, and its sensitivity going back and forth in the groupware does not undo the CRM's mark. On the local tree and
 * on the Graph emulator.
 */
class CrmPrivateActivityFlowTest {
    @TempDir
    Path dir;

    private final ActivityFlows flows = new ActivityFlows(() -> dir);

    @AfterEach
    void close() {
        flows.close();
    }

    private ActivityFlow flow(Groupware groupware, String rule) {
        return flows.open(groupware, Map.of(PrivateItems.SETTING, rule));
    }

    private static GroupwareItem<EventData> itemOf(ActivityFlow flow, Activity activity) {
        return flow.gwEvents().stream().filter(g -> g.crmId().equals(Optional.of(activity.id().value())))
                .findFirst().orElseThrow();
    }

    private static void assertNothingLeftOrReduced(ActivityFlow flow, SyncRun run) {
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(flow.entries(run)).extracting(JournalEntry::outcome)
                .doesNotContain(Outcome.SKIPPED, Outcome.DELETED);
        assertThat(flow.links(SyncArea.APPOINTMENTS)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"LOCAL, skip", "LOCAL, busy", "GRAPH, skip", "GRAPH, busy"})
    void anActivityMarkedPrivateInTheCrmIsWrittenAsPrivateAndKeepsItsDetailsOnTheWayBack(Groupware groupware,
                                                                                        String rule) {
        ActivityFlow flow = flow(groupware, rule);
        Activity plain = flow.crmCreate(ActivityType.APPOINTMENT, "Salary talk", at(3, 10));
        Activity marked = flow.activities().update(ActivityFlow.DEMO, plain.id(), plain.version(),
                plain.data().toBuilder().location("Room 4").privateActivity(true).build());

        assertNothingLeftOrReduced(flow, flow.run());
        EventData written = itemOf(flow, marked).data();
        assertThat(written.sensitivity()).isEqualTo(Sensitivity.PRIVATE);
        assertThat(written.subject()).isEqualTo("Salary talk");
        assertThat(written.location()).isEqualTo("Room 4");

        flow.writes.reset();
        assertNothingLeftOrReduced(flow, flow.run());
        assertThat(flow.writes.written()).isZero();

        // the person edits the private item in the groupware: the edit reaches the CRM, nothing is reduced
        flow.gwEditEvent(itemOf(flow, marked).id(), "Salary talk with Anna");
        assertNothingLeftOrReduced(flow, flow.run());
        Activity edited = flow.crmGet(marked.id().value());
        assertThat(edited.data().subject()).isEqualTo("Salary talk with Anna");
        assertThat(edited.data().text()).isEqualTo("notes on Salary talk");
        assertThat(edited.data().location()).isEqualTo("Room 4");
        assertThat(edited.data().privateActivity()).isTrue();

        // the groupware's sensitivity back and forth leaves the CRM's mark and details alone
        flow.gwMarkEvent(itemOf(flow, marked).id(), Sensitivity.NORMAL);
        assertNothingLeftOrReduced(flow, flow.run());
        assertThat(flow.crmGet(marked.id().value()).data().privateActivity()).isTrue();
        flow.gwMarkEvent(itemOf(flow, marked).id(), Sensitivity.PRIVATE);
        assertNothingLeftOrReduced(flow, flow.run());
        Activity after = flow.crmGet(marked.id().value());
        assertThat(after.data().privateActivity()).isTrue();
        assertThat(after.data().subject()).isEqualTo("Salary talk with Anna");
        assertThat(after.data().text()).isEqualTo("notes on Salary talk");
        assertThat(after.data().location()).isEqualTo("Room 4");

        flow.writes.reset();
        assertNothingLeftOrReduced(flow, flow.run());
        assertThat(flow.writes.written()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"LOCAL, skip", "GRAPH, skip"})
    void markingALinkedActivityPrivateInTheCrmIsAChangeThatIsWritten(Groupware groupware, String rule) {
        ActivityFlow flow = flow(groupware, rule);
        Activity activity = flow.crmCreate(ActivityType.APPOINTMENT, "Budget", at(4, 9));
        flow.run();
        assertThat(itemOf(flow, activity).data().sensitivity()).isEqualTo(Sensitivity.NORMAL);

        Activity current = flow.crmGet(activity.id().value());
        flow.activities().update(ActivityFlow.DEMO, current.id(), current.version(),
                current.data().toBuilder().privateActivity(true).build());
        assertNothingLeftOrReduced(flow, flow.run());

        EventData written = itemOf(flow, activity).data();
        assertThat(written.sensitivity()).isEqualTo(Sensitivity.PRIVATE);
        assertThat(written.subject()).isEqualTo("Budget");
        assertThat(flow.crmGet(activity.id().value()).data().subject()).isEqualTo("Budget");
        flow.writes.reset();
        assertNothingLeftOrReduced(flow, flow.run());
        assertThat(flow.writes.written()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"LOCAL, skip", "GRAPH, skip"})
    void takingTheMarkBackInTheCrmMakesTheItemNormalAgainAndKeepsItsDetails(Groupware groupware, String rule) {
        ActivityFlow flow = flow(groupware, rule);
        Activity plain = flow.crmCreate(ActivityType.APPOINTMENT, "Appraisal", at(5, 11));
        Activity marked = flow.activities().update(ActivityFlow.DEMO, plain.id(), plain.version(),
                plain.data().toBuilder().privateActivity(true).build());
        flow.run();
        assertThat(itemOf(flow, marked).data().sensitivity()).isEqualTo(Sensitivity.PRIVATE);

        Activity current = flow.crmGet(marked.id().value());
        flow.activities().update(ActivityFlow.DEMO, current.id(), current.version(),
                current.data().toBuilder().privateActivity(false).build());
        assertNothingLeftOrReduced(flow, flow.run());
        assertThat(itemOf(flow, marked).data().sensitivity()).isEqualTo(Sensitivity.NORMAL);

        // a later groupware edit is an ordinary one: the item is not taken for one its owner marked private
        flow.gwEditEvent(itemOf(flow, marked).id(), "Appraisal 2026");
        assertNothingLeftOrReduced(flow, flow.run());
        Activity after = flow.crmGet(marked.id().value());
        assertThat(after.data().subject()).isEqualTo("Appraisal 2026");
        assertThat(after.data().text()).isEqualTo("notes on Appraisal");
        assertThat(after.data().privateActivity()).isFalse();
    }

    /** On the local tree only: Microsoft To Do tasks have no sensitivity on Graph. */
    @org.junit.jupiter.api.Test
    void aTaskMarkedPrivateInTheCrmIsWrittenAsPrivateAndStaysInTheSync() {
        ActivityFlow flow = flow(Groupware.LOCAL, "skip");
        Activity plain = flow.crmCreate(ActivityType.TASK, "Write reference letter", at(6, 12));
        Activity marked = flow.activities().update(ActivityFlow.DEMO, plain.id(), plain.version(),
                plain.data().toBuilder().privateActivity(true).build());
        flow.run();
        GroupwareItem<io.liaison.api.connector.item.TaskData> task = flow.gwTasks().stream()
                .filter(g -> g.crmId().equals(Optional.of(marked.id().value()))).findFirst().orElseThrow();
        assertThat(task.data().sensitivity()).isEqualTo(Sensitivity.PRIVATE);
        assertThat(task.data().subject()).isEqualTo("Write reference letter");

        flow.gwEditTask(task.id(), "Write reference letter for Anna");
        SyncRun run = flow.run();
        assertThat(flow.entries(run)).extracting(JournalEntry::outcome).doesNotContain(Outcome.SKIPPED);
        Activity after = flow.crmGet(marked.id().value());
        assertThat(after.data().subject()).isEqualTo("Write reference letter for Anna");
        assertThat(after.data().text()).isEqualTo("notes on Write reference letter");
        assertThat(after.data().privateActivity()).isTrue();
        assertThat(flow.links(SyncArea.TASKS)).hasSize(1);
    }
}

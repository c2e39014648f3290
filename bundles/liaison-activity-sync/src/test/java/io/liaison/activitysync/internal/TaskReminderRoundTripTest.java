package io.liaison.activitysync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.IdempotencyKey;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.connector.item.TaskStatus;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.Importance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A groupware task's reminder without a due date (an absolute alarm time; the CRM's reminder is a lead time before
 * the due date, so it cannot hold one) stays in the groupware when the CRM changes the task, and a CRM reminder
 * keeps its lead time once the task has a due date.
 */
class TaskReminderRoundTripTest {

    private static final Instant REMIND = Instant.parse("2026-07-20T08:30:00Z");

    @TempDir
    Path dir;

    @Test
    void aReminderWithoutDueSurvivesACrmEditAndTheCrmsLeadTimeStaysWhenADueDateComes() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        GroupwareItem<TaskData> created = flow.tasks().create(new TaskData("Call back", "", Optional.empty(),
                Optional.empty(), TaskStatus.NOT_STARTED, Optional.empty(), Optional.of(REMIND), Importance.NORMAL,
                List.of(), Optional.empty()), Optional.empty(), new IdempotencyKey("person-1"));
        flow.run();
        Activity activity = flow.crmActivities(Set.of(ActivityType.TASK)).get(0);

        flow.crmEdit(activity.id().value(), "Call back Mr Kim");
        flow.run();
        TaskData after = flow.tasks().get(created.id()).orElseThrow().data();
        assertThat(after.subject()).isEqualTo("Call back Mr Kim");
        assertThat(after.reminderAt()).contains(REMIND);

        // a person edits the task in the groupware: nothing about the reminder changes in the CRM either way
        flow.gwEditTask(created.id(), "Call back Mr Kim (urgent)");
        flow.run();
        assertThat(flow.tasks().get(created.id()).orElseThrow().data().reminderAt()).contains(REMIND);
        assertThat(flow.crmGet(activity.id().value()).data().subject()).isEqualTo("Call back Mr Kim (urgent)");

        // the CRM gives the task a due date and a reminder an hour before: the lead time reaches the groupware
        Activity current = flow.crmGet(activity.id().value());
        Instant due = Instant.parse("2026-07-21T10:00:00Z");
        flow.activities().update(ActivityFlow.DEMO, current.id(), current.version(), current.data().toBuilder()
                .due(due).reminder(Duration.ofHours(1)).build());
        flow.run();
        TaskData dated = flow.tasks().get(created.id()).orElseThrow().data();
        assertThat(dated.due()).contains(due);
        assertThat(dated.reminderAt()).contains(due.minus(Duration.ofHours(1)));
        flow.run();
        assertThat(flow.crmGet(activity.id().value()).data().reminder()).contains(Duration.ofHours(1));
    }
}

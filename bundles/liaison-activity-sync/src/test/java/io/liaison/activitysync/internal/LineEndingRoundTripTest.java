package io.liaison.activitysync.internal;

import static io.liaison.activitysync.internal.ActivityFlow.DEMO;
import static io.liaison.activitysync.internal.ActivityFlow.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.connector.GroupwareItem;
import io.liaison.api.connector.item.EventData;
import io.liaison.api.connector.item.TaskData;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.runtime.RunStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM text typed with CRLF comes back from iCalendar with LF (RFC 5545 3.3.11: a line break in TEXT is
 * written as \n): a groupware edit of something else keeps the CRM's text and its HTML body.
 */
class LineEndingRoundTripTest {

    @TempDir
    Path dir;

    private static final String TEXT = "Agenda:\r\n1. Budget\r\n2. Plan";
    private static final String HTML = "<p>Agenda:</p><ol><li>Budget</li><li>Plan</li></ol>";

    private Activity withHtml(ActivityFlow flow, Activity a) {
        return flow.activities().update(DEMO, a.id(), a.version(), a.data().toBuilder().text(TEXT).html(HTML).build());
    }

    @Test
    void aGroupwareMoveKeepsTheCrmHtmlOfAnAppointment() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity a = withHtml(flow, flow.crmCreate(ActivityType.APPOINTMENT, "Review", at(1, 9)));
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        GroupwareItem<EventData> g = flow.gwEvents().get(0);
        assertThat(g.data().bodyText()).isEqualTo("Agenda:\n1. Budget\n2. Plan");

        EventData d = g.data();
        flow.events().update(g.id(), g.version(), new EventData(d.subject(), d.bodyText(), at(2, 10), at(2, 11),
                d.allDay(), d.timeZone(), d.location(), d.organizer(), d.attendees(), d.reminder(), d.importance(),
                d.categories(), d.recurrenceRule(), d.seriesMasterId(), d.crmLink()), g.crmId());
        assertThat(flow.run().status()).isEqualTo(RunStatus.SUCCEEDED);

        Activity after = flow.crmGet(a.id().value());
        assertThat(after.data().start()).contains(at(2, 10));
        assertThat(after.data().html()).isEqualTo(HTML);
        assertThat(after.data().text()).isEqualTo(TEXT);
        flow.writes.reset();
        flow.run();
        assertThat(flow.writes.crm.get() + flow.writes.groupware.get()).isZero();
    }

    @Test
    void aGroupwareEditOfATaskKeepsTheCrmHtmlAndARealTextEditClearsIt() {
        ActivityFlow flow = new ActivityFlow(dir, ConflictPolicy.CRM_WINS);
        Activity a = withHtml(flow, flow.crmCreate(ActivityType.TASK, "Report", at(3, 12)));
        flow.run();
        GroupwareItem<TaskData> g = flow.gwTasks().get(0);

        flow.gwEditTask(g.id(), "Report, renamed");
        flow.run();
        Activity renamed = flow.crmGet(a.id().value());
        assertThat(renamed.data().subject()).isEqualTo("Report, renamed");
        assertThat(renamed.data().html()).isEqualTo(HTML);

        GroupwareItem<TaskData> again = flow.tasks().get(g.id()).orElseThrow();
        TaskData d = again.data();
        flow.tasks().update(g.id(), again.version(), new TaskData(d.subject(), "Agenda:\n1. Budget", d.start(), d.due(),
                d.status(), d.completedAt(), d.reminderAt(), d.importance(), d.categories(), d.crmLink()), again.crmId());
        flow.run();
        Activity edited = flow.crmGet(a.id().value());
        assertThat(edited.data().text()).isEqualTo("Agenda:\n1. Budget");
        assertThat(edited.data().html()).as("the HTML no longer says what the text says").isEmpty();
        assertThat(Optional.of(edited.data().subject())).contains("Report, renamed");
    }
}

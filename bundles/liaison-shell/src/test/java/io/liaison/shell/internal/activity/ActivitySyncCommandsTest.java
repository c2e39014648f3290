package io.liaison.shell.internal.activity;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.activitysync.ActivitySyncService;
import io.liaison.api.activitysync.GroupwareEntryKind;
import io.liaison.api.activitysync.PlannedChange;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.shell.internal.FakeRuntime;
import io.liaison.shell.internal.InMemoryCrm;
import io.liaison.shell.internal.sync.SyncCommandAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivitySyncCommandsTest {
    static final EmployeeId DEMO = EmployeeId.of("demo");

    final FakeRuntime runtime = new FakeRuntime();
    final InMemoryCrm crm = new InMemoryCrm();
    final RecordingActivitySync service = new RecordingActivitySync();
    AccountId account;
    AccountId mailsOnly;

    @BeforeEach
    void accounts() {
        account = runtime.create(new AccountRequest(DEMO, "local", Map.of(), false, null,
                Set.of(SyncArea.MAILS, SyncArea.APPOINTMENTS, SyncArea.TASKS), ConflictPolicy.CRM_WINS)).id();
        mailsOnly = runtime.create(new AccountRequest(DEMO, "local", Map.of(), false, null,
                Set.of(SyncArea.MAILS), ConflictPolicy.CRM_WINS)).id();
    }

    SyncPreviewCommand preview(AccountId id) {
        SyncPreviewCommand c = new SyncPreviewCommand();
        c.accounts = runtime;
        c.activitySync = service;
        c.account = id.value();
        return c;
    }

    @Test
    void previewListsThePlannedChangesOfTheAccountsActivityAreas() throws Exception {
        service.planned.add(new PlannedChange("e:1", SyncArea.APPOINTMENTS, "TO_GROUPWARE", "CREATE",
                "Kick-off 2026-12-01 10:00"));
        service.planned.add(new PlannedChange("t:9", SyncArea.TASKS, "TO_CRM", "UPDATE", "Call back"));

        String text = output(preview(account));

        assertThat(service.previewAreas).containsExactlyInAnyOrder(SyncArea.APPOINTMENTS, SyncArea.TASKS);
        assertThat(text).contains("2 change(s)").contains("e:1").contains("TO_GROUPWARE").contains("Kick-off")
                .contains("t:9").contains("Call back").contains("--only KEY");
    }

    @Test
    void previewAsJsonCarriesEveryField() throws Exception {
        service.planned.add(new PlannedChange("e:1", SyncArea.APPOINTMENTS, "TO_CRM", "DELETE", "Lunch"));
        SyncPreviewCommand c = preview(account);
        c.areas = "appointments";

        JsonNode j = json(c);

        assertThat(service.previewAreas).containsExactly(SyncArea.APPOINTMENTS);
        assertThat(j.get("areas").get(0).asText()).isEqualTo("APPOINTMENTS");
        JsonNode change = j.get("changes").get(0);
        assertThat(change.get("key").asText()).isEqualTo("e:1");
        assertThat(change.get("action").asText()).isEqualTo("DELETE");
        assertThat(change.get("description").asText()).isEqualTo("Lunch");
    }

    @Test
    void previewRefusesAreasTheActivitySyncDoesNotServe() {
        SyncPreviewCommand c = preview(account);
        c.areas = "MAILS";
        assertThat(error(c)).contains("MAILS is not synchronised by the activity sync");
        assertThat(error(preview(mailsOnly))).contains("synchronises neither APPOINTMENTS nor TASKS");
        assertThat(service.previewAreas).isNull();
    }

    @Test
    void previewWithoutTheActivitySyncNamesTheFeature() {
        SyncPreviewCommand c = preview(account);
        c.activitySync = null;
        assertThat(error(c)).contains("ActivitySyncService").contains("liaison-activity-sync");
    }

    @Test
    void syncOnlyRunsTheChosenKeysThroughTheActivitySync() throws Exception {
        var c = SyncCommandAccess.sync(runtime, service, account.value());
        SyncCommandAccess.only(c, " e:1, t:9 ,");

        String text = output(c);

        assertThat(service.runKeys).containsExactly("e:1", "t:9");
        assertThat(service.runAreas).containsExactlyInAnyOrder(SyncArea.APPOINTMENTS, SyncArea.TASKS);
        assertThat(runtime.runs).isEmpty();
        assertThat(text).contains("run-chosen");
    }

    @Test
    void syncOnlyWithNoKeyIsRefused() {
        var c = SyncCommandAccess.sync(runtime, service, account.value());
        SyncCommandAccess.only(c, " , ");
        assertThat(error(c)).contains("--only names no change");
        assertThat(service.runKeys).isNull();
    }

    @Test
    void putIntoGroupwareAndDeleteActForTheNamedEmployee() throws Exception {
        SyncAsAppointmentCommand asAppointment = entry(new SyncAsAppointmentCommand(), "17");
        SyncAsTaskCommand asTask = entry(new SyncAsTaskCommand(), "18");
        DeleteGroupwareEntryCommand delete = entry(new DeleteGroupwareEntryCommand(), "17");

        assertThat(output(asAppointment)).contains("Activity 17").contains("as an appointment");
        JsonNode j = json(asTask);
        assertThat(output(delete)).contains("groupware entry deleted").contains("stays in the CRM");

        assertThat(j.get("activity").asText()).isEqualTo("18");
        assertThat(j.get("employee").asText()).isEqualTo("demo");
        assertThat(j.get("done").asText()).isEqualTo("synchronised-as-task");
        assertThat(service.calls).containsExactly("put demo 17 APPOINTMENT", "put demo 18 TASK", "delete demo 17");
    }

    @Test
    void anUnknownEmployeeIsNamed() {
        SyncAsTaskCommand c = entry(new SyncAsTaskCommand(), "18");
        c.employee = "nobody";
        assertThat(error(c)).isEqualTo("Error: unknown employee 'nobody'");
        assertThat(service.calls).isEmpty();
    }

    <T extends GroupwareEntryCommand> T entry(T c, String activity) {
        c.crm = crm;
        c.activitySync = service;
        c.activity = activity;
        return c;
    }

    /** Records what the commands asked for; answers with what a test put in. */
    static final class RecordingActivitySync implements ActivitySyncService {
        final List<PlannedChange> planned = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        Set<SyncArea> previewAreas;
        Set<SyncArea> runAreas;
        List<String> runKeys;

        @Override
        public List<PlannedChange> preview(AccountId account, Set<SyncArea> areas) {
            previewAreas = areas;
            return planned;
        }

        @Override
        public SyncRun run(AccountId account, Set<SyncArea> areas, List<String> chosenKeys) {
            runAreas = areas;
            runKeys = chosenKeys;
            Instant t = Instant.parse("2026-11-26T10:00:00Z");
            return new SyncRun("run-chosen", account, areas, SyncTrigger.MANUAL, t, Optional.of(t), RunStatus.SUCCEEDED,
                    Map.of(), List.of(), Optional.empty());
        }

        @Override
        public void putIntoGroupware(EmployeeId actor, ActivityId activity, GroupwareEntryKind kind) {
            calls.add("put " + actor.value() + " " + activity.value() + " " + kind);
        }

        @Override
        public void deleteGroupwareEntry(EmployeeId actor, ActivityId activity) {
            calls.add("delete " + actor.value() + " " + activity.value());
        }
    }
}

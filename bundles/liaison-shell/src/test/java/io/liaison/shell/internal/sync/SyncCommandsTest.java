package io.liaison.shell.internal.sync;

import static io.liaison.shell.internal.CommandAssertions.error;
import static io.liaison.shell.internal.CommandAssertions.json;
import static io.liaison.shell.internal.CommandAssertions.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.StatusKey;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import io.liaison.shell.internal.FakeRuntime;
import io.liaison.shell.internal.InMemoryCrm;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncCommandsTest {
    static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    static final EmployeeId DEMO = EmployeeId.of("demo");

    FakeRuntime runtime = new FakeRuntime();
    InMemoryCrm crm = new InMemoryCrm();
    AccountId account;

    @BeforeEach
    void account() {
        account = runtime.create(new AccountRequest(DEMO, "local", Map.of(), false, null,
                Set.of(SyncArea.MAILS, SyncArea.TASKS), ConflictPolicy.CRM_WINS)).id();
    }

    static SyncRun run(String id, AccountId account, Instant start, RunStatus status, Map<Outcome, Integer> counts,
                       List<String> created, Optional<String> error) {
        return new SyncRun(id, account, Set.of(SyncArea.MAILS), SyncTrigger.MANUAL, start,
                Optional.of(start.plusMillis(1500)), status, counts, created, error);
    }

    SyncCommand sync(String account) {
        SyncCommand c = new SyncCommand();
        c.accounts = runtime;
        c.sync = runtime;
        c.account = account;
        c.zone = ZoneOffset.UTC;
        return c;
    }

    RunsCommand runs() {
        RunsCommand c = new RunsCommand();
        c.journal = runtime;
        c.accounts = runtime;
        c.zone = ZoneOffset.UTC;
        return c;
    }

    ActivitiesCommand activities(String employee) {
        ActivitiesCommand c = new ActivitiesCommand();
        c.crm = crm;
        c.journal = runtime;
        c.employee = employee;
        c.zone = ZoneOffset.UTC;
        return c;
    }

    @Test
    void syncRunsTheAccountsAreasAndPrintsTheSummary() throws Exception {
        runtime.onSync = (id, areas) -> run("r1", id, T0, RunStatus.COMPLETED_WITH_ERRORS,
                Map.of(Outcome.CREATED, 2, Outcome.FAILED, 1), List.of("a7", "a8"),
                Optional.of("1 message could not be parsed"));

        String out = output(sync(account.value()));

        assertThat(runtime.lastSyncAreas).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(out).isEqualTo("""
                Run r1 of account acc-1: COMPLETED_WITH_ERRORS
                  trigger manual, areas mails, started 2026-05-04 08:00:00, took 1.5 s
                  items: created 2, failed 1
                  created activities (2): a7, a8
                  error: 1 message could not be parsed
                """);
    }

    /** The spec: "You can define a permanent default under User Preferences / Groupware. By default, only emails". */
    @Test
    void withoutAreasTheEmployeesPreferredAreasRunOfThoseTheAccountHas() throws Exception {
        runtime.onSync = (id, areas) -> run("r1", id, T0, RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty());
        io.liaison.shell.internal.InMemoryPreferences preferences = new io.liaison.shell.internal.InMemoryPreferences();
        SyncCommand defaults = sync(account.value());
        defaults.preferences = preferences;
        output(defaults);
        assertThat(runtime.lastSyncAreas).containsExactly(SyncArea.MAILS);

        preferences.set(DEMO, new io.liaison.api.runtime.GroupwarePreferences(
                Set.of(SyncArea.TASKS, SyncArea.APPOINTMENTS), true, false));
        SyncCommand tasks = sync(account.value());
        tasks.preferences = preferences;
        output(tasks);
        assertThat(runtime.lastSyncAreas).as("appointments: the account does not have them").containsExactly(SyncArea.TASKS);

        preferences.set(DEMO, new io.liaison.api.runtime.GroupwarePreferences(Set.of(SyncArea.CONTACTS), true, false));
        SyncCommand none = sync(account.value());
        none.preferences = preferences;
        output(none);
        assertThat(runtime.lastSyncAreas).as("none of the preferred: the account's areas")
                .containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
    }

    @Test
    void acceptDeletesRunsTheAccountOnceWithTheGuardsDeletesAccepted() throws Exception {
        runtime.onSync = (id, areas) -> run("r1", id, T0, RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty());
        SyncCommand c = sync(account.value());
        c.acceptDeletes = true;
        output(c);
        assertThat(runtime.lastSyncTrigger).isEqualTo(SyncTrigger.ACCEPT_DELETES);

        output(sync(account.value()));
        assertThat(runtime.lastSyncTrigger).isEqualTo(SyncTrigger.MANUAL);

        SyncCommand both = sync(account.value());
        both.acceptDeletes = true;
        both.only = "APPOINTMENTS:DELETE_IN_CRM:1:g1";
        assertThatThrownBy(() -> output(both)).hasMessageContaining("does not go with --only");
    }

    @Test
    void syncWithAreasAndJson() throws Exception {
        runtime.onSync = (id, areas) -> run("r1", id, T0, RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty());
        SyncCommand c = sync(account.value());
        c.areas = "tasks";

        JsonNode j = json(c);

        assertThat(runtime.lastSyncAreas).containsExactly(SyncArea.TASKS);
        assertThat(j.get("id").asText()).isEqualTo("r1");
        assertThat(j.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(j.get("durationMillis").asLong()).isEqualTo(1500);
        assertThat(j.get("counts").get("CREATED").asInt()).isZero();
        assertThat(j.get("counts").size()).isEqualTo(Outcome.values().length);
        assertThat(j.get("createdActivities").isEmpty()).isTrue();
        assertThat(j.get("error").isNull()).isTrue();
    }

    @Test
    void syncErrorsAreOneLine() {
        assertThat(error(sync("ghost"))).isEqualTo("Error: unknown account 'ghost'");
        SyncCommand badAreas = sync(account.value());
        badAreas.areas = "everything";
        assertThat(error(badAreas)).startsWith("Error: unknown area 'everything'");
        runtime.onSync = (id, areas) -> {
            throw new SyncAlreadyRunningException("a run of account " + id + " is under way");
        };
        assertThat(error(sync(account.value()))).isEqualTo("Error: a run of account acc-1 is under way");
        runtime.onSync = (id, areas) -> {
            throw new IllegalStateException("boom\nat line 2");
        };
        assertThat(error(sync(account.value())))
                .isEqualTo("Error: IllegalStateException: boom at line 2 (details in the log)");
    }

    @Test
    void runsListsTheJournalNewestFirst() throws Exception {
        runtime.runs.add(run("r1", account, T0, RunStatus.SUCCEEDED, Map.of(Outcome.CREATED, 3), List.of(), Optional.empty()));
        runtime.runs.add(run("r2", account, T0.plusSeconds(900), RunStatus.FAILED, Map.of(), List.of(),
                Optional.of("sign-in refused")));
        AccountId other = runtime.create(new AccountRequest(DEMO, "local", Map.of(), false, null, null, null)).id();
        runtime.runs.add(run("r3", other, T0.plusSeconds(60), RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty()));

        assertThat(output(runs())).isEqualTo("""
                RUN  ACCOUNT  TRIGGER  STARTED              TOOK   STATUS     ITEMS      ERROR
                ---  -------  -------  -------------------  -----  ---------  ---------  ---------------
                r2   acc-1    MANUAL   2026-05-04 08:15:00  1.5 s  FAILED     no items   sign-in refused
                r3   acc-2    MANUAL   2026-05-04 08:01:00  1.5 s  SUCCEEDED  no items
                r1   acc-1    MANUAL   2026-05-04 08:00:00  1.5 s  SUCCEEDED  created 3
                """);
        RunsCommand ofAccount = runs();
        ofAccount.account = "acc-1";
        ofAccount.limit = "1";
        assertThat(json(ofAccount)).singleElement().satisfies(n -> assertThat(n.get("id").asText()).isEqualTo("r2"));
        RunsCommand none = runs();
        none.account = "acc-2";
        runtime.runs.removeIf(r -> r.account().equals(other));
        assertThat(output(none)).isEqualTo("No sync runs of account acc-2 yet.\n");
    }

    @Test
    void runsShowsOneRunWithItsEntries() throws Exception {
        runtime.runs.add(run("r1", account, T0, RunStatus.COMPLETED_WITH_ERRORS,
                Map.of(Outcome.CREATED, 1, Outcome.FAILED, 1), List.of("a1"), Optional.empty()));
        runtime.entries.put("r1", List.of(
                new JournalEntry("r1", T0.plusMillis(100), SyncArea.MAILS, "Offer.eml", Outcome.CREATED, "",
                        Optional.of("a1")),
                new JournalEntry("r1", T0.plusMillis(200), SyncArea.MAILS, "Broken\u001b[31m.eml", Outcome.FAILED,
                        "not a MIME message", Optional.empty())));
        RunsCommand c = runs();
        c.runId = "r1";
        c.entries = true;

        String out = output(c);

        assertThat(out).startsWith("Run r1 of account acc-1: COMPLETED_WITH_ERRORS\n")
                .contains("2026-05-04 08:00:00  MAILS  CREATED  Offer.eml        a1")
                .contains("FAILED   Broken [31m.eml")
                .contains("not a MIME message")
                .doesNotContain("\u001b");
        RunsCommand asJson = runs();
        asJson.runId = "r1";
        asJson.entries = true;
        JsonNode j = json(asJson);
        assertThat(j.get("entries")).hasSize(2);
        assertThat(j.get("entries").get(1).get("item").asText()).isEqualTo("Broken\u001b[31m.eml");
        assertThat(j.get("entries").get(0).get("crmId").asText()).isEqualTo("a1");
    }

    @Test
    void withoutTheRuntimeTheCommandsSaySo() {
        SyncCommand noSync = sync(account.value());
        noSync.sync = null;
        assertThat(error(noSync)).isEqualTo("Error: no SyncService service is available: the Liaison runtime "
                + "(feature liaison-runtime) is not running");
        RunsCommand noJournal = runs();
        noJournal.journal = null;
        assertThat(error(noJournal)).startsWith("Error: no SyncJournal service is available");
    }

    @Test
    void runsErrors() {
        RunsCommand unknownRun = runs();
        unknownRun.runId = "r404";
        assertThat(error(unknownRun)).isEqualTo("Error: unknown run 'r404'");
        RunsCommand entriesAlone = runs();
        entriesAlone.entries = true;
        assertThat(error(entriesAlone)).isEqualTo("Error: --entries needs --run RUN_ID");
        RunsCommand unknownAccount = runs();
        unknownAccount.account = "ghost";
        assertThat(error(unknownAccount)).isEqualTo("Error: unknown account 'ghost'");
        RunsCommand badLimit = runs();
        badLimit.limit = "-1";
        assertThat(error(badLimit)).isEqualTo("Error: bad --limit '-1': expected a whole number from 1 to 10000");
    }

    ActivityData mail(String subject, StatusKey status, boolean assigned) {
        ActivityData.Builder b = ActivityData.builder(ActivityType.MAIL_IN, DEMO).status(status).subject(subject)
                .start(T0).mail(new MailDetails("<" + subject + "@x>", Optional.empty(), List.of(), "sender@firma.de",
                        "Sender", List.of("demo@example.com"), List.of(), Optional.of(T0), Optional.of(T0)));
        if (assigned) {
            b.businessPartner(new BusinessPartnerId("bp9"));
        }
        return b.build();
    }

    @Test
    void activitiesByQuicksearchAndByRun() throws Exception {
        var imported = crm.addActivity(mail("Offer", StatusKey.IMPORTED, true), Optional.of("m1"));
        var unassigned = crm.addActivity(mail("Who is this?", StatusKey.IMPORTED, false), Optional.of("m2"));
        var done = crm.addActivity(mail("Done\u001b[2J", StatusKey.DONE, false), Optional.of("m3"));
        crm.addActivity(ActivityData.builder(ActivityType.TASK, DEMO).subject("Call back").build(), Optional.empty());

        assertThat(json(activities("demo"))).extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder(imported.id().value(), unassigned.id().value());
        ActivitiesCommand notAssigned = activities("demo");
        notAssigned.unassigned = true;
        assertThat(json(notAssigned)).extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder(unassigned.id().value(), done.id().value());
        ActivitiesCommand all = activities("demo");
        all.allImported = true;
        all.limit = "2";
        assertThat(json(all)).hasSize(2);
        ActivitiesCommand allText = activities("demo");
        allText.allImported = true;
        String text = output(allText);
        assertThat(text).startsWith("All imported mails for employee demo (3):\n")
                .contains("MAILIN  I       2026-05-04 08:00:00  sender@firma.de  Offer")
                .contains("partner bp9")
                .contains("Done [2J")
                .doesNotContain("\u001b")
                .doesNotContain("Call back");

        runtime.runs.add(run("r1", account, T0, RunStatus.SUCCEEDED, Map.of(Outcome.CREATED, 2),
                List.of(imported.id().value(), done.id().value()), Optional.empty()));
        ActivitiesCommand byRun = activities("demo");
        byRun.runId = "r1";
        JsonNode j = json(byRun);
        assertThat(j).extracting(n -> n.get("subject").asText()).containsExactlyInAnyOrder("Offer", "Done\u001b[2J");
        assertThat(j.get(0).get("from").asText()).isEqualTo("sender@firma.de");

        runtime.runs.add(run("r0", account, T0, RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty()));
        ActivitiesCommand emptyRun = activities("demo");
        emptyRun.runId = "r0";
        assertThat(output(emptyRun)).isEqualTo("No activities created by run r0 for employee demo.\n");
    }

    @Test
    void activitiesErrors() {
        assertThat(error(activities("ghost"))).isEqualTo("Error: unknown employee 'ghost'");
        ActivitiesCommand two = activities("demo");
        two.imported = true;
        two.unassigned = true;
        assertThat(error(two)).isEqualTo("Error: choose one of --imported, --unassigned, --all-imported, --run");
        ActivitiesCommand unknownRun = activities("demo");
        unknownRun.runId = "r404";
        assertThat(error(unknownRun)).isEqualTo("Error: unknown run 'r404'");
        ActivitiesCommand noRuntime = activities("demo");
        noRuntime.journal = null;
        noRuntime.runId = "r1";
        assertThat(error(noRuntime)).isEqualTo("Error: no SyncJournal service is available: the Liaison runtime "
                + "(feature liaison-runtime) is not running");
        ActivitiesCommand noCrm = activities("demo");
        noCrm.crm = null;
        assertThat(error(noCrm)).isEqualTo("Error: no HostCrm service is available: a host CRM "
                + "(feature liaison-crm-embedded or the CRM vendor's bundle) is not running");
    }
}

package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncAlreadyRunningException;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;

/** {@code /api/runs}: the employee's runs, a run's entries paged and filtered, starting a run. */
class RunsResourceTest {
    static ApiServer api;
    GroupwareAccount demos;
    GroupwareAccount annas;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void accountsWithRuns() {
        api.runtime.accounts.clear();
        api.runtime.runs.clear();
        api.runtime.entries.clear();
        api.journal = api.runtime;
        api.sync = api.runtime;
        demos = api.runtime.create(new AccountRequest(api.demo, "local", Map.of(), false, null,
                Set.of(SyncArea.MAILS, SyncArea.TASKS), null));
        annas = api.runtime.create(new AccountRequest(api.anna, "local", Map.of(), false, null, null, null));
        api.runtime.runs.add(run("run-d1", demos.id(), "2026-12-01T10:00:00Z"));
        api.runtime.runs.add(run("run-d2", demos.id(), "2026-12-02T10:00:00Z"));
        api.runtime.runs.add(run("run-a1", annas.id(), "2026-12-03T10:00:00Z"));
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            entries.add(new JournalEntry("run-d2", Instant.parse("2026-12-02T10:00:00Z").plusSeconds(i),
                    SyncArea.MAILS, "mail " + i, i % 10 == 0 ? Outcome.FAILED : Outcome.CREATED,
                    i % 10 == 0 ? "unreadable" : "", Optional.of("act-" + i)));
        }
        api.runtime.entries.put("run-d2", entries);
    }

    private static SyncRun run(String id, AccountId account, String at) {
        return new SyncRun(id, account, Set.of(SyncArea.MAILS), SyncTrigger.SCHEDULED, Instant.parse(at),
                Optional.of(Instant.parse(at).plusSeconds(5)), RunStatus.SUCCEEDED, Map.of(Outcome.CREATED, 3),
                List.of("act-1", "act-2", "act-3"), Optional.empty());
    }

    @Test
    void aUserListsTheRunsOfTheirAccountsNewestFirst() {
        JsonNode runs = api.get("demo", "runs").json();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("id").asText()).isEqualTo("run-d2");
        assertThat(runs.get(1).get("id").asText()).isEqualTo("run-d1");
        assertThat(runs.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(runs.get(0).get("counts").get("CREATED").asInt()).isEqualTo(3);
        assertThat(runs.get(0).get("createdActivities")).hasSize(3);
        assertThat(runs.get(0).get("startedAt").asText()).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(api.get("demo", "runs?limit=1").json()).hasSize(1);
    }

    @Test
    void anAdministratorListsEveryRunOrOneAccounts() {
        assertThat(api.get("boss", "runs").json()).hasSize(3);
        assertThat(api.get("boss", "runs?account=" + annas.id()).json()).hasSize(1);
    }

    @Test
    void anotherEmployeesRunsAreNotFound() {
        assertThat(api.get("demo", "runs/run-a1").status()).isEqualTo(404);
        assertThat(api.get("demo", "runs/run-a1/entries").status()).isEqualTo(404);
        assertThat(api.get("demo", "runs?account=" + annas.id()).status()).isEqualTo(404);
        assertThat(api.get("anna", "runs").json()).hasSize(1);
        assertThat(api.get("anna", "runs/run-d1").status()).isEqualTo(404);
        assertThat(api.get("boss", "runs/run-a1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownRunIsAProblem404() {
        ApiServer.Answer a = api.get("boss", "runs/no-such-run");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    @Test
    void entriesArePagedInRecordedOrder() {
        JsonNode page = api.get("demo", "runs/run-d2/entries?offset=100&limit=50").json();
        assertThat(page.get("total").asInt()).isEqualTo(120);
        assertThat(page.get("offset").asInt()).isEqualTo(100);
        assertThat(page.get("items")).hasSize(20);
        assertThat(page.get("items").get(0).get("item").asText()).isEqualTo("mail 100");
        assertThat(page.get("items").get(0).get("crmId").asText()).isEqualTo("act-100");
        assertThat(api.get("demo", "runs/run-d2/entries").json().get("items")).hasSize(50);
    }

    @Test
    void entriesAreFilteredByOutcome() {
        JsonNode failed = api.get("demo", "runs/run-d2/entries?outcome=FAILED").json();
        assertThat(failed.get("total").asInt()).isEqualTo(12);
        assertThat(failed.get("items").get(1).get("item").asText()).isEqualTo("mail 10");
        assertThat(failed.get("items").get(1).get("message").asText()).isEqualTo("unreadable");
        assertThat(api.get("demo", "runs/run-d2/entries?outcome=failed&outcome=CREATED").json()
                .get("total").asInt()).isEqualTo(120);
        assertThat(api.get("demo", "runs/run-d2/entries?outcome=FAILED,CREATED").json()
                .get("total").asInt()).isEqualTo(120);
    }

    @Test
    void badQueryParametersAreProblemsNamingThem() {
        ApiServer.Answer outcome = api.get("demo", "runs/run-d2/entries?outcome=EXPLODED");
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.json().get("field").asText()).isEqualTo("outcome");
        ApiServer.Answer limit = api.get("demo", "runs/run-d2/entries?limit=100000");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("field").asText()).isEqualTo("limit");
        ApiServer.Answer offset = api.get("demo", "runs/run-d2/entries?offset=minus-one");
        assertThat(offset.status()).isEqualTo(400);
        assertThat(offset.json().get("field").asText()).isEqualTo("offset");
    }

    @Test
    void startingARunRunsTheAccountAndAnswersTheEndedRun() {
        api.runtime.onSync = (account, areas) -> new SyncRun("run-new", account, areas, SyncTrigger.MANUAL,
                Instant.now(), Optional.of(Instant.now()), RunStatus.SUCCEEDED, Map.of(), List.of(), Optional.empty());
        ApiServer.Answer a = api.send("demo", "POST", "runs", "{\"account\":\"" + demos.id() + "\"}");
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(a.json().get("id").asText()).isEqualTo("run-new");
        assertThat(a.json().get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(api.runtime.lastSyncTrigger).isEqualTo(SyncTrigger.MANUAL);
        assertThat(api.runtime.lastSyncAreas).isEqualTo(demos.areas());

        api.send("demo", "POST", "runs", "{\"account\":\"" + demos.id() + "\",\"areas\":[\"TASKS\"]}");
        assertThat(api.runtime.lastSyncAreas).containsExactly(SyncArea.TASKS);
    }

    @Test
    void startingARunOfAnotherEmployeesAccountIsNotFound() {
        api.runtime.lastSyncAreas = null;
        ApiServer.Answer a = api.send("demo", "POST", "runs", "{\"account\":\"" + annas.id() + "\"}");
        assertThat(a.status()).isEqualTo(404);
        assertThat(api.runtime.lastSyncAreas).isNull();
    }

    @Test
    void startingARunWithBadInputIsAProblem() {
        ApiServer.Answer noAccount = api.send("demo", "POST", "runs", "{}");
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.json().get("field").asText()).isEqualTo("account");
        ApiServer.Answer wrongArea = api.send("demo", "POST", "runs",
                "{\"account\":\"" + demos.id() + "\",\"areas\":[\"EVERYTHING\"]}");
        assertThat(wrongArea.status()).isEqualTo(400);
        assertThat(wrongArea.json().get("field").asText()).isEqualTo("areas[0]");
    }

    @Test
    void aRunUnderWayIsAConflict() {
        api.runtime.onSync = (account, areas) -> {
            throw new SyncAlreadyRunningException("a run of " + account + " is under way");
        };
        ApiServer.Answer a = api.send("demo", "POST", "runs", "{\"account\":\"" + demos.id() + "\"}");
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().get("detail").asText()).contains("under way");
    }

    @Test
    void withoutTheJournalTheRunsAnswer503() {
        api.journal = null;
        ApiServer.Answer a = api.get("demo", "runs");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("type").asText()).endsWith("not-installed");
        assertThat(api.get("demo", "accounts").status()).isEqualTo(200);
    }
}

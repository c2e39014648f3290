package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.ConflictPolicy;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;

/** {@code /api/accounts}: every call, bad input as 4xx problem documents, and two employees kept apart. */
class AccountsResourceTest {
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
    void twoEmployeesWithOneAccountEach() {
        api.runtime.accounts.clear();
        api.runtime.credentials.clear();
        api.accounts = api.runtime;
        api.crm = api.hostCrm;
        demos = api.runtime.create(request(api.demo));
        annas = api.runtime.create(request(api.anna));
    }

    private static AccountRequest request(EmployeeId employee) {
        return new AccountRequest(employee, "local", Map.of("root", "/tmp/x"), false, null, null, null);
    }

    @Test
    void aUserListsOnlyTheirOwnAccounts() {
        ApiServer.Answer a = api.get("demo", "accounts");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).hasSize(1);
        assertThat(a.json().get(0).get("id").asText()).isEqualTo(demos.id().value());
        assertThat(a.json().get(0).get("employee").asText()).isEqualTo(api.demo.value());
        assertThat(a.json().get(0).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(a.json().get(0).get("areas").get(0).asText()).isEqualTo("MAILS");
        assertThat(a.json().get(0).get("intervalMinutes").asInt()).isEqualTo(15);
    }

    @Test
    void anAdministratorListsEveryAccount() {
        assertThat(api.get("boss", "accounts").json()).hasSize(2);
    }

    @Test
    void getAnswersTheAccountAndItsBlockedState() {
        api.runtime.block(demos.id(), "sign-in refused");
        JsonNode a = api.get("demo", "accounts/" + demos.id()).json();
        assertThat(a.get("state").asText()).isEqualTo("PASSWORD_BLOCKED");
        assertThat(a.get("stateReason").asText()).isEqualTo("sign-in refused");
    }

    @Test
    void anotherEmployeesAccountIsNotFoundForEveryCall() {
        String path = "accounts/" + annas.id();
        for (ApiServer.Answer a : new ApiServer.Answer[] {api.get("demo", path),
                api.send("demo", "PATCH", path, "{\"autoSync\":true}"),
                api.send("demo", "PUT", path + "/credentials", "{\"password\":\"x\"}"),
                api.send("demo", "DELETE", path, null)}) {
            assertThat(a.status()).as(a.toString()).isEqualTo(404);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.runtime.accounts.get(annas.id())).isEqualTo(annas);
        assertThat(api.runtime.credentials).isEmpty();
        assertThat(api.get("boss", path).status()).isEqualTo(200);
    }

    @Test
    void anUnknownIdIsAProblem404() {
        ApiServer.Answer a = api.get("boss", "accounts/no-such");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("status").asInt()).isEqualTo(404);
        assertThat(a.json().get("detail").asText()).contains("no-such");
    }

    @Test
    void aUserCreatesAnAccountForThemselvesWithWriteOnlyCredentials() {
        ApiServer.Answer a = api.send("anna", "POST", "accounts", """
                {"connectorType":"local","settings":{"root":"/data/anna"},"autoSync":true,"intervalMinutes":30,
                 "areas":["MAILS","TASKS"],"conflictPolicy":"NEWEST_WINS",
                 "credentials":{"username":"anna","password":"pa55-word"}}""");
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        JsonNode body = a.json();
        AccountId id = AccountId.of(body.get("id").asText());
        assertThat(a.response().headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/liaison/api/accounts/" + id));
        GroupwareAccount stored = api.runtime.accounts.get(id);
        assertThat(stored.employee()).isEqualTo(api.anna);
        assertThat(stored.autoSync()).isTrue();
        assertThat(stored.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(stored.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(stored.conflictPolicy()).isEqualTo(ConflictPolicy.NEWEST_WINS);
        Credentials credentials = api.runtime.credentials.get(id);
        assertThat(credentials.username()).isEqualTo("anna");
        assertThat(credentials.secret().reveal()).isEqualTo("pa55-word");
        assertThat(a.body()).doesNotContain("pa55-word").doesNotContain("password").doesNotContain("credentials");
    }

    @Test
    void aUserCannotCreateAnAccountForAnotherEmployee() {
        ApiServer.Answer a = api.send("anna", "POST", "accounts",
                "{\"connectorType\":\"local\",\"employee\":\"demo\"}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("field").asText()).isEqualTo("employee");
        assertThat(api.runtime.accounts).hasSize(2);
    }

    @Test
    void anAdministratorNamesTheEmployeeByLoginOrId() {
        ApiServer.Answer byLogin = api.send("boss", "POST", "accounts",
                "{\"connectorType\":\"local\",\"employee\":\"anna\"}");
        assertThat(byLogin.status()).isEqualTo(201);
        assertThat(byLogin.json().get("employee").asText()).isEqualTo(api.anna.value());
        ApiServer.Answer byId = api.send("boss", "POST", "accounts",
                "{\"connectorType\":\"local\",\"employee\":\"" + api.demo + "\"}");
        assertThat(byId.json().get("employee").asText()).isEqualTo(api.demo.value());
        ApiServer.Answer missing = api.send("boss", "POST", "accounts", "{\"connectorType\":\"local\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("employee");
        ApiServer.Answer unknown = api.send("boss", "POST", "accounts",
                "{\"connectorType\":\"local\",\"employee\":\"nobody\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("employee");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ApiServer.Answer malformed = api.send("demo", "POST", "accounts", "{\"connectorType\": ");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").asText()).endsWith("invalid-json");

        ApiServer.Answer wrongEnum = api.send("demo", "POST", "accounts",
                "{\"connectorType\":\"local\",\"conflictPolicy\":\"LOUDEST_WINS\"}");
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.json().get("field").asText()).isEqualTo("conflictPolicy");
        assertThat(wrongEnum.json().get("detail").asText()).contains("LOUDEST_WINS").contains("CRM_WINS");

        ApiServer.Answer wrongArea = api.send("demo", "POST", "accounts",
                "{\"connectorType\":\"local\",\"areas\":[\"MAILS\",\"FAXES\"]}");
        assertThat(wrongArea.status()).isEqualTo(400);
        assertThat(wrongArea.json().get("field").asText()).isEqualTo("areas[1]");

        ApiServer.Answer unknownField = api.send("demo", "POST", "accounts",
                "{\"connectorType\":\"local\",\"colour\":\"red\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("field").asText()).isEqualTo("colour");

        ApiServer.Answer noType = api.send("demo", "POST", "accounts", "{\"settings\":{}}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().get("field").asText()).isEqualTo("connectorType");

        ApiServer.Answer shortInterval = api.send("demo", "POST", "accounts",
                "{\"connectorType\":\"local\",\"intervalMinutes\":0}");
        assertThat(shortInterval.status()).isEqualTo(400);
        assertThat(shortInterval.json().get("field").asText()).isEqualTo("intervalMinutes");

        ApiServer.Answer noBody = api.send("demo", "POST", "accounts", null);
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
        assertThat(api.runtime.accounts).hasSize(2);
    }

    @Test
    void changeTouchesOnlyTheFieldsGiven() {
        ApiServer.Answer a = api.send("demo", "PATCH", "accounts/" + demos.id(), """
                {"areas":["APPOINTMENTS","CONTACTS"],"autoSync":true,"intervalMinutes":5,"conflictPolicy":"KEEP_BOTH"}""");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        GroupwareAccount changed = api.runtime.accounts.get(demos.id());
        assertThat(changed.areas()).containsExactlyInAnyOrder(SyncArea.APPOINTMENTS, SyncArea.CONTACTS);
        assertThat(changed.autoSync()).isTrue();
        assertThat(changed.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(changed.conflictPolicy()).isEqualTo(ConflictPolicy.KEEP_BOTH);
        assertThat(changed.settings()).isEqualTo(demos.settings());
        assertThat(a.json().get("intervalMinutes").asInt()).isEqualTo(5);

        api.send("demo", "PATCH", "accounts/" + demos.id(), "{\"autoSync\":false}");
        assertThat(api.runtime.accounts.get(demos.id()).autoSync()).isFalse();
        assertThat(api.runtime.accounts.get(demos.id()).interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void changeSwitchesAnAccountOffAndOn() {
        assertThat(api.send("demo", "PATCH", "accounts/" + demos.id(), "{\"enabled\":false}").json()
                .get("state").asText()).isEqualTo("DISABLED");
        assertThat(api.send("demo", "PATCH", "accounts/" + demos.id(), "{\"enabled\":true}").json()
                .get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aWrongEnumOnChangeIsA400AndChangesNothing() {
        ApiServer.Answer a = api.send("demo", "PATCH", "accounts/" + demos.id(), "{\"conflictPolicy\":\"crm\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("field").asText()).isEqualTo("conflictPolicy");
        assertThat(api.runtime.accounts.get(demos.id())).isEqualTo(demos);
    }

    @Test
    void newCredentialsLiftTheBlockAndAreNeverAnswered() {
        api.runtime.block(demos.id(), "sign-in refused");
        ApiServer.Answer a = api.send("demo", "PUT", "accounts/" + demos.id() + "/credentials",
                "{\"username\":\"demo\",\"password\":\"n3w-secret\",\"more\":{\"refreshToken\":\"tok-123\"}}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(a.body()).doesNotContain("n3w-secret").doesNotContain("tok-123");
        assertThat(api.runtime.credentials.get(demos.id()).secret().reveal()).isEqualTo("n3w-secret");
        assertThat(api.runtime.credentials.get(demos.id()).named("refreshToken").orElseThrow().reveal())
                .isEqualTo("tok-123");
        assertThat(api.get("demo", "accounts/" + demos.id()).body()).doesNotContain("n3w-secret");
    }

    @Test
    void deleteRemovesTheAccount() {
        ApiServer.Answer a = api.send("demo", "DELETE", "accounts/" + demos.id(), null);
        assertThat(a.status()).isEqualTo(204);
        assertThat(api.runtime.accounts).doesNotContainKey(demos.id());
        assertThat(api.get("demo", "accounts/" + demos.id()).status()).isEqualTo(404);
    }

    @Test
    void withoutTheRuntimeTheAccountsAnswer503AndTheRestStillWorks() {
        api.accounts = null;
        ApiServer.Answer a = api.get("demo", "accounts");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("type").asText()).endsWith("not-installed");
        assertThat(a.json().get("detail").asText()).contains("liaison-runtime");
        assertThat(api.get("demo", "openapi.json").status()).isEqualTo(200);
    }

    @Test
    void withoutAHostCrmAUserIs503AndAnAdministratorStillWorks() {
        api.crm = null;
        assertThat(api.get("demo", "accounts").status()).isEqualTo(503);
        assertThat(api.get("boss", "accounts").status()).isEqualTo(200);
    }

    @Test
    void aServiceErrorIsA400WithItsMessage() {
        api.accounts = new FakeRuntime() {
            @Override
            public GroupwareAccount create(AccountRequest r) {
                throw new IllegalArgumentException("setting root: no such folder");
            }

            @Override
            public Optional<GroupwareAccount> get(AccountId id) {
                return Optional.empty();
            }
        };
        ApiServer.Answer a = api.send("demo", "POST", "accounts", "{\"connectorType\":\"local\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("detail").asText()).isEqualTo("setting root: no such folder");
        assertThat(a.contentType()).startsWith("application/problem+json");
    }
}

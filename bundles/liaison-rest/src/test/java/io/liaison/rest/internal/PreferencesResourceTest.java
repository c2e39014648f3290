package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.GroupwarePreferences;

/** {@code /api/preferences}: the caller's own groupware preferences, the spec's defaults, bad input, two employees. */
class PreferencesResourceTest {
    static ApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void nobodyChoseYet() {
        api.runtime.preferences.clear();
        api.runtime.accounts.clear();
        api.preferences = api.runtime;
    }

    @Test
    void anEmployeeWhoNeverChoseHasTheSpecsDefaults() {
        ApiServer.Answer a = api.get("demo", "preferences");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        JsonNode p = a.json();
        // the spec: "By default, only emails are imported", "only activities of the current import are displayed"
        assertThat(p.get("wizardAreas")).hasSize(1);
        assertThat(p.get("wizardAreas").get(0).asText()).isEqualTo("MAILS");
        assertThat(p.get("onlyCurrentImport").asBoolean()).isTrue();
        assertThat(p.get("syncOnOpen").asBoolean()).isFalse();
        assertThat(p.get("syncOnOpenActive").asBoolean()).isFalse();
    }

    @Test
    void aChangeStoresTheFieldsGivenForTheCallerOnly() {
        ApiServer.Answer a = api.send("demo", "PUT", "preferences",
                "{\"wizardAreas\":[\"TASKS\",\"MAILS\"],\"syncOnOpen\":true}");
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("syncOnOpen").asBoolean()).isTrue();
        assertThat(a.json().get("syncOnOpenActive").asBoolean()).isTrue();
        assertThat(a.json().get("onlyCurrentImport").asBoolean()).isTrue();
        assertThat(api.runtime.preferences.get(api.demo))
                .isEqualTo(new GroupwarePreferences(EnumSet.of(SyncArea.MAILS, SyncArea.TASKS), true, true));

        api.send("demo", "PUT", "preferences", "{\"onlyCurrentImport\":false}");
        JsonNode again = api.get("demo", "preferences").json();
        assertThat(again.get("onlyCurrentImport").asBoolean()).isFalse();
        assertThat(again.get("wizardAreas")).hasSize(2);

        assertThat(api.runtime.preferences).doesNotContainKey(api.anna);
        assertThat(api.get("anna", "preferences").json().get("syncOnOpen").asBoolean()).isFalse();
    }

    @Test
    void syncOnOpenIsInactiveWhileAnAccountSynchronisesAutomatically() {
        api.runtime.create(new AccountRequest(api.demo, "local", Map.of(), true, null, null, null));
        JsonNode p = api.send("demo", "PUT", "preferences", "{\"syncOnOpen\":true}").json();
        assertThat(p.get("syncOnOpen").asBoolean()).isTrue();
        assertThat(p.get("syncOnOpenActive").asBoolean()).isFalse();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        ApiServer.Answer empty = api.send("demo", "PUT", "preferences", "{\"wizardAreas\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().get("field").asText()).isEqualTo("wizardAreas");
        ApiServer.Answer wrongArea = api.send("demo", "PUT", "preferences", "{\"wizardAreas\":[\"EVERYTHING\"]}");
        assertThat(wrongArea.status()).isEqualTo(400);
        assertThat(wrongArea.json().get("field").asText()).isEqualTo("wizardAreas[0]");
        ApiServer.Answer malformed = api.send("demo", "PUT", "preferences", "{\"syncOnOpen\":");
        assertThat(malformed.status()).isEqualTo(400);
        ApiServer.Answer tooLong = api.send("demo", "PUT", "preferences",
                "{\"x\":\"" + "a".repeat(2_000_000) + "\"}");
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(api.runtime.preferences).isEmpty();
    }

    @Test
    void anAdministratorWithoutAnEmployeeHasNoPreferences() {
        assertThat(api.get("boss", "preferences").status()).isEqualTo(403);
        assertThat(api.get("ghost", "preferences").status()).isEqualTo(403);
    }

    @Test
    void withoutTheRuntimeThePreferencesAnswer503() {
        api.preferences = null;
        ApiServer.Answer a = api.get("demo", "preferences");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.json().get("type").asText()).endsWith("not-installed");
    }
}

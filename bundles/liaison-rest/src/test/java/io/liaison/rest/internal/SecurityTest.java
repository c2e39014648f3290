package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication (RFC 7617 Basic), the roles, the cross-site checks on writes and the body bound. */
class SecurityTest {
    static ApiServer api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void withoutCredentialsIs401WithABasicChallengeAndAProblem() {
        ApiServer.Answer a = api.get(null, "accounts");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic realm="));
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(401);
        assertThat(a.json().get("title").asText()).isNotBlank();
        assertThat(a.json().get("type").asText()).isNotBlank();
    }

    @Test
    void aWrongPasswordOrAMalformedHeaderIs401() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("demo:wrong".getBytes());
        assertThat(api.send(HttpRequest.newBuilder(api.uri("accounts")).header("Authorization", wrong).build())
                .status()).isEqualTo(401);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("accounts")).header("Authorization", "Basic %%%")
                .build()).status()).isEqualTo(401);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("accounts")).header("Authorization", "Bearer x")
                .build()).status()).isEqualTo(401);
    }

    @Test
    void aUserWithoutALiaisonRoleIs403() {
        ApiServer.Answer a = api.get("guest", "accounts");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("detail").asText()).contains("liaison-user");
    }

    @Test
    void aUserWhoIsNoCrmEmployeeIs403() {
        ApiServer.Answer a = api.get("ghost", "accounts");
        assertThat(a.status()).as(a.toString()).isEqualTo(403);
        assertThat(a.json().get("detail").asText()).contains("ghost");
    }

    @Test
    void theRightRoleIs200() {
        assertThat(api.get("demo", "accounts").status()).isEqualTo(200);
        assertThat(api.get("boss", "accounts").status()).isEqualTo(200);
    }

    @Test
    void aWriteWithoutTheCustomHeaderIsRefused() {
        ApiServer.Answer a = api.send(HttpRequest.newBuilder(api.uri("accounts"))
                .header("Authorization", api.request("demo", "accounts").build().headers()
                        .firstValue("Authorization").orElseThrow())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connectorType\":\"local\"}")).build());
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("detail").asText()).contains(RequestGuard.HEADER);
        assertThat(api.runtime.accounts).isEmpty();
    }

    @Test
    void aWriteFromAnotherSiteIsRefused() {
        ApiServer.Answer bySite = api.send(api.request("demo", "accounts").header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connectorType\":\"local\"}")).build());
        assertThat(bySite.status()).isEqualTo(403);
        assertThat(bySite.json().get("type").asText()).endsWith("cross-site");
        ApiServer.Answer byOrigin = api.send(api.request("demo", "accounts").header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connectorType\":\"local\"}")).build());
        assertThat(byOrigin.status()).isEqualTo(403);
        assertThat(api.runtime.accounts).isEmpty();
    }

    @Test
    void aWriteFromThisOriginPasses() {
        String origin = "http://" + api.uri("").getRawAuthority();
        ApiServer.Answer a = api.send(api.request("demo", "accounts").header("Origin", origin)
                .header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connectorType\":\"local\"}")).build());
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        api.runtime.accounts.clear();
    }

    @Test
    void aReadNeedsNoCustomHeader() {
        ApiServer.Answer a = api.send(HttpRequest.newBuilder(api.uri("accounts"))
                .header("Authorization", api.request("demo", "accounts").build().headers()
                        .firstValue("Authorization").orElseThrow()).header("Sec-Fetch-Site", "cross-site").build());
        assertThat(a.status()).isEqualTo(200);
    }

    @Test
    void aBodyOverOneMebibyteIs413WhetherAnnouncedOrStreamed() {
        String big = "{\"connectorType\":\"local\",\"settings\":{\"x\":\"" + "a".repeat(RequestGuard.MAX_BODY) + "\"}}";
        ApiServer.Answer announced = api.send("demo", "POST", "accounts", big);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.contentType()).startsWith("application/problem+json");
        ApiServer.Answer streamed = api.send(api.request("demo", "accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build());
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(api.runtime.accounts).isEmpty();
    }

    @Test
    void aBodyJustUnderTheBoundIsRead() {
        String prefix = "{\"connectorType\":\"local\",\"settings\":{\"x\":\"";
        String body = prefix + "a".repeat(RequestGuard.MAX_BODY - prefix.length() - 3) + "\"}}";
        assertThat(body.length()).isEqualTo(RequestGuard.MAX_BODY);
        ApiServer.Answer a = api.send("demo", "POST", "accounts", body);
        assertThat(a.status()).as(a.toString().substring(0, 200)).isEqualTo(201);
        api.runtime.accounts.clear();
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        ApiServer.Answer path = api.get("demo", "nothing-here");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.contentType()).startsWith("application/problem+json");
        ApiServer.Answer method = api.send("demo", "PUT", "accounts", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
        ApiServer.Answer type = api.send(api.request("demo", "accounts").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(type.status()).isEqualTo(415);
        assertThat(type.contentType()).startsWith("application/problem+json");
    }
}

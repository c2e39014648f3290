package io.liaison.graph.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

import static io.liaison.graph.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outlook's limit of four concurrent requests per app and mailbox, and Graph running up to four steps of a batch at
 * once ("Microsoft Graph service-specific throttling limits", Outlook service limits and their JSON batching section,
 * https://learn.microsoft.com/en-us/graph/throttling-limits). The requests are held in flight by the emulator's latency;
 * every test first waits (polling, with a deadline) until the requests it means to overlap are running.
 */
class MailboxConcurrencyTest extends MailboxTestSupport {

    static final String UPN = "gail@contoso.com";
    static final Duration HELD = Duration.ofMillis(2500);

    MailboxConcurrencyTest() {
        super(UPN);
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        HttpRequest req = client.request(path).GET().build();
        return client.http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> batchAsync(int steps) throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 1; i <= steps; i++) {
            requests.add(Map.of("id", Integer.toString(i), "method", "GET", "url", "/users/" + UPN + "/mailFolders/inbox"));
        }
        HttpRequest req = client.request("/$batch").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestClient.JSON.writeValueAsString(Map.of("requests", requests))))
                .build();
        return client.http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (value.getAsInt() != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + expected + " but was " + value.getAsInt());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aFifthConcurrentRequestToAMailboxIsThrottledWithMailboxConcurrency() throws Exception {
        emulator.mailbox("hugo@contoso.com");
        emulator.faults().latency(HELD);
        List<CompletableFuture<HttpResponse<String>>> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(getAsync("/users/" + UPN + "/mailFolders/inbox"));
        }
        awaitValue(() -> emulator.stats().runningAtOutlook(UPN), 4);

        HttpResponse<String> fifth = client.get("/users/" + UPN + "/mailFolders/inbox");

        assertThat(fifth.statusCode()).isEqualTo(429);
        JsonNode error = json(fifth).get("error");
        assertThat(error.get("code").asText()).isEqualTo("ApplicationThrottled");
        assertThat(error.get("message").asText()).isEqualTo("Application is over its MailboxConcurrency limit.");
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("1");
        // the limit is per mailbox: another mailbox of the same app is served
        assertThat(client.get("/users/hugo@contoso.com/mailFolders/inbox").statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> f : four) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        assertThat(emulator.stats().throttled(UPN)).isEqualTo(1);
        assertThat(emulator.stats().runningAtOutlook(UPN)).isZero();
    }

    @Test
    void aBatchRunsFourStepsAtOnceAndTheyCountAgainstTheMailbox() throws Exception {
        emulator.faults().latency(HELD);
        CompletableFuture<HttpResponse<String>> batch = batchAsync(6);
        awaitValue(() -> emulator.stats().runningAtOutlook(UPN), 4);

        HttpResponse<String> plain = client.get("/users/" + UPN + "/mailFolders/inbox");

        assertThat(plain.statusCode()).isEqualTo(429);
        assertThat(json(plain).get("error").get("code").asText()).isEqualTo("ApplicationThrottled");
        JsonNode responses = json(batch.get()).get("responses");
        assertThat(responses).hasSize(6);
        responses.forEach(r -> assertThat(r.get("status").asInt()).isEqualTo(200));
    }

    @Test
    void aStepBeyondTheLimitIsThrottledInsideTheBatch() throws Exception {
        emulator.faults().latency(HELD);
        CompletableFuture<HttpResponse<String>> plain = getAsync("/users/" + UPN + "/mailFolders/inbox");
        awaitValue(() -> emulator.stats().runningAtOutlook(UPN), 1);

        // four steps start at once next to the plain request: one of them is the fifth request of the mailbox
        JsonNode responses = json(batchAsync(4).get()).get("responses");

        List<Integer> statuses = new ArrayList<>();
        responses.forEach(r -> statuses.add(r.get("status").asInt()));
        assertThat(statuses).containsExactlyInAnyOrder(200, 200, 200, 429);
        responses.forEach(r -> {
            if (r.get("status").asInt() == 429) {
                assertThat(r.get("body").get("error").get("code").asText()).isEqualTo("ApplicationThrottled");
                assertThat(r.get("body").get("error").get("message").asText()).contains("MailboxConcurrency");
            }
        });
        assertThat(plain.get().statusCode()).isEqualTo(200);
    }

    @Test
    void stepsChainedWithDependsOnRunOneAfterTheOther() throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            requests.add(i == 1 ? Map.of("id", "1", "method", "GET", "url", "/users/" + UPN + "/mailFolders/inbox")
                    : Map.of("id", Integer.toString(i), "method", "GET", "url", "/users/" + UPN + "/mailFolders/inbox",
                    "dependsOn", List.of(Integer.toString(i - 1))));
        }
        // three requests of the mailbox in flight: a chained batch adds one at a time and stays within the limit
        emulator.faults().latency(HELD);
        List<CompletableFuture<HttpResponse<String>>> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(getAsync("/users/" + UPN + "/mailFolders/inbox"));
        }
        awaitValue(() -> emulator.stats().runningAtOutlook(UPN), 3);
        emulator.faults().latency(Duration.ZERO);

        JsonNode responses = json(client.send("POST", "/$batch", Map.of("requests", requests))).get("responses");

        responses.forEach(r -> assertThat(r.get("status").asInt()).isEqualTo(200));
        for (CompletableFuture<HttpResponse<String>> f : three) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
    }
}

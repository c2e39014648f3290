package io.liaison.connector.graph.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.http.middleware.UrlReplaceHandler;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.liaison.api.connector.ConnectorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads many items in {@code $batch} requests of up to {@value #MAX_STEPS} steps, where a delta query names items
 * whose details (extended properties, linked resources, contact photos) it cannot return. Sub-requests carry our preferences
 * themselves; a throttled or unavailable sub-request is sent again in a later batch after the longest wait of its batch
 * ({@link ThrottleWait}: the {@code Retry-After}, else an exponential backoff with jitter).
 */
final class GraphBatch {

    static final int MAX_STEPS = 20;
    private static final int MAX_ATTEMPTS = GraphHttp.MAX_RETRIES + 1;
    private static final Logger LOG = LoggerFactory.getLogger(GraphBatch.class);

    private final GraphServiceClient client;
    private final GraphCalls calls;
    private final ThrottleWait throttleWait;

    GraphBatch(GraphServiceClient client, GraphCalls calls) {
        this(client, calls, new ThrottleWait());
    }

    GraphBatch(GraphServiceClient client, GraphCalls calls, ThrottleWait throttleWait) {
        this.client = client;
        this.calls = calls;
        this.throttleWait = throttleWait;
    }

    /**
     * GETs every request; the result holds the items found, by the caller's key (404s are left out).
     *
     * @param what names the items for error messages
     */
    <T extends Parsable> Map<String, T> getAll(String what, Map<String, RequestInformation> requests,
                                               ParsableFactory<T> factory) {
        return getAll(what, requests, (response, step) -> response.getResponseById(step, factory));
    }

    /**
     * GETs binary content (a photo's {@code $value}) for every request: Graph returns a non-JSON body of a batch
     * response base64-encoded. The result holds the bytes found, by the caller's key (404s are left out).
     *
     * @param what names the items for error messages
     */
    Map<String, byte[]> getAllBytes(String what, Map<String, RequestInformation> requests) {
        return getAll(what, requests, (response, step) -> binary(response.getResponseById(step)));
    }

    private <T> Map<String, T> getAll(String what, Map<String, RequestInformation> requests,
                                      BiFunction<BatchResponseContent, String, T> decode) {
        Map<String, T> found = new LinkedHashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(requests.keySet());
        while (!pending.isEmpty()) {
            BatchRequestContent batch = new BatchRequestContent(client);
            Map<String, String> keyOfStep = new LinkedHashMap<>();
            while (!pending.isEmpty() && keyOfStep.size() < MAX_STEPS) {
                String key = pending.poll();
                keyOfStep.put(batch.addBatchRequestStep(nativeRequest(requests.get(key))), key);
            }
            BatchResponseContent response = calls.call(what + " ($batch)", () -> post(batch));
            Map<String, Integer> status = response.getResponsesStatusCode();
            Duration wait = Duration.ZERO;
            for (Map.Entry<String, String> step : keyOfStep.entrySet()) {
                String key = step.getValue();
                int code = Optional.ofNullable(status.get(step.getKey())).orElse(0);
                if (code >= 200 && code < 300) {
                    found.put(key, decode.apply(response, step.getKey()));
                } else if (code == 404) {
                    LOG.debug("{}: {} {} is gone", calls.account(), what, key);
                } else if (code == 429 || code == 503 || code == 504) {
                    Response answer = response.getResponseById(step.getKey());
                    boolean concurrency = code == 429 && ThrottleWait.isMailboxConcurrency(body(answer));
                    int attempt = attempts.merge(key, 1, Integer::sum);
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new ConnectorException(calls.account() + ": " + what + " " + key + " stayed throttled (HTTP "
                                + code + (concurrency ? " ApplicationThrottled: over the mailbox's limit of "
                                + MailboxGate.MAX_IN_FLIGHT + " concurrent requests per app, MailboxConcurrency; another "
                                + "program signed in with the same app registration is working on this mailbox" : "")
                                + ") after " + MAX_ATTEMPTS + " attempts");
                    }
                    Duration mine = throttleWait.after(attempt,
                            ThrottleWait.retryAfter(answer == null ? null : answer.header("Retry-After")), concurrency);
                    wait = mine.compareTo(wait) > 0 ? mine : wait;
                    pending.add(key);
                } else {
                    throw new ConnectorException(calls.account() + ": " + what + " " + key + ": HTTP " + code + " in $batch");
                }
            }
            if (!wait.isZero() && !pending.isEmpty()) {
                sleep(wait);
            }
        }
        return found;
    }

    /** The body of a sub-response with binary content: a JSON string holding base64 (empty for no body). */
    private byte[] binary(Response response) {
        try {
            String body = response == null || response.body() == null ? "" : response.body().string();
            if (body.isBlank()) {
                return new byte[0];
            }
            JsonElement json = JsonParser.parseString(body);
            if (!json.isJsonPrimitive() || !json.getAsJsonPrimitive().isString()) {
                throw new ConnectorException(calls.account() + ": $batch answered binary content as " + (json.isJsonObject()
                        ? "a JSON object" : "JSON that is no base64 string"));
            }
            return Base64.getMimeDecoder().decode(json.getAsString());
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new ConnectorException(calls.account() + ": binary content in $batch cannot be read: " + e, e);
        }
    }

    private BatchResponseContent post(BatchRequestContent batch) {
        try {
            return client.getBatchRequestBuilder().post(batch, null);
        } catch (IOException e) {
            throw new ConnectorException(calls.account() + ": $batch failed: " + e, e);
        }
    }

    /** The sub-request as Graph should see it: {@code /me} replaced, our preferences in its own headers. */
    private Request nativeRequest(RequestInformation info) {
        RequestAdapter adapter = client.getRequestAdapter();
        Request request = adapter.convertToNativeRequest(info);
        request = UrlReplaceHandler.replaceRequestUrl(request, Map.of("/users/" + GraphHttp.ME_TOKEN, "/me"));
        return request.newBuilder().header("Prefer", String.join(", ", GraphHttp.PREFERENCES)).build();
    }

    /** The text of a sub-response's body (an error's JSON), empty when there is none or it cannot be read. */
    private static String body(Response response) {
        try {
            return response == null || response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            return "";
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(calls.account() + ": interrupted while waiting to send throttled requests again",
                    new InterruptedIOException());
        }
    }

}

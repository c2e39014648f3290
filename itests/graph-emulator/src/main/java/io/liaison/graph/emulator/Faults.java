package io.liaison.graph.emulator;

import java.time.Duration;

/** Faults the emulator injects, so tests can see how a client copes. All settings apply from the next request on. */
public interface Faults {

    /**
     * The next {@code count} token requests fail with HTTP 401
     * {@code {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. ..."}}.
     */
    void rejectSignIns(int count);

    /**
     * That share (0..1) of Graph requests, batch sub-requests included ($batch envelopes excluded), gets
     * 429 {@code TooManyRequests} with a {@code Retry-After} header; the choice is drawn from a {@link java.util.Random}
     * seeded with {@code seed}.
     */
    void throttle(double ratio, int retryAfterSeconds, long seed);

    /** The next {@code count} HTTP requests to Graph (a $batch envelope counts as one) get 503 with {@code Retry-After}. */
    void serviceUnavailable(int count, int retryAfterSeconds);

    /** Every delta and skip token issued so far answers 410 Gone with error code {@code SyncStateNotFound} from now on. */
    void expireDeltaTokens();

    /** Every access token issued so far answers 401 {@code InvalidAuthenticationToken} from now on. */
    void expireAccessTokens();

    /** Every HTTP request to Graph waits that long before it is answered (while counted as in flight). */
    void latency(Duration perRequest);

    /** Removes every fault (expired tokens stay expired). */
    void clear();
}

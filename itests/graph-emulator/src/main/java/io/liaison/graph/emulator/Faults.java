package io.liaison.graph.emulator;

import java.time.Duration;

/** Faults the emulator injects, so tests can see how a client copes. All settings apply from the next request on. */
public interface Faults {

    /**
     * The next {@code count} token requests fail with HTTP 401
     * {@code {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. ..."}}.
     */
    void rejectSignIns(int count);

    /** The next {@code count} token requests are refused with this error (as the identity platform answers it). */
    void refuseSignIns(int count, SignInRefusal refusal);

    /**
     * Sign-in errors of the identity platform ("Microsoft Entra authentication and authorization error codes",
     * https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes): a wrong secret, and the
     * configuration faults an administrator must fix (a scope or resource the tenant does not know, an access policy
     * such as Conditional Access that blocks the app).
     */
    enum SignInRefusal {
        /** 401 {@code invalid_client}, AADSTS7000215: the client secret is wrong. */
        INVALID_CLIENT(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided."),
        /** 400 {@code invalid_scope}, AADSTS70011: the scope is not valid. */
        INVALID_SCOPE(400, "invalid_scope", 70011, "AADSTS70011: The provided value for the input parameter 'scope' is not valid."),
        /** 400 {@code invalid_resource}, AADSTS500011: the resource is not found in the tenant. */
        INVALID_RESOURCE(400, "invalid_resource", 500011, "AADSTS500011: The resource principal named https://graph.microsoft.com was not found in the tenant."),
        /** 400 {@code access_denied}, AADSTS53003: blocked by Conditional Access. */
        ACCESS_DENIED(400, "access_denied", 53003, "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.");

        final int status;
        final String error;
        final long code;
        final String description;

        SignInRefusal(int status, String error, long code, String description) {
            this.status = status;
            this.error = error;
            this.code = code;
            this.description = description;
        }
    }

    /**
     * That share (0..1) of Graph requests, batch sub-requests included ($batch envelopes excluded), gets
     * 429 {@code TooManyRequests} with a {@code Retry-After} header; the choice is drawn from a {@link java.util.Random}
     * seeded with {@code seed}. A negative {@code retryAfterSeconds} sends no {@code Retry-After} (Graph does not always
     * send one: "Microsoft Graph throttling guidance" recommends exponential backoff then).
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

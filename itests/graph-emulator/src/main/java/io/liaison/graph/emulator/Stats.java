package io.liaison.graph.emulator;

import java.util.Map;

/** Request counters, per mailbox (by user principal name, case-insensitive). */
public interface Stats {

    /** @return token endpoint requests (all grants, failed ones included) */
    int tokenRequests();

    /** @return HTTP requests for that mailbox; a $batch counts once for every mailbox its sub-requests address */
    int requests(String userPrincipalName);

    /** @return sub-requests of $batch requests addressed to that mailbox */
    int batchSubRequests(String userPrincipalName);

    /** @return the highest number of HTTP requests in flight at once for that mailbox */
    int maxConcurrent(String userPrincipalName);

    /**
     * @return plain requests and {@code $batch} steps running at Outlook for that mailbox right now, the count that
     *         Outlook's limit of four concurrent requests applies to (batch envelopes not counted)
     */
    int runningAtOutlook(String userPrincipalName);

    /** @return requests and sub-requests for that mailbox answered with 429 (injected or over the concurrency limit) */
    int throttled(String userPrincipalName);

    /**
     * @return counts by kind ("messages.delta", "events.create", "batch", ...), sub-requests included, for that mailbox
     */
    Map<String, Integer> requestsByKind(String userPrincipalName);

    /**
     * @return requests (batch sub-requests by their own headers; $batch envelopes not counted) for that mailbox that
     *         did not carry {@code Prefer: IdType="ImmutableId"}
     */
    int requestsWithoutImmutableIdPreference(String userPrincipalName);

    /** Sets every counter back to zero. */
    void reset();
}

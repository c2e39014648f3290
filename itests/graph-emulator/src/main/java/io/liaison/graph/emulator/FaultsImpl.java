package io.liaison.graph.emulator;

import java.time.Duration;
import java.util.Random;

/** The fault switches; every method is thread-safe. */
final class FaultsImpl implements Faults {

    /** What {@link #takeThrottle()} answers for a request that is not to be throttled. */
    static final int NOT_THROTTLED = Integer.MIN_VALUE;

    private final Runnable expireDelta;
    private final Runnable expireAccess;
    private int rejectSignIns;
    private SignInRefusal refusal = SignInRefusal.INVALID_CLIENT;
    private double throttleRatio;
    private int throttleRetryAfter;
    private Random throttleRandom;
    private int unavailable;
    private int unavailableRetryAfter;
    private Duration latency = Duration.ZERO;

    FaultsImpl(Runnable expireDelta, Runnable expireAccess) {
        this.expireDelta = expireDelta;
        this.expireAccess = expireAccess;
    }

    @Override
    public synchronized void rejectSignIns(int count) {
        refuseSignIns(count, SignInRefusal.INVALID_CLIENT);
    }

    @Override
    public synchronized void refuseSignIns(int count, SignInRefusal refusal) {
        rejectSignIns = Math.max(0, count);
        this.refusal = java.util.Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public synchronized void throttle(double ratio, int retryAfterSeconds, long seed) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("throttle ratio must be within 0..1, was " + ratio);
        }
        throttleRatio = ratio;
        throttleRetryAfter = Math.max(-1, retryAfterSeconds);
        throttleRandom = new Random(seed);
    }

    @Override
    public synchronized void serviceUnavailable(int count, int retryAfterSeconds) {
        unavailable = Math.max(0, count);
        unavailableRetryAfter = Math.max(0, retryAfterSeconds);
    }

    @Override
    public void expireDeltaTokens() {
        expireDelta.run();
    }

    @Override
    public void expireAccessTokens() {
        expireAccess.run();
    }

    @Override
    public synchronized void latency(Duration perRequest) {
        latency = perRequest == null || perRequest.isNegative() ? Duration.ZERO : perRequest;
    }

    @Override
    public synchronized void clear() {
        rejectSignIns = 0;
        throttleRatio = 0;
        throttleRandom = null;
        unavailable = 0;
        latency = Duration.ZERO;
    }

    /** @return the refusal when this sign-in is to be refused (consumes one) */
    synchronized java.util.Optional<SignInRefusal> takeSignInRejection() {
        if (rejectSignIns > 0) {
            rejectSignIns--;
            return java.util.Optional.of(refusal);
        }
        return java.util.Optional.empty();
    }

    /**
     * @return the Retry-After seconds when this request is to be throttled (-1: throttled without Retry-After), else
     *         {@link #NOT_THROTTLED}
     */
    synchronized int takeThrottle() {
        if (throttleRandom == null || throttleRatio <= 0) {
            return NOT_THROTTLED;
        }
        return throttleRandom.nextDouble() < throttleRatio ? throttleRetryAfter : NOT_THROTTLED;
    }

    /** @return the Retry-After seconds when this request is to get 503, else -1 */
    synchronized int takeUnavailable() {
        if (unavailable > 0) {
            unavailable--;
            return unavailableRetryAfter;
        }
        return -1;
    }

    synchronized Duration latency() {
        return latency;
    }
}

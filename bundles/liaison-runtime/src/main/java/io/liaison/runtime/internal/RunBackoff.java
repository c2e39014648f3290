package io.liaison.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How an account whose runs keep failing is run automatically: after {@link #FAILING_AFTER} failed runs in a row it is
 * FAILING, and each further scheduled run waits {@code interval × 2^k} after the last failure (k = 1 at the
 * {@link #FAILING_AFTER}th failure, one more for each failure since), at most {@link #CAP}; so that a deleted mailbox
 * or a server that is gone costs a few runs a day instead of one every interval. Manual runs are not held back.
 */
final class RunBackoff {
    /** How many runs in a row must fail before the account is FAILING and its scheduled runs back off. */
    static final int FAILING_AFTER = 3;
    /** The longest wait between two scheduled runs of a FAILING account (unless its interval is longer). */
    static final Duration CAP = Duration.ofHours(24);
    /** Beyond this many doublings the wait is past the cap for any interval of a minute or more. */
    private static final int MAX_DOUBLINGS = 20;

    private RunBackoff() {
    }

    /** Whether that many failed runs in a row make an account FAILING. */
    static boolean isFailing(int failedRuns) {
        return failedRuns >= FAILING_AFTER;
    }

    /** The wait after the last failed run before the next scheduled one; zero while the account is not FAILING. */
    static Duration delay(Duration interval, int failedRuns) {
        if (!isFailing(failedRuns)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failedRuns - FAILING_AFTER + 1, MAX_DOUBLINGS);
        Duration wait = interval.multipliedBy(1L << doublings);
        Duration cap = interval.compareTo(CAP) > 0 ? interval : CAP;
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    /** When the next scheduled run of an account with this failure streak may go, if it must wait at all. */
    static Optional<Instant> notBefore(FailureStreak streak, Duration interval) {
        if (!isFailing(streak.failedRuns()) || streak.lastFailedAt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(streak.lastFailedAt().get().plus(delay(interval, streak.failedRuns())));
    }

    /** How many runs of an account failed in a row, and when the last of them ended. */
    record FailureStreak(int failedRuns, Optional<Instant> lastFailedAt) {
        static final FailureStreak NONE = new FailureStreak(0, Optional.empty());
    }
}

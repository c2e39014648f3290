package io.liaison.activitysync.internal;

import java.time.Duration;
import java.time.Instant;

/** Waiting for the clocks the "newest wins" tests compare to move on between two edits. */
final class Clocks {

    /**
     * Linux stamps a file with the kernel's coarse clock, which lags the system clock by up to one timer tick (1-10
     * ms), so a file written right after a CRM change can carry an earlier time than that change. Edits by people are
     * seconds apart; a test makes its two edits at least this far apart.
     */
    private static final Duration FILE_TIME_GRANULARITY = Duration.ofMillis(30);

    private Clocks() {
    }

    static void moveOnPastFileTimes() {
        Instant until = Instant.now().plus(FILE_TIME_GRANULARITY);
        while (Instant.now().isBefore(until)) {
            try {
                Thread.sleep(Duration.between(Instant.now(), until).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

package io.liaison.connector.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Waits of throttled batch steps as "Microsoft Graph throttling guidance" asks: the {@code Retry-After} when there is
 * one, else an exponential backoff with jitter, bounded; Outlook's concurrency limit is no time to wait out.
 */
class ThrottleWaitTest {

    /** The real answer of Outlook's concurrency limit (Microsoft Q&A 734143, 2143058). */
    static final String MAILBOX_CONCURRENCY = "{\"error\":{\"code\":\"ApplicationThrottled\","
            + "\"message\":\"Application is over its MailboxConcurrency limit.\",\"innerError\":{\"date\":\"2024-05-28T19:37:44\"}}}";

    @Test
    void aRetryAfterIsWaitedOutAsGiven() {
        ThrottleWait wait = new ThrottleWait(() -> 0.99);

        assertThat(wait.after(1, Optional.of(Duration.ofSeconds(7)), false)).isEqualTo(Duration.ofSeconds(7));
        assertThat(wait.after(9, Optional.of(Duration.ofSeconds(2)), false)).isEqualTo(Duration.ofSeconds(2));
        assertThat(wait.after(1, Optional.of(Duration.ofHours(3)), false)).isEqualTo(ThrottleWait.LONGEST_RETRY_AFTER);
    }

    @Test
    void withoutRetryAfterTheWaitDoublesWithJitterUpToItsBound() {
        ThrottleWait low = new ThrottleWait(() -> 0.0);
        ThrottleWait high = new ThrottleWait(() -> 0.999999);

        // half of each step fixed, the other half random
        assertThat(low.after(1, Optional.empty(), false)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.after(1, Optional.empty(), false)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(low.after(2, Optional.empty(), false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.after(4, Optional.empty(), false)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.after(4, Optional.empty(), false)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
        assertThat(high.after(10, Optional.empty(), false)).isLessThanOrEqualTo(ThrottleWait.LONGEST);
        assertThat(low.after(40, Optional.empty(), false)).isEqualTo(ThrottleWait.LONGEST.dividedBy(2));
        assertThat(new ThrottleWait().after(3, Optional.empty(), false)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void theMailboxConcurrencyLimitBacksOffNoShorterThanItsRetryAfter() {
        ThrottleWait low = new ThrottleWait(() -> 0.0);

        assertThat(ThrottleWait.isMailboxConcurrency(MAILBOX_CONCURRENCY)).isTrue();
        assertThat(low.after(1, Optional.of(Duration.ofSeconds(1)), true)).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.after(5, Optional.of(Duration.ofSeconds(1)), true)).isEqualTo(Duration.ofSeconds(8));
        assertThat(low.after(5, Optional.empty(), true)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void otherAnswersAreNotTheConcurrencyLimit() {
        assertThat(ThrottleWait.isMailboxConcurrency("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry again later.\"}}"))
                .isFalse();
        assertThat(ThrottleWait.isMailboxConcurrency("{\"error\":{\"code\":\"ApplicationThrottled\","
                + "\"message\":\"Application is over its RequestRate limit.\"}}")).isFalse();
        assertThat(ThrottleWait.isMailboxConcurrency("")).isFalse();
        assertThat(ThrottleWait.isMailboxConcurrency("not json")).isFalse();
        assertThat(ThrottleWait.isMailboxConcurrency("\"a string\"")).isFalse();
    }

    @Test
    void retryAfterHeadersAreReadInSecondsFractionsIncluded() {
        assertThat(ThrottleWait.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(ThrottleWait.retryAfter(" 0.249 ")).contains(Duration.ofMillis(249));
        assertThat(ThrottleWait.retryAfter(null)).isEmpty();
        assertThat(ThrottleWait.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
        assertThat(ThrottleWait.retryAfter("-1")).isEmpty();
    }
}

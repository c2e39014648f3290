package io.liaison.connector.graph.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long a throttled {@code $batch} step waits before it is sent again. "Microsoft Graph throttling guidance"
 * (https://learn.microsoft.com/en-us/graph/throttling): wait the {@code Retry-After} Graph sent, and without one back
 * off exponentially. The backoff doubles from {@link #FIRST} up to {@link #LONGEST} and is jittered (half of it fixed,
 * half random) so that sessions throttled together do not come back together.
 * <p>
 * Outlook's concurrency limit (429 {@code ApplicationThrottled}, "Application is over its MailboxConcurrency limit.")
 * is not over after a time: its {@code Retry-After} of 1 means "when one of the app's requests on the mailbox has
 * finished" (Microsoft's answer on Q&amp;A 2143058). Our own requests are kept within the limit by {@link MailboxGate},
 * so the others run elsewhere (another process with the same app registration), and we cannot see them end: such a
 * step backs off exponentially, never shorter than the {@code Retry-After}.
 */
final class ThrottleWait {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(60);
    /** A longer {@code Retry-After} is taken as this (a bad header must not stall a run for hours). */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(120);

    private final DoubleSupplier random;

    ThrottleWait() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random numbers in [0, 1) for the jitter */
    ThrottleWait(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * @param attempt            how many times the step has been throttled so far (1 for the first time)
     * @param retryAfter         the answer's {@code Retry-After}, if it had a readable one
     * @param mailboxConcurrency whether the answer was Outlook's concurrency limit
     */
    Duration after(int attempt, Optional<Duration> retryAfter, boolean mailboxConcurrency) {
        Optional<Duration> told = retryAfter.map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d);
        if (told.isPresent() && !mailboxConcurrency) {
            return told.get();
        }
        Duration backoff = backoff(attempt);
        return told.filter(d -> d.compareTo(backoff) > 0).orElse(backoff);
    }

    private Duration backoff(int attempt) {
        long ceiling = LONGEST.toMillis();
        long exponential = FIRST.toMillis() << Math.min(Math.max(0, attempt - 1), 20);
        long full = Math.min(ceiling, exponential);
        return Duration.ofMillis(full / 2 + (long) (random.getAsDouble() * (full - full / 2)));
    }

    /** @return the seconds of a {@code Retry-After} header (Graph has been seen sending fractions), if readable */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            return seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds) ? Optional.empty()
                    : Optional.of(Duration.ofMillis((long) Math.min(seconds * 1000, LONGEST_RETRY_AFTER.toMillis())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return whether a 429's body is Outlook's concurrency limit ({@code ApplicationThrottled}, "MailboxConcurrency") */
    static boolean isMailboxConcurrency(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            JsonElement root = JsonParser.parseString(body);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("error")
                    || !root.getAsJsonObject().get("error").isJsonObject()) {
                return false;
            }
            JsonObject error = root.getAsJsonObject().getAsJsonObject("error");
            String code = error.has("code") && error.get("code").isJsonPrimitive() ? error.get("code").getAsString() : "";
            String message = error.has("message") && error.get("message").isJsonPrimitive()
                    ? error.get("message").getAsString() : "";
            return "ApplicationThrottled".equalsIgnoreCase(code) && message.contains("MailboxConcurrency");
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }
}

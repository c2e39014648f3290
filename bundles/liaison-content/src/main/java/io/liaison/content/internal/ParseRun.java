package io.liaison.content.internal;

import io.liaison.api.content.ParsedAttachment;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of parsing one message: its limits, its deadline, and every attachment spooled so far (so that
 * a failed parse releases them all).
 */
final class ParseRun {
    private final ParseLimits limits;
    private final long deadlineNanos;
    private final List<ParsedAttachment> spooled = new ArrayList<>();
    /** What one message's attachments may hold in memory together; the rest goes to temporary files. */
    static final long MEMORY_PER_MESSAGE = 8L * 1024 * 1024;
    private long memory;

    ParseRun(ParseLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.maxParseTime().toNanos();
    }

    ParseLimits limits() {
        return limits;
    }

    /** Throws when the time for this message is up. */
    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new LimitExceededException("parsing took longer than the limit of "
                    + limits.maxParseTime().toSeconds() + " s");
        }
    }

    /** Records a spooled attachment; throws when there are more than the limit allows. */
    void addAttachment(ParsedAttachment attachment) {
        spooled.add(attachment);
        if (spooled.size() > limits.maxAttachments()) {
            throw new LimitExceededException("more than the limit of " + limits.maxAttachments() + " attachments");
        }
    }

    /** Throws before spooling one more attachment would exceed the limit. */
    void checkAttachmentCount() {
        if (spooled.size() >= limits.maxAttachments()) {
            throw new LimitExceededException("more than the limit of " + limits.maxAttachments() + " attachments");
        }
    }

    /**
     * Takes {@code bytes} of the message's memory allowance for an attachment kept in memory; false (and nothing
     * taken) when the allowance would be exceeded, so that a message with many attachments cannot fill the heap.
     */
    boolean reserveMemory(long bytes) {
        if (memory + bytes > MEMORY_PER_MESSAGE) {
            return false;
        }
        memory += bytes;
        return true;
    }

    /** Releases every attachment spooled so far: the parse failed. */
    void releaseAll() {
        spooled.forEach(ParsedAttachment::close);
        spooled.clear();
    }
}

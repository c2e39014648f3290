package io.liaison.content.internal;

import java.time.Duration;

/**
 * The bounds one message parse runs within: bytes read, embedded message levels, multipart levels,
 * attachments, time, characters of body text, and the header limits handed to mime4j.
 *
 * @param maxMessageBytes   bytes of the raw message
 * @param maxDepth          levels of embedded messages (a mail attached to a mail counts one level)
 * @param maxAttachments    attachments in the whole message, embedded messages included
 * @param maxParseTime      wall time for one message
 * @param maxTextChars      characters kept of the text body and of the HTML body each (the rest is cut off
 *                          with a problem note)
 * @param maxHeaderCount    header fields per entity
 * @param maxHeaderLength   characters of one header field
 * @param maxLineLength     characters of one line
 * @param maxOutlookBytes   bytes of an Outlook {@code .msg} file, and of all the streams it declares together: POI
 *                          reads every stream of one whole into the heap, so this is lower than the general limit
 */
public record ParseLimits(long maxMessageBytes, int maxDepth, int maxAttachments, Duration maxParseTime,
                          int maxTextChars, int maxHeaderCount, int maxHeaderLength, int maxLineLength,
                          long maxOutlookBytes) {

    /** The defaults of {@link MessageParserComponent.Config}. */
    public static final ParseLimits DEFAULTS = new ParseLimits(512L * 1024 * 1024, 10, 500, Duration.ofSeconds(120),
            1_000_000, 1000, 100_000, 100_000, 64L * 1024 * 1024);

    public ParseLimits {
        if (maxMessageBytes <= 0 || maxDepth <= 0 || maxAttachments < 0 || maxTextChars <= 0
                || maxHeaderCount <= 0 || maxHeaderLength <= 0 || maxLineLength <= 0 || maxOutlookBytes <= 0
                || maxParseTime.isNegative() || maxParseTime.isZero()) {
            throw new IllegalArgumentException("every parse limit must be positive: " + this);
        }
    }

    /** Multipart levels allowed: three per message level, which real mail never comes near. */
    int maxMultipartDepth() {
        return maxDepth * 3 + 3;
    }

    ParseLimits withMaxMessageBytes(long bytes) {
        return new ParseLimits(bytes, maxDepth, maxAttachments, maxParseTime, maxTextChars, maxHeaderCount,
                maxHeaderLength, maxLineLength, maxOutlookBytes);
    }

    ParseLimits withMaxAttachments(int attachments) {
        return new ParseLimits(maxMessageBytes, maxDepth, attachments, maxParseTime, maxTextChars, maxHeaderCount,
                maxHeaderLength, maxLineLength, maxOutlookBytes);
    }

    ParseLimits withMaxParseTime(Duration time) {
        return new ParseLimits(maxMessageBytes, maxDepth, maxAttachments, time, maxTextChars, maxHeaderCount,
                maxHeaderLength, maxLineLength, maxOutlookBytes);
    }

    ParseLimits withMaxTextChars(int chars) {
        return new ParseLimits(maxMessageBytes, maxDepth, maxAttachments, maxParseTime, chars, maxHeaderCount,
                maxHeaderLength, maxLineLength, maxOutlookBytes);
    }

    ParseLimits withMaxOutlookBytes(long bytes) {
        return new ParseLimits(maxMessageBytes, maxDepth, maxAttachments, maxParseTime, maxTextChars, maxHeaderCount,
                maxHeaderLength, maxLineLength, bytes);
    }
}

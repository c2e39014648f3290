package io.liaison.api.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A document stored with an activity: an original message or one of its attachments.
 *
 * @param id             the CRM's id
 * @param activity       the activity it belongs to
 * @param fileName       the file name
 * @param mediaType      the media type detected from the content
 * @param size           the size in bytes
 * @param classification category and keywords
 * @param createdAt      when it was stored
 */
public record Document(DocumentId id, ActivityId activity, String fileName, String mediaType, long size,
                       Classification classification, Instant createdAt) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

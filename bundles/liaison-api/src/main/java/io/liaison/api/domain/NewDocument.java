package io.liaison.api.domain;

import java.util.Objects;

/**
 * What is known of a document before the host CRM stores it; the content travels as a stream beside it.
 *
 * @param fileName       the file name
 * @param mediaType      the media type detected from the content
 * @param classification category and keywords
 */
public record NewDocument(String fileName, String mediaType, Classification classification) {
    public NewDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(classification, "classification");
    }
}

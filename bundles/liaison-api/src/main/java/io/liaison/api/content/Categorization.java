package io.liaison.api.content;

import io.liaison.api.domain.Classification;
import java.util.Objects;
import java.util.Optional;

/**
 * What categorising a document gave: its classification and, when the rules wanted its text but it could not be
 * read (over the time budget, a damaged file, no extraction place free), why. The classification then rests on
 * the document's name and type only, which a user should be told about rather than find out.
 *
 * @param classification the category and keywords
 * @param textProblem    why the text could not be read, or empty when it was read or not needed
 * @since 1.2
 */
public record Categorization(Classification classification, Optional<String> textProblem) {
    public Categorization {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(textProblem, "textProblem");
    }

    /** A categorisation for which the text was read or not needed. */
    public static Categorization of(Classification classification) {
        return new Categorization(classification, Optional.empty());
    }
}

package io.liaison.api.domain;

import java.util.List;
import java.util.Objects;

/**
 * The category and keywords of a document, as the spec's "Edit document" step assigns them.
 *
 * @param category the category, e.g. "Invoice", or empty when none applies
 * @param keywords keywords, without duplicates, in the order found
 */
public record Classification(String category, List<String> keywords) {
    /** No category, no keywords. */
    public static final Classification NONE = new Classification("", List.of());

    public Classification {
        category = category == null ? "" : category;
        keywords = List.copyOf(new java.util.LinkedHashSet<>(Objects.requireNonNull(keywords, "keywords")));
    }
}

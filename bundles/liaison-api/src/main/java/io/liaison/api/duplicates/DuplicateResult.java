package io.liaison.api.duplicates;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one duplicate check: the strongest status found and every match, strongest first.
 *
 * @param status  the strongest status among the matches; {@code NONE} when there are none
 * @param matches the matching CRM contact persons
 */
public record DuplicateResult(DuplicateStatus status, List<DuplicateMatch> matches) {
    public DuplicateResult {
        Objects.requireNonNull(status, "status");
        matches = List.copyOf(matches);
    }
}

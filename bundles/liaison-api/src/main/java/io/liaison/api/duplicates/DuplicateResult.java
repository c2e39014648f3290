package io.liaison.api.duplicates;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one duplicate check: the strongest status found and every match, strongest first.
 *
 * @param status  the strongest status among the matches; {@code NONE} when there are none
 * @param matches the matching CRM contact persons
 * @param notes   values of the checked contact that could not be read and were left out of the check (e.g. "phone
 *                number 'n/a' is not a phone number"), for people; the rest was checked
 */
public record DuplicateResult(DuplicateStatus status, List<DuplicateMatch> matches, List<String> notes) {
    public DuplicateResult {
        Objects.requireNonNull(status, "status");
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
    }

    /** A result with every value of the checked contact read. */
    public DuplicateResult(DuplicateStatus status, List<DuplicateMatch> matches) {
        this(status, matches, List.of());
    }
}

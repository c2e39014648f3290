package io.liaison.api.duplicates;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact read from a file by a {@link ContactFileReader}, or why it could not be read.
 *
 * @param number    the entry's position in the file, from 1
 * @param label     a short text naming the entry for people (its name or e-mail address)
 * @param candidate the contact, empty when the entry could not be read
 * @param problem   why the entry could not be read, empty when it could
 * @param extra     other columns of a CSV row (header → value, in the file's order), passed through; empty for vCards
 */
public record ContactFileEntry(int number, String label, Optional<ContactCandidate> candidate,
                               Optional<String> problem, Map<String, String> extra) {
    public ContactFileEntry {
        label = label == null ? "" : label;
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(problem, "problem");
        if (candidate.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("an entry has either a contact or a problem");
        }
        // keeps the columns' order
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}

package io.liaison.api.connector;

import java.util.Objects;

/**
 * An item a connector could not read, and why; it stays where it is and shows in the journal.
 *
 * @param item   what identifies the item to a person: a path, an id, a subject
 * @param reason why it could not be read
 */
public record ItemProblem(String item, String reason) {
    public ItemProblem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
    }
}

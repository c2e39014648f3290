package io.liaison.api.domain;

import java.util.Objects;

/**
 * The key of an activity status as the host CRM's "Status" field knows it, e.g. {@code I} or {@code E}.
 * Import folders name one in square brackets: {@code CRM Erledigt [E]}.
 *
 * @param key the key; never blank, never containing square brackets
 */
public record StatusKey(String key) {
    /** "Imported": the status of every mail imported from the import folder itself. */
    public static final StatusKey IMPORTED = new StatusKey("I");
    /** "Erledigt" (done). */
    public static final StatusKey DONE = new StatusKey("E");

    public StatusKey {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
            throw new IllegalArgumentException("not a status key: '" + key + "'");
        }
    }

    @Override
    public String toString() {
        return key;
    }
}

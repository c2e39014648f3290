package io.liaison.api.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail folder.
 *
 * @param id       the connector's id of the folder
 * @param parentId the parent's id; empty for a top folder
 * @param name     the folder's own name, e.g. {@code CRM Erledigt [E]}
 * @param path     the names from the top down to this folder, e.g. {@code [Inbox, Import folder, CRM Erledigt [E]]}
 */
public record MailFolder(String id, Optional<String> parentId, String name, List<String> path) {
    public MailFolder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(name, "name");
        path = List.copyOf(path);
    }

    /** The path joined with {@code /}, for messages to people. */
    public String displayPath() {
        return String.join("/", path);
    }
}

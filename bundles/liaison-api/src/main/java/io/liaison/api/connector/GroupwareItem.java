package io.liaison.api.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * An event, task or contact as the groupware holds it.
 *
 * @param id      the connector's id; survives moves and renames
 * @param version changes with every change of the item (change key, ETag, content hash)
 * @param crmId   the CRM id stored with the item, if it is linked
 * @param data    the content
 * @param <T>     the content type
 */
public record GroupwareItem<T>(String id, String version, Optional<String> crmId, T data) {
    public GroupwareItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(data, "data");
    }
}

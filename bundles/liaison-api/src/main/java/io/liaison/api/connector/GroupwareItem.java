package io.liaison.api.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event, task or contact as the groupware holds it.
 *
 * @param id         the connector's id; survives moves and renames
 * @param version    changes with every change of the item (change key, ETag, content hash)
 * @param crmId      the CRM id stored with the item, if it is linked
 * @param data       the content
 * @param modifiedAt when the groupware last changed the item (Graph's {@code lastModifiedDateTime}, a file's time),
 *                   when the connector can tell; the "newest wins" conflict policy compares it with the CRM's time
 * @param <T>        the content type
 */
public record GroupwareItem<T>(String id, String version, Optional<String> crmId, T data, Optional<Instant> modifiedAt) {
    public GroupwareItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }

    /** An item whose connector cannot tell when it was last changed (the form before modification times). */
    public GroupwareItem(String id, String version, Optional<String> crmId, T data) {
        this(id, version, crmId, data, Optional.empty());
    }
}

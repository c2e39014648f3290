package io.liaison.connector.graph.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** Reading the OData annotations and the common properties Graph puts on an item. */
final class Graph {

    private Graph() {
    }

    /** Whether a delta item is a removal ({@code @removed}). */
    static boolean isRemoved(Map<String, Object> additionalData) {
        return additionalData != null && additionalData.containsKey("@removed");
    }

    /** The item's {@code @odata.etag}, if Graph sent one. */
    static Optional<String> etag(Map<String, Object> additionalData) {
        return additionalData == null ? Optional.empty()
                : Optional.ofNullable(additionalData.get("@odata.etag")).map(Object::toString);
    }

    /**
     * When Exchange last changed the item ({@code lastModifiedDateTime} of outlookItem and todoTask: "always in UTC"),
     * for the "newest wins" policy; empty when the answer had none (a {@code $select} without it).
     */
    static Optional<Instant> modifiedAt(OffsetDateTime lastModified) {
        return Optional.ofNullable(lastModified).map(OffsetDateTime::toInstant);
    }
}

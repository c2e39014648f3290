package io.liaison.connector.graph.internal;

import java.util.Map;
import java.util.Optional;

/** Reading the OData annotations Graph puts next to an item's properties. */
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
}

package io.liaison.api.crm;

import java.util.Objects;

/**
 * A position in a host CRM change feed. Opaque to Liaison, which stores it and hands it back.
 *
 * @param value the CRM's own representation
 */
public record CrmToken(String value) {
    public CrmToken {
        Objects.requireNonNull(value, "value");
    }
}

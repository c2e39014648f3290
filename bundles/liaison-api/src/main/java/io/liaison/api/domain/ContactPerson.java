package io.liaison.api.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact person as the host CRM stores it.
 *
 * @param id          the CRM's id
 * @param version     increases with every change
 * @param modifiedAt  when the CRM last changed it
 * @param externalKey a key from the system it was loaded from (the CSV loader's {@code id}), if any
 * @param data        the content
 */
public record ContactPerson(ContactPersonId id, long version, Instant modifiedAt, Optional<String> externalKey,
                            ContactPersonData data) {
    public ContactPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(externalKey, "externalKey");
        Objects.requireNonNull(data, "data");
    }
}

package io.liaison.api.crm;

import io.liaison.api.domain.Activity;
import java.util.Objects;
import java.util.Optional;

/**
 * What holds one idempotency key ({@link ActivityStore#findByKeys}).
 *
 * @param own    the actor's activity created with the key, as {@link ActivityStore#findBySourceKey} answers
 * @param shared the imported mail activity under the key the actor may see, as {@link ActivityStore#findSharedMail}
 *               answers (empty in a CRM that keeps mail activities per owner)
 * @since 1.5
 */
public record KeyHolders(Optional<Activity> own, Optional<Activity> shared) {
    /** Nothing holds the key. */
    public static final KeyHolders NONE = new KeyHolders(Optional.empty(), Optional.empty());

    public KeyHolders {
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(shared, "shared");
    }
}

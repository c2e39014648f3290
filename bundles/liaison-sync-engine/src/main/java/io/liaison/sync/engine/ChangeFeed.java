package io.liaison.sync.engine;

import io.liaison.api.connector.SyncToken;
import java.util.Optional;

/**
 * One side's change feed. An empty or unknown token yields a complete listing.
 *
 * @param <T> the content type
 */
@FunctionalInterface
public interface ChangeFeed<T> {

    /** Everything changed since the token, read to its end (every page). */
    SideChanges<T> read(Optional<SyncToken> since);
}

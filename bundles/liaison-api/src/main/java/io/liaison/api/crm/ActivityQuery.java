package io.liaison.api.crm;

import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.StatusKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria of an activity search; every criterion present must match.
 *
 * @param type      the activity type
 * @param status    the status key
 * @param from      start (or received time) at or after
 * @param to        start (or received time) before
 * @param ids       only these activities; empty for any
 * @param limit     the most results
 */
public record ActivityQuery(Optional<ActivityType> type, Optional<StatusKey> status, Optional<Instant> from,
                            Optional<Instant> to, List<ActivityId> ids, int limit) {
    public ActivityQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ids = List.copyOf(ids);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Any activity, at most {@code limit}. */
    public static ActivityQuery all(int limit) {
        return new ActivityQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), limit);
    }

    /** These activities. */
    public static ActivityQuery byIds(List<ActivityId> ids) {
        return new ActivityQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ids,
                Math.max(1, ids.size()));
    }
}

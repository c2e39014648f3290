package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar's series masters reported so far, in the connector state (scope {@value #SCOPE}) rather than in the
 * token: the token stays a position however many series the calendar holds. A master the calendar no longer holds
 * (gone, or not named by a complete listing) is marked dropped by the read that saw it go and deleted by the first
 * read whose token was made at or after that one: the token, and with it the change set that reported the removal,
 * was then saved. A run that ended before saving its token reads from the older token again and still finds the
 * master, so its removal is reported again rather than lost.
 */
final class SeriesMasters {
    static final String SCOPE = "graph-calendar-series";
    private static final String LIVE = "live";
    private static final String DROPPED = "dropped@";

    private final ConnectorState state;
    /** The entries as the last {@link #known} left them, so that {@link #update} writes only what changed. */
    private Map<String, String> stored = Map.of();

    SeriesMasters(ConnectorState state) {
        this.state = state;
    }

    /**
     * The masters to confirm removals against: deletes those dropped by a read no later than {@code tokenReadAt} (the
     * read of the token this read starts from) and returns the rest.
     */
    synchronized Set<String> known(Optional<Instant> tokenReadAt) {
        Map<String, String> entries = new HashMap<>(state.entries(SCOPE));
        List<String> prune = entries.entrySet().stream()
                .filter(e -> droppedAt(e.getValue()).filter(at -> tokenReadAt.filter(r -> !at.isAfter(r)).isPresent())
                        .isPresent())
                .map(Map.Entry::getKey).toList();
        state.remove(SCOPE, prune);
        prune.forEach(entries::remove);
        stored = entries;
        return new LinkedHashSet<>(entries.keySet());
    }

    /** Records the masters followed now, and those this read (at {@code readAt}) saw go. */
    synchronized void update(Set<String> live, Set<String> dropped, Instant readAt) {
        Map<String, String> changes = new HashMap<>();
        live.stream().filter(id -> !LIVE.equals(stored.get(id))).forEach(id -> changes.put(id, LIVE));
        dropped.forEach(id -> changes.put(id, DROPPED + readAt));
        state.put(SCOPE, changes);
        Map<String, String> next = new HashMap<>(stored);
        next.putAll(changes);
        stored = next;
    }

    private static Optional<Instant> droppedAt(String value) {
        if (!value.startsWith(DROPPED)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.substring(DROPPED.length())));
        } catch (DateTimeParseException e) {
            return Optional.of(Instant.EPOCH);
        }
    }
}

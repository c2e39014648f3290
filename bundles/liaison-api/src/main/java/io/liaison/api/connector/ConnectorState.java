package io.liaison.api.connector;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a connector remembers about one account beside its change-feed tokens: small entries (an id and a short
 * value) per scope, e.g. the calendar's series masters. Kept by the runtime in a table of its own, so that a token
 * stays a position and does not grow with the mailbox; forgotten with the account's links and tokens (a reset, a
 * change of mailbox, the account's removal). Entries are written at once, not with the token: a connector must
 * keep them right when a run ends before its token is saved.
 *
 * @since 1.3
 */
@ProviderType
public interface ConnectorState {

    /** The entries of a scope: key → value. */
    Map<String, String> entries(String scope);

    /** Adds or replaces entries (keys of at most 1,000 characters, values of at most 255). */
    void put(String scope, Map<String, String> entries);

    /** Removes entries; unknown keys are ignored. */
    void remove(String scope, Collection<String> keys);

    /** A state kept in memory, for tests and for sessions opened without the runtime. */
    static ConnectorState inMemory() {
        Map<String, Map<String, String>> scopes = new ConcurrentHashMap<>();
        return new ConnectorState() {
            @Override
            public Map<String, String> entries(String scope) {
                return Map.copyOf(scopes.getOrDefault(scope, Map.of()));
            }

            @Override
            public void put(String scope, Map<String, String> entries) {
                scopes.computeIfAbsent(scope, s -> new ConcurrentHashMap<>()).putAll(entries);
            }

            @Override
            public void remove(String scope, Collection<String> keys) {
                scopes.getOrDefault(scope, new ConcurrentHashMap<>()).keySet().removeAll(keys);
            }
        };
    }
}

package io.liaison.api.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An account's credentials: a user name, a secret, and further named secrets a connector may need
 * (a client secret and a refresh token for OAuth). Shown redacted by {@code toString}.
 *
 * @param username the user or client id, or empty
 * @param secret   the password or client secret
 * @param more     further named secrets, e.g. {@code refreshToken}
 */
public record Credentials(String username, Secret secret, Map<String, Secret> more) {
    /** No credentials: for connectors that need none, such as the local folder tree. */
    public static final Credentials NONE = new Credentials("", Secret.empty(), Map.of());

    public Credentials {
        username = username == null ? "" : username;
        Objects.requireNonNull(secret, "secret");
        more = Map.copyOf(more);
    }

    /** A named secret from {@link #more()}, if present and not empty. */
    public Optional<Secret> named(String name) {
        return Optional.ofNullable(more.get(name)).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=" + secret + ", more=" + new TreeMap<>(more).keySet() + "]";
    }
}

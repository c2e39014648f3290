package io.liaison.connector.graph.internal;

import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.SignInFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The access token of one session: fetched from a {@link TokenGrant} when missing, near its expiry or rejected by
 * Graph, and never fetched again once the identity platform refused the credentials (so that a wrong secret
 * costs exactly one sign-in attempt and the account is never locked out by retries).
 */
final class AccessTokens {

    /** Renew this long before the token expires, so that a request never starts with a token about to end. */
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final TokenGrant grant;
    private final Clock clock;
    private Optional<Token> current = Optional.empty();
    private SignInFailedException refused;

    AccessTokens(TokenGrant grant, Clock clock) {
        this.grant = grant;
        this.clock = clock;
    }

    /** A valid access token, fetched when there is none. */
    synchronized String token() {
        if (refused != null) {
            throw new SignInFailedException(refused.getMessage(), refused);
        }
        Instant now = clock.instant();
        if (current.isEmpty() || !current.get().expiresAt().isAfter(now.plus(MARGIN))) {
            try {
                current = Optional.of(grant.fetch());
            } catch (SignInFailedException e) {
                refused = e;
                throw e;
            }
        }
        return current.get().value();
    }

    /** Graph rejected this token (expired or revoked early): the next call fetches a new one. */
    synchronized void rejected(String token) {
        if (current.isPresent() && current.get().value().equals(token)) {
            current = Optional.empty();
        }
    }

    /** An access token and when it ends. */
    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    /** One way of obtaining an access token from the identity platform; each call is one sign-in. */
    interface TokenGrant {
        /**
         * @throws SignInFailedException when the credentials are refused
         * @throws ConnectorException    when the identity platform cannot be reached
         */
        Token fetch();
    }
}

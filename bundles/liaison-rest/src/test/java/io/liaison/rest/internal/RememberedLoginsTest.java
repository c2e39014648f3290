package io.liaison.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RememberedLoginsTest {

    /** A realm of user → password, counting how often it is asked (each ask is a bcrypt check in Karaf). */
    private static final class CountingRealm implements Realm {
        final Map<String, String> passwords = new HashMap<>(Map.of("demo", "secret", "ab", "c"));
        int asked;

        @Override
        public Optional<Set<String>> login(String user, char[] password) {
            asked++;
            return new String(password).equals(passwords.get(user)) ? Optional.of(Set.of(Caller.USER)) : Optional.empty();
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T18:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingRealm realm = new CountingRealm();
    private final MovableClock clock = new MovableClock();
    private final RememberedLogins logins = new RememberedLogins(realm, Duration.ofSeconds(60), clock);

    @Test
    void aSuccessfulLoginIsRememberedUntilItExpires() {
        assertThat(logins.login("demo", "secret".toCharArray())).contains(Set.of(Caller.USER));
        assertThat(logins.login("demo", "secret".toCharArray())).contains(Set.of(Caller.USER));
        assertThat(realm.asked).isEqualTo(1);

        clock.now = clock.now.plusSeconds(60);
        realm.passwords.put("demo", "changed");

        assertThat(logins.login("demo", "secret".toCharArray())).as("the changed password counts once it expired")
                .isEmpty();
        assertThat(realm.asked).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndNeverTakesARememberedLoginsPlace() {
        logins.login("demo", "secret".toCharArray());

        assertThat(logins.login("demo", "guess".toCharArray())).isEmpty();
        assertThat(logins.login("demo", "guess".toCharArray())).isEmpty();
        assertThat(realm.asked).as("every wrong password goes to the realm").isEqualTo(3);
        assertThat(logins.login("demo", "secret".toCharArray())).contains(Set.of(Caller.USER));
        assertThat(realm.asked).isEqualTo(3);
    }

    @Test
    void userAndPasswordAreRememberedTogetherNotRunTogether() {
        logins.login("ab", "c".toCharArray());

        assertThat(logins.login("a", "bc".toCharArray())).as("'a' with 'bc' is another login than 'ab' with 'c'")
                .isEmpty();
        assertThat(realm.asked).isEqualTo(2);
    }
}

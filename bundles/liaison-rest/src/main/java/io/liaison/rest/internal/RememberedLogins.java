package io.liaison.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A realm that remembers a successful login for a short time. HTTP Basic sends the password with every request, and
 * Karaf's realm checks it against a bcrypt hash each time (about 0.67 s per call measured here: a page with a few
 * htmx requests would take seconds). A login the realm accepted is remembered under an HMAC of user and password
 * with a key made at start and never stored, so the memory holds no password and no hash an attacker could test
 * passwords against offline; a wrong password is never remembered and always goes to the realm.
 *
 * <p>What a remembered login costs: a password changed or a role taken away in the realm takes effect for a client that
 * keeps sending the old credentials only when the entry expires ({@link #DEFAULT_TTL}).
 */
final class RememberedLogins implements Realm {
    /** How long a successful login is remembered. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** At most this many logins are remembered; when full, the expired ones go, and if none, all. */
    static final int MAX_ENTRIES = 1_000;

    private final Realm realm;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> remembered = new ConcurrentHashMap<>();

    private record Entry(Set<String> roles, Instant expires) {
    }

    RememberedLogins(Realm realm, Duration ttl, Clock clock) {
        this.realm = realm;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Optional<Set<String>> login(String user, char[] password) {
        String id = mac(user, password);
        Instant now = clock.instant();
        Entry entry = remembered.get(id);
        if (entry != null && now.isBefore(entry.expires())) {
            return Optional.of(entry.roles());
        }
        Optional<Set<String>> roles = realm.login(user, password);
        if (roles.isPresent()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.values().removeIf(e -> !now.isBefore(e.expires()));
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
            }
            remembered.put(id, new Entry(Set.copyOf(roles.get()), now.plus(ttl)));
        } else {
            remembered.remove(id);
        }
        return roles;
    }

    private String mac(String user, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = new byte[bytes.remaining()];
        bytes.get(pw);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            // the user's length first, so that ("ab", "c") and ("a", "bc") never share an entry
            mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
            mac.update(name);
            mac.update(pw);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        } finally {
            Arrays.fill(pw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}

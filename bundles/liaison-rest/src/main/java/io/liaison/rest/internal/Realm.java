package io.liaison.rest.internal;

import java.util.Optional;
import java.util.Set;

/** Checks a user name and password and tells the user's roles: Karaf's JAAS realm in Karaf, a table in tests. */
public interface Realm {
    /** The user's roles, or empty when the name or password is wrong. */
    Optional<Set<String>> login(String user, char[] password);
}

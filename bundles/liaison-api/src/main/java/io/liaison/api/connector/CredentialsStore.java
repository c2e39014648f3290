package io.liaison.api.connector;

import org.osgi.annotation.versioning.ProviderType;

/** Lets a connector persist credentials it renewed itself, e.g. a rotated OAuth refresh token. */
@ProviderType
@FunctionalInterface
public interface CredentialsStore {
    /** Replaces the account's stored credentials, encrypted at rest; does not lift a block. */
    void store(Credentials renewed);
}

package io.liaison.runtime.internal;

import java.util.Objects;

/**
 * An account's credentials as stored: encrypted by the {@link CredentialVault}.
 *
 * @param keyFingerprint identifies the vault key that sealed them (a hash prefix, not the key)
 * @param sealed         base64 of the 12-byte IV followed by the AES-GCM ciphertext and tag
 * @param version        the account's credentials version bound into the associated data, counting from 1;
 *                       {@value #UNVERSIONED} for credentials sealed before versions existed
 */
public record SealedCredentials(String keyFingerprint, String sealed, long version) {
    /** The version of credentials sealed before the associated data held one. */
    public static final long UNVERSIONED = 0;

    public SealedCredentials {
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(sealed, "sealed");
        if (version < UNVERSIONED) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    @Override
    public String toString() {
        return "SealedCredentials[key=" + keyFingerprint + ", version=" + version + ", " + sealed.length() + " chars]";
    }
}

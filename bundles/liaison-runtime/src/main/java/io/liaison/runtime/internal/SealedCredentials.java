package io.liaison.runtime.internal;

import java.util.Objects;

/**
 * An account's credentials as stored: encrypted by the {@link CredentialVault}.
 *
 * @param keyFingerprint identifies the vault key that sealed them (a hash prefix, not the key)
 * @param sealed         base64 of the 12-byte IV followed by the AES-GCM ciphertext and tag
 */
public record SealedCredentials(String keyFingerprint, String sealed) {
    public SealedCredentials {
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
        Objects.requireNonNull(sealed, "sealed");
    }

    @Override
    public String toString() {
        return "SealedCredentials[key=" + keyFingerprint + ", " + sealed.length() + " chars]";
    }
}

package io.liaison.runtime.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the vault key: a new key is written beside the old one ({@code <key file>.new}), every account's
 * credentials are opened with the old key and sealed with the new one in one database transaction, and only then
 * does the new key replace the old file. A crash before the commit leaves the old key and the old ciphertexts (the
 * {@code .new} file is dropped at the next start); a crash after it leaves ciphertexts of the new key, which the next
 * start sees and finishes the move for. The old key is not kept: a rotation is for a key that may have leaked.
 */
final class VaultRekey {
    private static final Logger LOG = LoggerFactory.getLogger(VaultRekey.class);

    private VaultRekey() {
    }

    /** The file a rotation writes the new key to until its database transaction has committed. */
    static Path pending(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".new");
    }

    /**
     * Re-seals every account's credentials with a new key and makes it the key file's.
     *
     * @return the vault with the new key
     * @throws VaultException naming the account whose credentials cannot be opened (nothing changed then)
     */
    static CredentialVault rekey(CredentialVault current, JdbcAccountRepository accounts) {
        Path keyFile = current.keyFile();
        Path next = pending(keyFile);
        CredentialVault fresh = newKey(next);
        int count;
        try {
            count = accounts.resealAll((id, sealed, version) -> fresh.seal(id, version, current.open(id, sealed)),
                    (id, name, sealed) -> fresh.sealSetting(id, name, current.openSetting(id, name, sealed)),
                    Instant.now());
        } catch (RuntimeException e) {
            deleteQuietly(next);
            throw e;
        }
        // committed: from here on the database needs the new key
        replace(next, keyFile);
        LOG.info("Vault key rotated: {} credentials re-sealed with key {} (was {})", count, fresh.keyFingerprint(),
                current.keyFingerprint());
        return new CredentialVault(keyFile, false);
    }

    /** At start: completes a rotation that committed but did not replace the key file, or drops one that did not. */
    static void finishInterrupted(Path keyFile, JdbcAccountRepository accounts) {
        Path next = pending(keyFile);
        if (!Files.isRegularFile(next)) {
            return;
        }
        String nextFingerprint = new CredentialVault(next, false).keyFingerprint();
        Set<String> stored = accounts.keyFingerprints();
        if (!stored.isEmpty() && stored.equals(Set.of(nextFingerprint))) {
            replace(next, keyFile);
            LOG.info("Vault key rotation finished: the credentials were re-sealed with key {}", nextFingerprint);
        } else {
            deleteQuietly(next);
            LOG.info("An unfinished vault key rotation was dropped; the key in {} stays", keyFile);
        }
    }

    /** A new random key in {@code file} (owner-only, as the vault creates keys), an earlier leftover replaced. */
    private static CredentialVault newKey(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VaultException("cannot write the new vault key " + file + ": " + e.getMessage(), e);
        }
        return new CredentialVault(file, true);
    }

    private static void replace(Path next, Path keyFile) {
        try {
            try {
                Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new VaultException("the credentials were re-sealed with the key in " + next + ", but it could not"
                    + " replace " + keyFile + " (" + e.getMessage() + "): move it there by hand", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}

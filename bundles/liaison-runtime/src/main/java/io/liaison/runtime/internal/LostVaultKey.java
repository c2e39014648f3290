package io.liaison.runtime.internal;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start does about data sealed with a vault key that is not the one in the key file (the file was lost and
 * a new key made, or another key was put in its place): such credentials cannot be opened, so each account holding
 * them is blocked with {@link #REASON} instead of failing on every run, and every other account runs on. An account
 * blocked for this reason whose data opens again (the original key was put back) is unblocked at the same place.
 * The sealed rows are kept, not deleted: putting the original key back must be able to save them.
 */
final class LostVaultKey {
    /** The start of the block reason; {@link #liftWhereKeyIsBack} recognises its own blocks by it. */
    static final String REASON = "vault key lost, enter credentials again";
    private static final Logger LOG = LoggerFactory.getLogger(LostVaultKey.class);

    private LostVaultKey() {
    }

    /**
     * Blocks each account with credentials or secret settings sealed with another key than the vault's, and lifts
     * the blocks this made earlier where the vault's key opens everything again.
     *
     * @return how many accounts are blocked for a lost key after the check
     */
    static int check(JdbcAccountRepository accounts, CredentialVault vault, Instant now) {
        int blocked = 0;
        for (JdbcAccountRepository.SealedKeys sealed : accounts.sealedKeys()) {
            boolean opens = sealed.fingerprints().equals(java.util.Set.of(vault.keyFingerprint()));
            boolean blockedByUs = sealed.blockReason() != null && sealed.blockReason().startsWith(REASON);
            if (!opens) {
                if (!blockedByUs) {
                    accounts.block(sealed.account(), reason(sealed, vault), now);
                    LOG.warn("Groupware account {} blocked: its credentials were sealed with vault key {}, but the key"
                            + " in {} is {}; enter its credentials again, or put the original key file back",
                            sealed.account(), String.join(", ", sealed.fingerprints()), vault.keyFile(),
                            vault.keyFingerprint());
                }
                blocked++;
            } else if (blockedByUs) {
                accounts.unblock(sealed.account(), now);
                LOG.info("Groupware account {} unblocked: the vault key its credentials were sealed with is back",
                        sealed.account());
            }
        }
        return blocked;
    }

    private static String reason(JdbcAccountRepository.SealedKeys sealed, CredentialVault vault) {
        return REASON + " (its credentials were sealed with vault key "
                + String.join(", ", new java.util.TreeSet<>(sealed.fingerprints())) + "; the key in "
                + vault.keyFile() + " is " + vault.keyFingerprint() + ")";
    }
}

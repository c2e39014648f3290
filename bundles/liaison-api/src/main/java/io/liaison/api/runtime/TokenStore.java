package io.liaison.api.runtime;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Liaison's own store of change-feed positions, per account and scope (e.g. {@code mail:<folderId>},
 * {@code events}, {@code crm-activities}). A token is saved only after everything before it was applied.
 */
@ProviderType
public interface TokenStore {

    Optional<SyncToken> get(AccountId account, String scope);

    void put(AccountId account, String scope, SyncToken token);

    /** Forgets a token, so that the next run reads everything again. */
    void clear(AccountId account, String scope);

    /**
     * Forgets every token of the account whose scope starts with the prefix (a module's per-item entries, such as the
     * mail import's counts of failed reads), when the area that keeps them is switched off.
     *
     * @return how many were forgotten
     * @since 1.4
     */
    int clearStartingWith(AccountId account, String scopePrefix);
}

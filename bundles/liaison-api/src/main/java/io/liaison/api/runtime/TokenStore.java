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
}

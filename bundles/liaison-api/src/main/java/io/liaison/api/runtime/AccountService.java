package io.liaison.api.runtime;

import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Groupware accounts: their settings, their credentials (encrypted at rest, never shown) and their
 * state, and the one way to open a connector session for one.
 */
@ProviderType
public interface AccountService {

    /**
     * What the value of a setting the account's connector declares secret reads as in an account's settings; an
     * update passing it keeps the stored value. The value itself is kept in the encrypted vault and reaches only
     * the connector.
     *
     * @since 1.2
     */
    String SECRET_SETTING_MASK = "******";

    /**
     * Creates an account.
     *
     * @throws IllegalArgumentException naming the field when the request is invalid
     */
    GroupwareAccount create(AccountRequest request);

    /**
     * Changes an account's settings; its credentials and state stay, unless a setting the connector binds the
     * credentials to changes (tenant, endpoint, sign-in host, scope: {@code ConnectorFactory.credentialBoundSettings},
     * every setting while the connector is not installed): then the stored credentials are deleted and the account is
     * {@code PASSWORD_BLOCKED}, the reason naming the settings, until new ones are entered. A secret setting passed as
     * {@link #SECRET_SETTING_MASK} keeps its stored value. When a setting that names the groupware mailbox changes
     * ({@code ConnectorFactory.identitySettings}, every setting while the connector is not installed), or the
     * connector type does, the account's sync state is forgotten as by {@link #resetSyncState}: the old mailbox's ids
     * are never looked up in the new one (a miss there would count as a deletion).
     *
     * @throws IllegalArgumentException naming the setting when the request is invalid or the connector refuses a
     *                                  setting (a host it may not send secrets to)
     */
    GroupwareAccount update(AccountId id, AccountRequest request);

    List<GroupwareAccount> list();

    Optional<GroupwareAccount> get(AccountId id);

    /** The accounts of one employee. */
    List<GroupwareAccount> forEmployee(EmployeeId employee);

    /**
     * Stores new credentials, encrypted, and lifts {@code PASSWORD_BLOCKED}: the administrator's answer to a
     * failed sign-in.
     *
     * @throws AccountNotFoundException when there is no such account
     */
    GroupwareAccount setCredentials(AccountId id, Credentials credentials);

    /**
     * Forgets an account's credentials: they are deleted, not kept encrypted; its next sign-in has none. The state
     * stays (an account that was blocked stays blocked until new credentials come).
     *
     * @throws AccountNotFoundException when there is no such account
     * @since 1.1
     */
    GroupwareAccount clearCredentials(AccountId id);

    /**
     * Rotates the credentials vault's key: every account's credentials are re-encrypted with a new key in one
     * transaction, then the new key replaces the old one (which is not kept).
     *
     * @return the new key's fingerprint (a hash prefix, not the key)
     * @since 1.1
     */
    String rekeyVault();

    /** Switches an account off or on again; a disabled account neither runs nor signs in. */
    GroupwareAccount setEnabled(AccountId id, boolean enabled);

    /**
     * Removes an account with its credentials, links (and the marks kept among them), tokens and schedule. The
     * journal keeps its runs until retention deletes them.
     */
    void remove(AccountId id);

    /**
     * Forgets what the account's runs remembered: its links (with the marks kept among them), its change-feed tokens
     * and its failing items. The next run reads both sides whole again and pairs items by the ids they carry; nothing
     * is deleted on either side because a link is gone. Settings, credentials and state stay.
     *
     * @throws AccountNotFoundException when there is no such account
     * @since 1.3
     */
    void resetSyncState(AccountId id);

    /**
     * Opens a connector session for an account. A refused sign-in blocks the account at once.
     *
     * @throws AccountNotFoundException      when there is no such account
     * @throws PasswordBlockedException      when the account is blocked (no sign-in is attempted) or the
     *                                       sign-in just failed and blocked it
     * @throws ConnectorUnavailableException when no connector of the account's type is installed
     */
    ConnectorSession openSession(AccountId id);
}

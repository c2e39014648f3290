package io.liaison.api.connector;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector gets to open a session for one account.
 *
 * @param account           the account's id
 * @param employee          the employee the account belongs to
 * @param settings          the account's connector settings (never secrets)
 * @param credentials       the decrypted credentials; never log them
 * @param credentialsStore  where a connector stores renewed credentials (a rotated refresh token)
 * @param state             what the connector remembers about the account beside its tokens (since 1.3)
 */
public record AccountContext(AccountId account, EmployeeId employee, Map<String, String> settings,
                             Credentials credentials, CredentialsStore credentialsStore, ConnectorState state) {

    /** A context whose connector state is kept in memory, for this context only (tests, tools). */
    public AccountContext(AccountId account, EmployeeId employee, Map<String, String> settings,
                          Credentials credentials, CredentialsStore credentialsStore) {
        this(account, employee, settings, credentials, credentialsStore, ConnectorState.inMemory());
    }

    public AccountContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(employee, "employee");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(credentialsStore, "credentialsStore");
        Objects.requireNonNull(state, "state");
    }

    /** A setting, if present and not blank. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(s -> !s.isBlank());
    }

    /**
     * A setting that must be present.
     *
     * @throws ConnectorException naming the account and the setting when it is missing
     */
    public String requiredSetting(String name) {
        return setting(name).orElseThrow(() ->
                new ConnectorException("account " + account + ": setting '" + name + "' is missing"));
    }
}

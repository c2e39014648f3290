package io.liaison.runtime.internal;

import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.AccountId;
import io.liaison.api.runtime.TokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The token store in the runtime's tables: one change-feed position per account and scope. */
@Component(service = TokenStore.class)
public class JdbcTokenStore implements TokenStore {
    /** The longest token kept (a Graph delta link is a few hundred characters). */
    public static final int MAX_TOKEN_LENGTH = 65_536;

    private final DataSource dataSource;

    @Activate
    public JdbcTokenStore(@Reference RuntimeDatabase database) {
        this(database.dataSource());
    }

    /** Uses a DataSource whose schema {@link RuntimeDatabase#migrate} has created. */
    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<SyncToken> get(AccountId account, String scope) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(scope, "scope");
        return Sql.query(dataSource, "reading the " + scope + " token of account " + account, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT token_value FROM liaison_tokens WHERE account_id = ? AND scope = ?")) {
                select.setString(1, account.value());
                select.setString(2, scope);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new SyncToken(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(AccountId account, String scope, SyncToken token) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(token, "token");
        if (scope.isBlank() || scope.length() > 255) {
            throw new IllegalArgumentException("scope: must be 1 to 255 characters, not '" + scope + "'");
        }
        if (token.value().length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("token: the " + scope + " token of account " + account + " is "
                    + token.value().length() + " characters, more than " + MAX_TOKEN_LENGTH);
        }
        Instant now = Instant.now();
        Sql.query(dataSource, "storing the " + scope + " token of account " + account, c -> {
            if (update(c, account, scope, token, now) > 0) {
                return null;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_tokens (account_id, scope,"
                    + " token_value, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, account.value());
                insert.setString(2, scope);
                insert.setString(3, token.value());
                Sql.setInstant(insert, 4, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                // another writer inserted the same key between our update and insert: update theirs
                if (!Sql.isConstraintViolation(e) || update(c, account, scope, token, now) == 0) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void clear(AccountId account, String scope) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(scope, "scope");
        Sql.query(dataSource, "clearing the " + scope + " token of account " + account, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM liaison_tokens WHERE account_id = ? AND scope = ?")) {
                delete.setString(1, account.value());
                delete.setString(2, scope);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int clearStartingWith(AccountId account, String scopePrefix) {
        Objects.requireNonNull(account, "account");
        if (scopePrefix.isEmpty()) {
            throw new IllegalArgumentException("scopePrefix: empty, which would forget every token of the account");
        }
        // LIKE with the prefix's own wildcards escaped: a '_' or '%' in it is meant literally
        String pattern = scopePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Sql.query(dataSource, "clearing the " + scopePrefix + "* tokens of account " + account, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM liaison_tokens WHERE account_id = ? AND scope LIKE ? ESCAPE '\\'")) {
                delete.setString(1, account.value());
                delete.setString(2, pattern);
                return delete.executeUpdate();
            }
        });
    }

    private static int update(Connection c, AccountId account, String scope, SyncToken token, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE liaison_tokens SET token_value = ?, updated_at = ? WHERE account_id = ? AND scope = ?")) {
            update.setString(1, token.value());
            Sql.setInstant(update, 2, now);
            update.setString(3, account.value());
            update.setString(4, scope);
            return update.executeUpdate();
        }
    }
}

package io.liaison.runtime.internal;

import io.liaison.api.connector.ConnectorState;
import io.liaison.api.domain.AccountId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One account's {@link ConnectorState} in table {@code liaison_connector_state}; its rows go with the account's
 * links and tokens (a reset, a change of mailbox, the account's removal).
 */
final class JdbcConnectorState implements ConnectorState {
    private final DataSource dataSource;
    private final AccountId account;

    JdbcConnectorState(DataSource dataSource, AccountId account) {
        this.dataSource = dataSource;
        this.account = account;
    }

    @Override
    public Map<String, String> entries(String scope) {
        Objects.requireNonNull(scope, "scope");
        return Sql.query(dataSource, "reading the " + scope + " state of account " + account, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT entry_key, entry_value FROM"
                    + " liaison_connector_state WHERE account_id = ? AND scope = ?")) {
                select.setString(1, account.value());
                select.setString(2, scope);
                Map<String, String> entries = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.put(row.getString(1), row.getString(2));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public void put(String scope, Map<String, String> entries) {
        check(scope);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 1000 || e.getValue().length() > 255) {
                throw new IllegalArgumentException("connector state of account " + account + ": key of 1 to 1000 and "
                        + "value of at most 255 characters, not " + e.getKey().length() + " and " + e.getValue().length());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        Sql.transaction(dataSource, "storing the " + scope + " state of account " + account, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_connector_state WHERE account_id = ?"
                    + " AND scope = ? AND entry_key = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_connector_state (account_id, scope,"
                         + " entry_key, entry_value) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    delete.setString(1, account.value());
                    delete.setString(2, scope);
                    delete.setString(3, e.getKey());
                    delete.addBatch();
                    insert.setString(1, account.value());
                    insert.setString(2, scope);
                    insert.setString(3, e.getKey());
                    insert.setString(4, e.getValue());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void remove(String scope, Collection<String> keys) {
        check(scope);
        if (keys.isEmpty()) {
            return;
        }
        Sql.transaction(dataSource, "removing " + scope + " state of account " + account, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_connector_state WHERE account_id = ?"
                    + " AND scope = ? AND entry_key = ?")) {
                for (String key : keys) {
                    delete.setString(1, account.value());
                    delete.setString(2, scope);
                    delete.setString(3, key);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    private static void check(String scope) {
        if (scope == null || scope.isBlank() || scope.length() > 255) {
            throw new IllegalArgumentException("scope: must be 1 to 255 characters, not '" + scope + "'");
        }
    }
}

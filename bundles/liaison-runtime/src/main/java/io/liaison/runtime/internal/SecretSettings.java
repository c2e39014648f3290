package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of an account that its connector declares secret (a trust store's password): which names they are,
 * and how a value is sealed. Their values live sealed in {@code liaison_account_secret_settings}, never in the
 * settings table; an account's settings as read show them as {@link #MASK}, and an update that passes the mask
 * keeps the stored value.
 *
 * @param names  the setting names the account's connector declares secret (empty while it is not installed)
 * @param sealer seals a value for an account and setting
 */
public record SecretSettings(Set<String> names, Sealer sealer) {
    /** What a secret setting's value reads as. */
    public static final String MASK = io.liaison.api.runtime.AccountService.SECRET_SETTING_MASK;

    /** Seals a secret setting's value. */
    @FunctionalInterface
    public interface Sealer {
        SealedCredentials seal(AccountId account, String name, String value);
    }

    /** Opens a secret setting's sealed value and seals it again (a key rotation). */
    @FunctionalInterface
    public interface Reseal {
        SealedCredentials apply(AccountId account, String name, SealedCredentials sealed);
    }

    public SecretSettings {
        names = Set.copyOf(names);
        Objects.requireNonNull(sealer, "sealer");
    }

    /** No setting declared secret, and none to seal: for stores used without a vault (tests of the tables). */
    static SecretSettings none() {
        return new SecretSettings(Set.of(), (account, name, value) -> {
            throw new VaultException("setting " + name + " of account " + account + " is secret, but no vault was"
                    + " given to seal it");
        });
    }

    /**
     * Writes the request's settings: the secret ones sealed (a masked one keeps its stored value), the others in the
     * settings table. Secret values stored before and not in the request any more are deleted. The settings table's
     * rows of the account must have been deleted before.
     */
    void write(Connection c, AccountId id, Map<String, String> settings) throws SQLException {
        Set<String> stored = storedNames(c, id);
        Set<String> kept = new TreeSet<>();
        Map<String, SealedCredentials> sealed = new LinkedHashMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String name = setting.getKey();
            if (!names.contains(name) && !stored.contains(name)) {
                plain.put(name, setting.getValue());
            } else if (MASK.equals(setting.getValue()) && stored.contains(name)) {
                kept.add(name);
            } else {
                sealed.put(name, sealer.seal(id, name, setting.getValue()));
            }
        }
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM liaison_account_secret_settings WHERE account_id = ? AND setting_name = ?")) {
            for (String name : stored) {
                if (!kept.contains(name)) {
                    delete.setString(1, id.value());
                    delete.setString(2, name);
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
        insertSealed(c, id, sealed);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_account_settings"
                + " (account_id, setting_name, setting_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> setting : plain.entrySet()) {
                insert.setString(1, id.value());
                insert.setString(2, setting.getKey());
                insert.setString(3, setting.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Moves the values of settings this connector declares secret out of the settings table into sealed rows, for
     * every account of the connector type: values stored before the declaration, or while the connector was absent.
     *
     * @return the account and setting names moved
     */
    Collection<String> moveFromSettingsTable(Connection c, String connectorType) throws SQLException {
        Map<AccountId, Map<String, String>> found = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT s.account_id, s.setting_name, s.setting_value"
                + " FROM liaison_account_settings s JOIN liaison_accounts a ON a.id = s.account_id"
                + " WHERE a.connector_type = ? ORDER BY s.account_id, s.setting_name FOR UPDATE")) {
            select.setString(1, connectorType);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    if (names.contains(r.getString(2))) {
                        found.computeIfAbsent(AccountId.of(r.getString(1)), k -> new LinkedHashMap<>())
                                .put(r.getString(2), r.getString(3));
                    }
                }
            }
        }
        Collection<String> moved = new java.util.ArrayList<>();
        for (Map.Entry<AccountId, Map<String, String>> account : found.entrySet()) {
            AccountId id = account.getKey();
            Map<String, SealedCredentials> sealed = new LinkedHashMap<>();
            for (Map.Entry<String, String> setting : account.getValue().entrySet()) {
                sealed.put(setting.getKey(), sealer.seal(id, setting.getKey(), setting.getValue()));
                moved.add(id + " " + setting.getKey());
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_account_secret_settings"
                    + " WHERE account_id = ? AND setting_name = ?");
                 PreparedStatement deletePlain = c.prepareStatement("DELETE FROM liaison_account_settings"
                         + " WHERE account_id = ? AND setting_name = ?")) {
                for (String name : sealed.keySet()) {
                    for (PreparedStatement statement : new PreparedStatement[] {delete, deletePlain}) {
                        statement.setString(1, id.value());
                        statement.setString(2, name);
                        statement.executeUpdate();
                    }
                }
            }
            insertSealed(c, id, sealed);
        }
        return moved;
    }

    /** The sealed values of an account's secret settings, by name. */
    static Map<String, SealedCredentials> sealed(Connection c, AccountId id) throws SQLException {
        Map<String, SealedCredentials> values = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT setting_name, key_fingerprint, sealed"
                + " FROM liaison_account_secret_settings WHERE account_id = ? ORDER BY setting_name")) {
            select.setString(1, id.value());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    values.put(r.getString(1), new SealedCredentials(r.getString(2), r.getString(3), 1));
                }
            }
        }
        return values;
    }

    /** Re-seals every secret setting of every account (the rows locked), for a key rotation. */
    static int resealAll(Connection c, Reseal reseal) throws SQLException {
        Map<String, SealedCredentials> all = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT account_id, setting_name, key_fingerprint, sealed"
                + " FROM liaison_account_secret_settings ORDER BY account_id, setting_name FOR UPDATE");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                all.put(r.getString(1) + "\n" + r.getString(2), new SealedCredentials(r.getString(3), r.getString(4), 1));
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE liaison_account_secret_settings"
                + " SET key_fingerprint = ?, sealed = ? WHERE account_id = ? AND setting_name = ?")) {
            for (Map.Entry<String, SealedCredentials> row : all.entrySet()) {
                int newline = row.getKey().indexOf('\n');
                AccountId id = AccountId.of(row.getKey().substring(0, newline));
                String name = row.getKey().substring(newline + 1);
                SealedCredentials resealed = reseal.apply(id, name, row.getValue());
                update.setString(1, resealed.keyFingerprint());
                update.setString(2, resealed.sealed());
                update.setString(3, id.value());
                update.setString(4, name);
                update.executeUpdate();
            }
        }
        return all.size();
    }

    private static Set<String> storedNames(Connection c, AccountId id) throws SQLException {
        return new TreeSet<>(sealed(c, id).keySet());
    }

    private static void insertSealed(Connection c, AccountId id, Map<String, SealedCredentials> sealed)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_account_secret_settings"
                + " (account_id, setting_name, key_fingerprint, sealed) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, SealedCredentials> setting : sealed.entrySet()) {
                insert.setString(1, id.value());
                insert.setString(2, setting.getKey());
                insert.setString(3, setting.getValue().keyFingerprint());
                insert.setString(4, setting.getValue().sealed());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public String toString() {
        return "SecretSettings" + new TreeSet<>(names);
    }
}

package io.liaison.runtime.internal;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.SyncArea;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The items of one account whose last journal entry was FAILED (table {@code liaison_failing_items}): a mail that
 * cannot be imported, an activity the CRM refuses. The same failure of the same item in a later run is counted here
 * instead of journaled again, so that such an item adds one entry per change of its failure, not one per run.
 * Loaded once per run; each change is written at once.
 */
final class FailingItems {
    private final DataSource dataSource;
    private final AccountId account;
    /** Item key → hash of the message last journaled for it. */
    private final Map<String, String> known;

    private FailingItems(DataSource dataSource, AccountId account, Map<String, String> known) {
        this.dataSource = dataSource;
        this.account = account;
        this.known = known;
    }

    /** The account's failing items as stored now. */
    static FailingItems of(DataSource dataSource, AccountId account) {
        Map<String, String> known = Sql.query(dataSource, "reading the failing items of account " + account, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT area, item_key, message_hash"
                    + " FROM liaison_failing_items WHERE account_id = ?")) {
                select.setString(1, account.value());
                Map<String, String> rows = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.put(row.getString(1) + "/" + row.getString(2), row.getString(3));
                    }
                }
                return rows;
            }
        });
        return new FailingItems(dataSource, account, known);
    }

    /**
     * A FAILED outcome of an item: true when it is the failure last journaled for the item (then only counted, the
     * caller journals nothing); false when it is new or its message changed (then remembered, and the caller
     * journals it).
     */
    synchronized boolean failedAgain(SyncArea area, String item, String message, Instant now) {
        String key = itemKey(item);
        String messageHash = sha256(message);
        if (messageHash.equals(known.get(area.name() + "/" + key))) {
            Sql.query(dataSource, "counting a repeated failure of account " + account, c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE liaison_failing_items SET repeats ="
                        + " repeats + 1, last_failed_at = ? WHERE account_id = ? AND area = ? AND item_key = ?")) {
                    Sql.setInstant(update, 1, now);
                    update.setString(2, account.value());
                    update.setString(3, area.name());
                    update.setString(4, key);
                    return update.executeUpdate();
                }
            });
            return true;
        }
        Sql.transaction(dataSource, "remembering a failing item of account " + account, c -> {
            delete(c, area, key);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO liaison_failing_items (account_id, area,"
                    + " item_key, message_hash, journaled_at, last_failed_at, repeats) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                insert.setString(1, account.value());
                insert.setString(2, area.name());
                insert.setString(3, key);
                insert.setString(4, messageHash);
                Sql.setInstant(insert, 5, now);
                Sql.setInstant(insert, 6, now);
                return insert.executeUpdate();
            }
        });
        known.put(area.name() + "/" + key, messageHash);
        return false;
    }

    /** Another outcome of an item: if it was failing, its failure is over (a later one is journaled again). */
    synchronized void settled(SyncArea area, String item) {
        String key = itemKey(item);
        if (known.remove(area.name() + "/" + key) != null) {
            Sql.query(dataSource, "forgetting a failing item of account " + account, c -> delete(c, area, key));
        }
    }

    private int delete(java.sql.Connection c, SyncArea area, String key) throws java.sql.SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM liaison_failing_items WHERE account_id = ?"
                + " AND area = ? AND item_key = ?")) {
            delete.setString(1, account.value());
            delete.setString(2, area.name());
            delete.setString(3, key);
            return delete.executeUpdate();
        }
    }

    /**
     * The key of an item: the hash of its label as the journal keeps it (shortened), so that the label of a journal
     * entry finds its failing item again, as an erasure does ({@link PersonalDataRecords}).
     */
    static String itemKey(String item) {
        return sha256(Sql.shortened(item == null ? "" : item, JdbcSyncJournal.LABEL_LENGTH));
    }

    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((text == null ? "" : text)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}

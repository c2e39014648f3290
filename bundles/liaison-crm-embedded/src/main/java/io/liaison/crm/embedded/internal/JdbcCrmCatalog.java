package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.StatusKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Status keys and activity types from {@code crm_status_key} and {@code crm_activity_type}. */
final class JdbcCrmCatalog implements CrmCatalog {
    private final Jdbc jdbc;

    JdbcCrmCatalog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StatusDefinition> statusKeys() {
        return jdbc.read("list status keys", tx -> {
            List<StatusDefinition> result = new ArrayList<>();
            try (PreparedStatement ps = tx.prepare("SELECT status_key, label FROM crm_status_key ORDER BY sort_order, status_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new StatusDefinition(new StatusKey(rs.getString(1)), rs.getString(2)));
                }
            }
            return result;
        });
    }

    @Override
    public boolean isKnown(StatusKey key) {
        return jdbc.read("look up status key " + key, tx -> StatusKeys.exists(tx, key));
    }

    @Override
    public List<ActivityTypeDefinition> activityTypes() {
        return jdbc.read("list activity types", tx -> {
            List<ActivityTypeDefinition> result = new ArrayList<>();
            try (PreparedStatement ps = tx.prepare("SELECT type_key, label FROM crm_activity_type ORDER BY sort_order, type_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ActivityTypeDefinition(new ActivityType(rs.getString(1)), rs.getString(2)));
                }
            }
            return result;
        });
    }

    /** Adds or relabels status keys; running it again with the same definitions changes nothing. */
    void upsertStatusKeys(List<StatusDefinition> definitions) {
        jdbc.write("store status keys", tx -> {
            for (StatusDefinition d : definitions) {
                upsert(tx, "crm_status_key", "status_key", d.key().key(), d.label());
            }
            return null;
        });
    }

    /** Adds or relabels activity types; idempotent. */
    void upsertActivityTypes(List<ActivityTypeDefinition> definitions) {
        jdbc.write("store activity types", tx -> {
            for (ActivityTypeDefinition d : definitions) {
                upsert(tx, "crm_activity_type", "type_key", d.type().key(), d.label());
            }
            return null;
        });
    }

    // table and column are constants of this class, never input
    private static void upsert(Jdbc.Tx tx, String table, String keyColumn, String key, String label) throws SQLException {
        try (PreparedStatement update = tx.prepare("UPDATE " + table + " SET label = ? WHERE " + keyColumn + " = ?")) {
            update.setString(1, label);
            update.setString(2, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = tx.prepare("INSERT INTO " + table + " (" + keyColumn + ", label, sort_order) "
                + "SELECT ?, ?, COALESCE(MAX(sort_order), 0) + 10 FROM " + table)) {
            insert.setString(1, key);
            insert.setString(2, label);
            insert.executeUpdate();
        }
    }
}

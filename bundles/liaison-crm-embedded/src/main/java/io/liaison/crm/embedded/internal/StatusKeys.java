package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmException;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.StatusKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Checks that an activity names a status key and a type the catalog knows, with an error that names both. */
final class StatusKeys {
    private StatusKeys() {
    }

    static boolean exists(Jdbc.Tx tx, StatusKey key) throws SQLException {
        return exists(tx, "SELECT 1 FROM crm_status_key WHERE status_key = ?", key.key());
    }

    static void requireKnown(Jdbc.Tx tx, StatusKey status, ActivityType type, String item) throws SQLException {
        if (!exists(tx, status)) {
            throw new CrmException(item + ": the status key '" + status.key() + "' is not known to the CRM");
        }
        if (!exists(tx, "SELECT 1 FROM crm_activity_type WHERE type_key = ?", type.key())) {
            throw new CrmException(item + ": the activity type '" + type.key() + "' is not known to the CRM");
        }
    }

    private static boolean exists(Jdbc.Tx tx, String sql, String key) throws SQLException {
        try (PreparedStatement ps = tx.prepare(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

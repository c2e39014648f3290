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
        String statusEntry = "S:" + status.key();
        String typeEntry = "T:" + type.key();
        if (tx.knownCatalogEntries().contains(statusEntry) && tx.knownCatalogEntries().contains(typeEntry)) {
            return; // seen before, and the catalog never loses an entry
        }
        // both in one statement: every activity written asks
        try (PreparedStatement ps = tx.prepare("SELECT (SELECT COUNT(*) FROM crm_status_key WHERE status_key = ?), "
                + "(SELECT COUNT(*) FROM crm_activity_type WHERE type_key = ?)")) {
            ps.setString(1, status.key());
            ps.setString(2, type.key());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new CrmException(item + ": the status key '" + status.key() + "' is not known to the CRM");
                }
                if (rs.getLong(2) == 0) {
                    throw new CrmException(item + ": the activity type '" + type.key() + "' is not known to the CRM");
                }
                tx.knownCatalogEntries().add(statusEntry);
                tx.knownCatalogEntries().add(typeEntry);
            }
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

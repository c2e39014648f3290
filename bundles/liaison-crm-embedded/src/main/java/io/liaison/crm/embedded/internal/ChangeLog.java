package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The change feed's storage: {@code crm_change_log}, numbered by the single-row {@code crm_change_counter}.
 * A write logs its change as its last statement, so that the counter's row lock is the last lock it takes (no
 * deadlock) and numbers commit in order (a reader never misses a change that commits later with a smaller number).
 */
final class ChangeLog {

    /** The kinds of item the feed covers. */
    enum EntityKind { ACTIVITY, CONTACT }

    /** One logged change. */
    record Entry(long seq, long entityId, ChangeKind change) {
    }

    /**
     * The changes of one page, one entry per item (its latest in the page), oldest first.
     *
     * @param entries the latest entry of each item changed in the page
     * @param next    the number of the last change the page covers
     * @param more    whether changes beyond the page wait
     */
    record Page(List<Entry> entries, long next, boolean more) {
    }

    /** The most changes one page reads. */
    static final int MAX_PAGE = 5000;

    private ChangeLog() {
    }

    /** Logs a change of an item; call it as the last statement of the write. */
    static void record(Connection c, EntityKind kind, long entityId, Optional<String> owner, ChangeKind change)
            throws SQLException {
        try (PreparedStatement bump = c.prepareStatement("UPDATE crm_change_counter SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (bump.executeUpdate() != 1) {
                throw new CrmException("the change counter row of the embedded CRM is missing");
            }
        }
        // the number just taken is read by the insert itself: one statement less per write
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_change_log (seq, entity_kind, entity_id, "
                + "owner_id, change_kind, changed_at) SELECT last_seq, ?, ?, ?, ?, ? FROM crm_change_counter WHERE id = 1")) {
            insert.setString(1, kind.name());
            insert.setLong(2, entityId);
            Jdbc.setString(insert, 3, owner);
            insert.setString(4, change.name());
            Jdbc.setInstant(insert, 5, Jdbc.now());
            insert.executeUpdate();
        }
    }

    /** The number a token stands for; an empty token is the start of the feed. */
    static long position(Optional<CrmToken> token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(token.get().value());
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CrmException("'" + token.get().value() + "' is not a change token of the embedded CRM");
        }
    }

    /**
     * Whether a token is beyond the last change number given out: the database was restored from a backup older
     * than the token (the counter went back with it).
     */
    static boolean ahead(Connection c, Optional<CrmToken> token) throws SQLException {
        long position = position(token);
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM crm_change_counter WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new CrmException("the change counter row of the embedded CRM is missing");
            }
            return position > rs.getLong(1);
        }
    }

    static CrmToken token(long position) {
        return new CrmToken(Long.toString(position));
    }

    /** Reads up to {@code max} changes after {@code after}, for one owner or (empty) for every owner. */
    static Page read(Connection c, EntityKind kind, Optional<String> owner, long after, int max) throws SQLException {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, not " + max);
        }
        // a page may hold fewer than max; this bounds the memory one call takes
        int size = Math.min(max, MAX_PAGE);
        String sql = "SELECT seq, entity_id, change_kind FROM crm_change_log WHERE entity_kind = ? AND seq > ?"
                + (owner.isPresent() ? " AND owner_id = ?" : "") + " ORDER BY seq LIMIT ?";
        List<Entry> raw = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, kind.name());
            ps.setLong(i++, after);
            if (owner.isPresent()) {
                ps.setString(i++, owner.get());
            }
            ps.setInt(i, size + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    raw.add(new Entry(rs.getLong(1), rs.getLong(2), ChangeKind.valueOf(rs.getString(3))));
                }
            }
        }
        boolean more = raw.size() > size;
        List<Entry> page = more ? raw.subList(0, size) : raw;
        long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        Map<Long, Entry> latest = new LinkedHashMap<>();
        for (Entry e : page) {
            latest.remove(e.entityId());
            latest.put(e.entityId(), e);
        }
        return new Page(List.copyOf(latest.values()), next, more);
    }
}

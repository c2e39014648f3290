package io.liaison.duplicates.internal;

import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The match-key index in Liaison's own tables ({@code dup_contact}, {@code dup_match_key},
 * {@code dup_index_state}), on H2 or PostgreSQL. Every write is one transaction.
 */
public final class JdbcMatchKeyIndex implements MatchKeyIndex {
    private static final String SEPARATOR = "\n";
    private final DataSource dataSource;

    /** @param dataSource a database whose schema {@link IndexSchema#migrate} brought up to date */
    public JdbcMatchKeyIndex(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<IndexState> state() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT crm_token, actor, updated_at FROM dup_index_state WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next()
                    ? Optional.of(new IndexState(new CrmToken(r.getString(1)), new EmployeeId(r.getString(2)),
                    Instant.ofEpochMilli(r.getLong(3))))
                    : Optional.empty();
        } catch (SQLException e) {
            throw failure("read the index state", e);
        }
    }

    @Override
    public void clear() {
        inTransaction("clear the index", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM dup_index_state");
                s.executeUpdate("DELETE FROM dup_match_key");
                s.executeUpdate("DELETE FROM dup_contact");
            }
        });
    }

    @Override
    public void apply(Collection<IndexedContact> upserts, Collection<ContactPersonId> removed,
                      Optional<IndexState> newState) {
        inTransaction("update the index", c -> {
            List<String> ids = new ArrayList<>();
            removed.forEach(id -> ids.add(id.value()));
            upserts.forEach(u -> ids.add(u.id().value()));
            deleteAll(c, ids);
            insertAll(c, upserts);
            if (newState.isPresent()) {
                IndexState state = newState.get();
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM dup_index_state");
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO dup_index_state (id, crm_token, actor, updated_at) VALUES (1, ?, ?, ?)")) {
                    s.setString(1, state.token().value());
                    s.setString(2, state.actor().value());
                    s.setLong(3, state.updatedAt().toEpochMilli());
                    s.executeUpdate();
                }
            }
        });
    }

    private static void deleteAll(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement keys = c.prepareStatement("DELETE FROM dup_match_key WHERE contact_id = ?");
             PreparedStatement contacts = c.prepareStatement("DELETE FROM dup_contact WHERE contact_id = ?")) {
            for (String id : ids) {
                keys.setString(1, id);
                keys.addBatch();
                contacts.setString(1, id);
                contacts.addBatch();
            }
            keys.executeBatch();
            contacts.executeBatch();
        }
    }

    private static void insertAll(Connection c, Collection<IndexedContact> upserts) throws SQLException {
        if (upserts.isEmpty()) {
            return;
        }
        try (PreparedStatement contacts = c.prepareStatement("INSERT INTO dup_contact "
                + "(contact_id, version, first_name, last_name, emails, mobiles, phones) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement keys = c.prepareStatement("INSERT INTO dup_match_key (match_key, contact_id) VALUES (?, ?)")) {
            for (IndexedContact u : upserts) {
                NormalizedContact n = u.contact();
                contacts.setString(1, u.id().value());
                contacts.setLong(2, u.version());
                contacts.setString(3, n.firstName());
                contacts.setString(4, n.lastName());
                contacts.setString(5, join(n.emails()));
                contacts.setString(6, join(n.mobiles()));
                contacts.setString(7, join(n.phones()));
                contacts.addBatch();
                for (String key : MatchKeys.indexKeys(n)) {
                    keys.setString(1, key);
                    keys.setString(2, u.id().value());
                    keys.addBatch();
                }
            }
            contacts.executeBatch();
            keys.executeBatch();
        }
    }

    @Override
    public List<IndexedContact> candidates(Collection<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String marks = keys.stream().map(k -> "?").collect(Collectors.joining(", "));
        String sql = "SELECT c.contact_id, c.version, c.first_name, c.last_name, c.emails, c.mobiles, c.phones "
                + "FROM dup_match_key k JOIN dup_contact c ON c.contact_id = k.contact_id "
                + "WHERE k.match_key IN (" + marks + ") FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        Map<String, IndexedContact> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (String key : keys) {
                s.setString(i++, key);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    if (!found.containsKey(id)) {
                        found.put(id, new IndexedContact(ContactPersonId.of(id), r.getLong(2), new NormalizedContact(
                                r.getString(3), r.getString(4), split(r.getString(5)), split(r.getString(6)), split(r.getString(7)))));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("look up duplicate candidates", e);
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public long size() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM dup_contact");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure("count the indexed contacts", e);
        }
    }

    private static String join(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(SEPARATOR));
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(SEPARATOR)));
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " of the duplicate check: " + e.getMessage(), e);
    }
}

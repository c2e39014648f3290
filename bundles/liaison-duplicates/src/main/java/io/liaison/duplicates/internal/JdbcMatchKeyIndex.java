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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The match-key index in Liaison's own tables ({@code dup_contact}, {@code dup_match_key} for the e-mail and phone
 * keys, {@code dup_name_key} for the name keys, {@code dup_index_state}), on H2 or PostgreSQL. Every write is one
 * transaction.
 *
 * <p>Everything a check needs is stored precomputed when a contact is filed: normalised names with their Kölner
 * Phonetik codes, normalised e-mail addresses and E.164 numbers; a look-up loads them and computes nothing again.
 * Look-ups go by the indexed key columns with parameterised {@code IN} lists in chunks of fixed sizes (so that the
 * database can reuse its plans). A look-up by name reads only the name key rows (names and codes, no contacts),
 * compares each distinct name once and loads only the wanted contacts.
 */
public final class JdbcMatchKeyIndex implements MatchKeyIndex {
    private static final String SEPARATOR = "\n";
    /** The largest {@code IN} list; shorter ones are padded to the next power of two by repeating a value. */
    private static final int MAX_IN = 256;
    private static final String CONTACT_COLUMNS =
            "c.contact_id, c.version, c.first_name, c.last_name, c.first_code, c.last_code, c.emails, c.mobiles, c.phones";
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
                s.executeUpdate("DELETE FROM dup_name_key");
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

    @Override
    public int erase(ContactPersonId id) {
        int[] rows = new int[1];
        inTransaction("erase a contact person from the index", c -> {
            for (String table : List.of("dup_match_key", "dup_name_key", "dup_contact")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE contact_id = ?")) {
                    s.setString(1, id.value());
                    rows[0] += s.executeUpdate();
                }
            }
        });
        return rows[0];
    }

    /** Deletes what was filed for the ids: one batch of single-row deletes by the indexed id column per table. */
    private static void deleteAll(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        for (String table : List.of("dup_match_key", "dup_name_key", "dup_contact")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE contact_id = ?")) {
                for (String id : ids) {
                    s.setString(1, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private static void insertAll(Connection c, Collection<IndexedContact> upserts) throws SQLException {
        if (upserts.isEmpty()) {
            return;
        }
        try (PreparedStatement contacts = c.prepareStatement("INSERT INTO dup_contact (contact_id, version, first_name, "
                + "last_name, first_code, last_code, emails, mobiles, phones) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement keys = c.prepareStatement("INSERT INTO dup_match_key (match_key, contact_id) VALUES (?, ?)");
             PreparedStatement nameKeys = c.prepareStatement("INSERT INTO dup_name_key "
                     + "(match_key, contact_id, first_name, last_name, first_code, last_code) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (IndexedContact u : upserts) {
                NormalizedContact n = u.contact();
                String id = u.id().value();
                contacts.setString(1, id);
                contacts.setLong(2, u.version());
                contacts.setString(3, n.firstName());
                contacts.setString(4, n.lastName());
                contacts.setString(5, n.firstCode());
                contacts.setString(6, n.lastCode());
                contacts.setString(7, join(n.emails()));
                contacts.setString(8, join(n.mobiles()));
                contacts.setString(9, join(n.phones()));
                contacts.addBatch();
                for (String key : MatchKeys.identityKeys(n)) {
                    keys.setString(1, key);
                    keys.setString(2, id);
                    keys.addBatch();
                }
                for (String key : MatchKeys.nameKeys(n)) {
                    nameKeys.setString(1, key);
                    nameKeys.setString(2, id);
                    nameKeys.setString(3, n.firstName());
                    nameKeys.setString(4, n.lastName());
                    nameKeys.setString(5, n.firstCode());
                    nameKeys.setString(6, n.lastCode());
                    nameKeys.addBatch();
                }
            }
            contacts.executeBatch();
            keys.executeBatch();
            nameKeys.executeBatch();
        }
    }

    @Override
    public List<IndexedContact> candidates(Collection<String> keys, int limit) {
        List<String> identity = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            (MatchKeys.isNameKey(key) ? names : identity).add(key);
        }
        Map<String, IndexedContact> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            contactsByKey(c, "dup_match_key", identity, limit, found);
            contactsByKey(c, "dup_name_key", names, limit, found);
        } catch (SQLException e) {
            throw failure("look up duplicate candidates", e);
        }
        return new ArrayList<>(found.values());
    }

    private static void contactsByKey(Connection c, String table, List<String> keys, int limit,
                                      Map<String, IndexedContact> found) throws SQLException {
        for (List<String> chunk : chunks(keys)) {
            if (found.size() >= limit) {
                return;
            }
            String sql = "SELECT " + CONTACT_COLUMNS + " FROM " + table + " k JOIN dup_contact c ON c.contact_id = k.contact_id "
                    + "WHERE k.match_key IN (" + marks(chunk.size()) + ") FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, 1, chunk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next() && found.size() < limit) {
                        String id = r.getString(1);
                        if (!found.containsKey(id)) {
                            found.put(id, contact(r));
                        }
                    }
                }
            }
        }
    }

    /**
     * Reads the name key rows (names and codes only), asks the visitor about each distinct family and given name
     * once and about each distinct name whose parts are both alike, then loads the wanted contacts by id in chunks.
     */
    @Override
    public boolean visitByName(Collection<String> keys, int limit, NameVisitor visitor) {
        List<String> nameKeys = new ArrayList<>(new LinkedHashSet<>(keys));
        if (nameKeys.isEmpty()) {
            return false;
        }
        long maxRows = Math.min(Integer.MAX_VALUE - 1L, (long) limit * NAMES_PER_CANDIDATE);
        Map<PersonName, List<String>> byName = new LinkedHashMap<>();
        boolean capped = false;
        try (Connection c = dataSource.getConnection()) {
            int rows = 0;
            for (List<String> chunk : chunks(nameKeys)) {
                String sql = "SELECT contact_id, first_name, last_name, first_code, last_code FROM dup_name_key "
                        + "WHERE match_key IN (" + marks(chunk.size()) + ") FETCH FIRST " + (maxRows - rows + 1) + " ROWS ONLY";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    bind(s, 1, chunk);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (++rows > maxRows) {
                                capped = true;
                                break;
                            }
                            PersonName name = new PersonName(r.getString(2), r.getString(3), r.getString(4), r.getString(5));
                            byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(r.getString(1));
                        }
                    }
                }
                if (capped) {
                    break;
                }
            }
            Map<String, Boolean> lastAlike = new HashMap<>();
            Map<String, Boolean> firstAlike = new HashMap<>();
            Set<String> wanted = new LinkedHashSet<>();
            for (Map.Entry<PersonName, List<String>> group : byName.entrySet()) {
                PersonName name = group.getKey();
                if (lastAlike.computeIfAbsent(name.last(), l -> visitor.lastAlike(l, name.lastCode()))
                        && firstAlike.computeIfAbsent(name.first(), f -> visitor.firstAlike(f, name.firstCode()))
                        && visitor.wants(name)) {
                    wanted.addAll(group.getValue());
                }
            }
            List<String> ids = new ArrayList<>(wanted);
            if (ids.size() > limit) {
                capped = true;
                ids = ids.subList(0, limit);
            }
            Map<String, IndexedContact> loaded = new HashMap<>();
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement s = c.prepareStatement("SELECT " + CONTACT_COLUMNS + " FROM dup_contact c "
                        + "WHERE c.contact_id IN (" + marks(chunk.size()) + ")")) {
                    bind(s, 1, chunk);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            IndexedContact contact = contact(r);
                            loaded.put(contact.id().value(), contact);
                        }
                    }
                }
            }
            for (String id : ids) {
                IndexedContact contact = loaded.get(id);
                if (contact != null) {
                    visitor.accept(contact);
                }
            }
        } catch (SQLException e) {
            throw failure("look up duplicate candidates by name", e);
        }
        return capped;
    }

    /**
     * Hands every filed contact to the consumer in batches of at most {@code batchSize}, read in one pass over
     * {@code dup_contact} (stored values, nothing recomputed; the key tables are not read: the keys follow from the
     * values). The rows are streamed, so only one batch is held at a time.
     */
    public void forEachContact(int batchSize, Consumer<List<IndexedContact>> batches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL streams a result set by its fetch size only inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT " + CONTACT_COLUMNS + " FROM dup_contact c")) {
                s.setFetchSize(batchSize);
                try (ResultSet r = s.executeQuery()) {
                    List<IndexedContact> batch = new ArrayList<>(batchSize);
                    while (r.next()) {
                        batch.add(contact(r));
                        if (batch.size() == batchSize) {
                            batches.accept(batch);
                            batch = new ArrayList<>(batchSize);
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.accept(batch);
                    }
                }
            } finally {
                c.rollback(); // ends the read-only transaction
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("read the indexed contacts", e);
        }
    }

    /** A contact from a row of {@link #CONTACT_COLUMNS}: stored values, nothing recomputed. */
    private static IndexedContact contact(ResultSet r) throws SQLException {
        PersonName names = new PersonName(r.getString(3), r.getString(4), r.getString(5), r.getString(6));
        return new IndexedContact(ContactPersonId.of(r.getString(1)), r.getLong(2),
                new NormalizedContact(names, split(r.getString(7)), split(r.getString(8)), split(r.getString(9))));
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

    /** The values in chunks of at most {@link #MAX_IN}, each padded to a power of two by repeating its last value. */
    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_IN) {
            List<String> chunk = new ArrayList<>(values.subList(from, Math.min(values.size(), from + MAX_IN)));
            int padded = Integer.highestOneBit(chunk.size() * 2 - 1);
            String last = chunk.get(chunk.size() - 1);
            while (chunk.size() < padded) {
                chunk.add(last);
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    private static String marks(int count) {
        StringBuilder marks = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return marks.toString();
    }

    private static void bind(PreparedStatement s, int from, List<String> values) throws SQLException {
        int i = from;
        for (String value : values) {
            s.setString(i++, value);
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

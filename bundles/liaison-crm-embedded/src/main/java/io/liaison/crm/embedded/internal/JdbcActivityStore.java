package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.ActivityCreation;
import io.liaison.api.crm.ActivityRelation;
import io.liaison.api.crm.ActivityQuery;
import io.liaison.api.crm.ActivityStore;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.CrmException;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.crm.DocumentUpload;
import io.liaison.api.crm.KeyHolders;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.Document;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.StatusKey;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activities on JDBC. Every employee may read every activity; the quicksearches and the change feed cover the
 * actor's own (the quicksearches also the shared mail activities the actor imported too). The idempotency key is unique per owner: a create that loses the race for a key returns the winner's
 * activity.
 */
final class JdbcActivityStore implements ActivityStore {
    private static final int MAX_SOURCE_KEY = 998;
    private static final String ORDER_NEWEST_FIRST = " ORDER BY sort_at DESC, id DESC LIMIT ?";

    private final Jdbc jdbc;

    JdbcActivityStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Activity create(EmployeeId actor, ActivityData data, Optional<String> idempotencyKey) {
        return create(actor, data, idempotencyKey, List.of()).activity();
    }

    /**
     * Creates an activity and stores its documents in one transaction (see {@code HostCrm#createWithDocuments}): a
     * failure anywhere, e.g. a content that cannot be read, leaves neither the activity nor any document.
     */
    ActivityCreation create(EmployeeId actor, ActivityData data, Optional<String> idempotencyKey,
                            List<DocumentUpload> documents) {
        idempotencyKey.ifPresent(JdbcActivityStore::checkKey);
        // what is written is what a later read returns: the activity returned is built from it, not read back
        ActivityData written = ActivityRows.normalise(data);
        // No look-up first: the unique key (owner, source key) refuses a repeat, which is then answered with the
        // activity that holds the key. A repeat is the rare case; the look-up would cost every create a query.
        String item = "activity '" + data.subject() + "' of " + data.owner();
        try {
            return jdbc.write("create " + item, tx -> {
                Instant now = Jdbc.now();
                long id;
                String sql = "INSERT INTO crm_activity (" + String.join(", ", ActivityRows.CONTENT_COLUMNS)
                        + ", source_key, version, created_at, modified_at, sort_at) VALUES ("
                        + Jdbc.placeholders(ActivityRows.CONTENT_COLUMNS.size() + 5) + ")";
                try (PreparedStatement ps = tx.connection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    int i = ActivityRows.bindContent(tx, ps, 1, written, item);
                    Jdbc.setString(ps, i++, idempotencyKey);
                    ps.setLong(i++, 1);
                    Jdbc.setInstant(ps, i++, now);
                    Jdbc.setInstant(ps, i++, now);
                    Jdbc.setInstant(ps, i, written.start().orElse(now));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong("id");
                    }
                }
                ActivityRows.insertChildren(tx, id, written);
                Activity created = new Activity(new ActivityId(Ids.format(id)), 1, now, now, idempotencyKey, written);
                List<Document> stored = new ArrayList<>(documents.size());
                for (DocumentUpload upload : documents) {
                    String document = "document '" + upload.document().fileName() + "' of " + item;
                    try (InputStream content = upload.content().open()) {
                        stored.add(JdbcDocumentStore.store(tx, id, upload.document(), content, document));
                    } catch (IOException e) {
                        throw new CrmException("attach " + document + " failed: its content cannot be read: "
                                + e.getMessage(), e);
                    }
                }
                log(tx, id, written.owner(), ChangeKind.CREATED);
                return new ActivityCreation(created, true, stored);
            });
        } catch (Jdbc.DuplicateKeyException e) {
            // a repeat, or a concurrent create with the same key that committed first: return the holder's activity
            return idempotencyKey.flatMap(key -> findBySourceKey(data.owner(), key))
                    .map(existing -> new ActivityCreation(existing, false, List.of()))
                    .orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<Activity> get(EmployeeId actor, ActivityId id) {
        Optional<Long> key = Ids.parse(id.value());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.read("read activity " + id, tx -> ActivityRows.byId(tx, key.get()));
    }

    @Override
    public Optional<Activity> findBySourceKey(EmployeeId actor, String idempotencyKey) {
        return jdbc.read("find activity by idempotency key", tx -> firstFound(tx,
                "SELECT id FROM crm_activity WHERE owner_id = ? AND source_key = ?", actor.value(), idempotencyKey));
    }

    /**
     * The activity whose id the query finds first. The id first: most look-ups (a mail not imported yet) find nothing,
     * and this query is the short one.
     */
    private static Optional<Activity> firstFound(Jdbc.Tx tx, String idQuery, String... parameters) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.prepare(idQuery)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
            }
        }
        return ActivityRows.byId(tx, id);
    }

    @Override
    public boolean sharesMailActivities() {
        return true;
    }

    @Override
    public Optional<Activity> findSharedMail(EmployeeId actor, String idempotencyKey) {
        // an imported mail (it has mail details); another owner's private activity is not shared: the actor may not
        // see its details
        return jdbc.read("find a mail activity by idempotency key", tx -> firstFound(tx,
                "SELECT id FROM crm_activity WHERE source_key = ? AND mail_from IS NOT NULL"
                        + " AND (owner_id = ? OR private_activity = FALSE)"
                        + " ORDER BY CASE WHEN owner_id = ? THEN 0 ELSE 1 END, id",
                idempotencyKey, actor.value(), actor.value()));
    }

    /**
     * One query for every key: the rows under the keys that the actor may see, the actor's first, then oldest first
     * (the order {@link #findSharedMail} takes the first of); per key the actor's row is what
     * {@link #findBySourceKey} finds (one per owner and key, the unique index says) and the first row with mail details
     * what {@link #findSharedMail} finds. Then each activity found is read once, all in one transaction.
     */
    @Override
    public Map<String, KeyHolders> findByKeys(EmployeeId actor, List<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return jdbc.read("find activities by idempotency keys", tx -> {
            Map<String, Long> own = new HashMap<>();
            Map<String, Long> shared = new HashMap<>();
            String placeholders = String.join(", ", Collections.nCopies(distinct.size(), "?"));
            try (PreparedStatement ps = tx.prepare("SELECT source_key, id, owner_id, mail_from IS NOT NULL"
                    + " FROM crm_activity WHERE source_key IN (" + placeholders + ")"
                    + " AND (owner_id = ? OR private_activity = FALSE)"
                    + " ORDER BY CASE WHEN owner_id = ? THEN 0 ELSE 1 END, id")) {
                int i = 1;
                for (String key : distinct) {
                    ps.setString(i++, key);
                }
                ps.setString(i++, actor.value());
                ps.setString(i, actor.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        long id = rs.getLong(2);
                        if (rs.getString(3).equals(actor.value())) {
                            own.putIfAbsent(key, id);
                        }
                        if (rs.getBoolean(4)) {
                            shared.putIfAbsent(key, id);
                        }
                    }
                }
            }
            Map<Long, Optional<Activity>> read = new HashMap<>();
            Map<String, KeyHolders> holders = new LinkedHashMap<>();
            for (String key : distinct) {
                holders.put(key, new KeyHolders(readOnce(tx, own.get(key), read), readOnce(tx, shared.get(key), read)));
            }
            return holders;
        });
    }

    private static Optional<Activity> readOnce(Jdbc.Tx tx, Long id, Map<Long, Optional<Activity>> read)
            throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Activity> known = read.get(id);
        if (known == null) {
            known = ActivityRows.byId(tx, id);
            read.put(id, known);
        }
        return known;
    }

    @Override
    public Activity addImporter(EmployeeId actor, ActivityId id) {
        long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
        return jdbc.write("add " + actor + " as an importer of activity " + id, tx -> {
            Activity activity = ActivityRows.byId(tx, key).orElseThrow(() -> notFound(id));
            if (!activity.data().owner().equals(actor)) {
                // once: a repeat (a run that stopped before the mail's move) inserts nothing
                try (PreparedStatement ps = tx.prepare("INSERT INTO crm_activity_importer (activity_id, employee_id,"
                        + " added_at) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM crm_activity_importer"
                        + " WHERE activity_id = ? AND employee_id = ?)")) {
                    ps.setLong(1, key);
                    ps.setString(2, actor.value());
                    Jdbc.setInstant(ps, 3, Jdbc.now());
                    ps.setLong(4, key);
                    ps.setString(5, actor.value());
                    ps.executeUpdate();
                }
            }
            return activity;
        });
    }

    @Override
    public boolean relatesActivities() {
        return true;
    }

    @Override
    public void relate(EmployeeId actor, ActivityRelation relation) {
        long from = Ids.parse(relation.from().value()).orElseThrow(() -> notFound(relation.from()));
        long to = Ids.parse(relation.to().value()).orElseThrow(() -> notFound(relation.to()));
        jdbc.write("relate activity " + relation.from() + " to " + relation.to(), tx -> {
            for (ActivityId id : List.of(relation.from(), relation.to())) {
                if (ActivityRows.byId(tx, Ids.parse(id.value()).orElseThrow()).isEmpty()) {
                    throw notFound(id);
                }
            }
            // once: a repeat (a run that stopped before the mail's move) inserts nothing
            try (PreparedStatement ps = tx.prepare("INSERT INTO crm_activity_relation (from_id, to_id, relation_kind)"
                    + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM crm_activity_relation WHERE from_id = ?"
                    + " AND to_id = ? AND relation_kind = ?)")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.setString(3, relation.kind().name());
                ps.setLong(4, from);
                ps.setLong(5, to);
                ps.setString(6, relation.kind().name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ActivityRelation> relations(EmployeeId actor, ActivityId id) {
        Optional<Long> key = Ids.parse(id.value());
        if (key.isEmpty()) {
            return List.of();
        }
        return jdbc.read("read the relations of activity " + id, tx -> {
            List<ActivityRelation> relations = new ArrayList<>();
            try (PreparedStatement ps = tx.prepare("SELECT from_id, to_id, relation_kind FROM crm_activity_relation"
                    + " WHERE from_id = ? OR to_id = ? ORDER BY from_id, to_id")) {
                ps.setLong(1, key.get());
                ps.setLong(2, key.get());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        relations.add(new ActivityRelation(new ActivityId(Ids.format(rs.getLong(1))),
                                new ActivityId(Ids.format(rs.getLong(2))),
                                ActivityRelation.Kind.valueOf(rs.getString(3))));
                    }
                }
            }
            return relations;
        });
    }

    @Override
    public List<Activity> findReplies(EmployeeId actor, String messageId, int limit) {
        return findMailsNaming("mail_in_reply_to", "find the replies to a mail", actor, messageId, limit);
    }

    @Override
    public List<Activity> findReturns(EmployeeId actor, String messageId, int limit) {
        return findMailsNaming("mail_returned_id", "find the bounces of a mail", actor, messageId, limit);
    }

    @Override
    public Optional<Activity> findAppointment(EmployeeId actor, String calendarUid) {
        // another owner's private appointment is not the actor's to see; the actor's own comes first
        return jdbc.read("find the appointment of a calendar UID", tx -> ActivityRows.query(tx, ActivityRows.SELECT
                + " WHERE calendar_uid = ? AND (owner_id = ? OR private_activity = FALSE)"
                + " ORDER BY CASE WHEN owner_id = ? THEN 0 ELSE 1 END, id LIMIT 1",
                List.<Object>of(calendarUid, actor.value(), actor.value()))).stream().findFirst();
    }

    /** The mails whose {@code column} (an indexed Message-ID column) holds {@code messageId}, oldest first. */
    private List<Activity> findMailsNaming(String column, String what, EmployeeId actor, String messageId, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        // another owner's private mail is not the actor's to see
        return jdbc.read(what, tx -> ActivityRows.query(tx, ActivityRows.SELECT + " WHERE " + column
                + " = ? AND (owner_id = ? OR private_activity = FALSE) ORDER BY id LIMIT ?",
                List.<Object>of(messageId, actor.value(), limit)));
    }

    @Override
    public Activity update(EmployeeId actor, ActivityId id, long expectedVersion, ActivityData data) {
        String item = "activity " + id;
        return jdbc.write("update " + item, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            EmployeeId previousOwner = current(tx, id, key, expectedVersion);
            StringBuilder sql = new StringBuilder("UPDATE crm_activity SET ");
            for (String column : ActivityRows.CONTENT_COLUMNS) {
                sql.append(column).append(" = ?, ");
            }
            sql.append("version = version + 1, modified_at = ?, sort_at = COALESCE(?, created_at) WHERE id = ? AND version = ?");
            try (PreparedStatement ps = tx.prepare(sql.toString())) {
                int i = ActivityRows.bindContent(tx, ps, 1, data, item);
                Jdbc.setInstant(ps, i++, Jdbc.now());
                Jdbc.setInstant(ps, i++, data.start());
                ps.setLong(i++, key);
                ps.setLong(i, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    current(tx, id, key, expectedVersion); // throws not found or stale
                    throw stale(id, expectedVersion);
                }
            }
            ActivityRows.writeChildren(tx, key, data);
            Activity updated = ActivityRows.byId(tx, key).orElseThrow();
            if (!previousOwner.equals(data.owner())) {
                // gone from the previous owner's feed, new in the new owner's
                log(tx, key, previousOwner, ChangeKind.DELETED);
            }
            log(tx, key, data.owner(), ChangeKind.UPDATED);
            return updated;
        });
    }

    @Override
    public void delete(EmployeeId actor, ActivityId id, long expectedVersion) {
        jdbc.write("delete activity " + id, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            EmployeeId owner = current(tx, id, key, expectedVersion);
            try (PreparedStatement ps = tx.prepare("DELETE FROM crm_activity WHERE id = ? AND version = ?")) {
                ps.setLong(1, key);
                ps.setLong(2, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    current(tx, id, key, expectedVersion); // throws not found or stale
                    throw stale(id, expectedVersion);
                }
            }
            log(tx, key, owner, ChangeKind.DELETED);
            return null;
        });
    }

    @Override
    public List<Activity> search(EmployeeId actor, ActivityQuery query) {
        StringBuilder sql = new StringBuilder(ActivityRows.SELECT).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.type().ifPresent(t -> {
            sql.append(" AND type_key = ?");
            parameters.add(t.key());
        });
        query.status().ifPresent(s -> {
            sql.append(" AND status_key = ?");
            parameters.add(s.key());
        });
        query.from().ifPresent(f -> {
            sql.append(" AND start_at >= ?");
            parameters.add(f);
        });
        query.to().ifPresent(t -> {
            sql.append(" AND start_at < ?");
            parameters.add(t);
        });
        if (!query.ids().isEmpty()) {
            List<Object> keys = new ArrayList<>();
            for (ActivityId id : query.ids()) {
                Ids.parse(id.value()).ifPresent(keys::add);
            }
            if (keys.isEmpty()) {
                return List.of();
            }
            if (keys.size() > 1000) {
                throw new IllegalArgumentException("at most 1000 ids per search, not " + keys.size());
            }
            sql.append(" AND id IN (").append(Jdbc.placeholders(keys.size())).append(')');
            parameters.addAll(keys);
        }
        sql.append(ORDER_NEWEST_FIRST);
        parameters.add(query.limit());
        return jdbc.read("search activities", tx -> ActivityRows.query(tx, sql.toString(), parameters));
    }

    @Override
    public List<Activity> quicksearch(EmployeeId actor, Quicksearch quicksearch, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        // an imported mail: a MAILIN activity that was created with a source key
        StringBuilder sql = new StringBuilder(ActivityRows.SELECT)
                .append(" WHERE (owner_id = ? OR id IN (SELECT activity_id FROM crm_activity_importer"
                        + " WHERE employee_id = ?)) AND type_key = ? AND source_key IS NOT NULL");
        List<Object> parameters = new ArrayList<>(List.of(actor.value(), actor.value(), ActivityType.MAIL_IN.key()));
        switch (quicksearch) {
            case NOT_ASSIGNED_IMPORTED_MAILS -> sql.append(" AND business_partner_id IS NULL AND contact_person_id IS NULL");
            case IMPORTED_MAILS -> {
                sql.append(" AND status_key = ?");
                parameters.add(StatusKey.IMPORTED.key());
            }
            case ALL_IMPORTED_MAILS -> {
                // every status
            }
        }
        sql.append(ORDER_NEWEST_FIRST);
        parameters.add(limit);
        return jdbc.read("quicksearch " + quicksearch, tx -> ActivityRows.query(tx, sql.toString(), parameters));
    }

    @Override
    public CrmChangePage<Activity, ActivityId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max) {
        long after = ChangeLog.position(since);
        return jdbc.read("read the activity changes of " + actor, tx -> {
            ChangeLog.Page page = ChangeLog.read(tx.connection(), ChangeLog.EntityKind.ACTIVITY, Optional.of(actor.value()),
                    after, max);
            List<Long> changed = new ArrayList<>();
            List<ActivityId> removed = new ArrayList<>();
            for (ChangeLog.Entry e : page.entries()) {
                if (e.change() == ChangeKind.DELETED) {
                    removed.add(new ActivityId(Ids.format(e.entityId())));
                } else {
                    changed.add(e.entityId());
                }
            }
            // one changed here but deleted or given away by a later change is left to the page holding that change
            List<Activity> current = ActivityRows.byIds(tx, changed).stream()
                    .filter(a -> a.data().owner().equals(actor))
                    .toList();
            return new CrmChangePage<>(current, removed, ChangeLog.token(page.next()), page.more());
        });
    }

    /** The owner of the activity; throws when it does not exist or has another version than expected. */
    private static EmployeeId current(Jdbc.Tx tx, ActivityId id, long key, long expectedVersion) throws SQLException {
        try (PreparedStatement ps = tx.prepare("SELECT owner_id, version FROM crm_activity WHERE id = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(id);
                }
                if (rs.getLong(2) != expectedVersion) {
                    throw new CrmStaleVersionException("activity " + id + " has version " + rs.getLong(2)
                            + ", not the expected " + expectedVersion + ": it changed in between");
                }
                return new EmployeeId(rs.getString(1));
            }
        }
    }

    private static CrmStaleVersionException stale(ActivityId id, long expectedVersion) {
        return new CrmStaleVersionException("activity " + id + " no longer has version " + expectedVersion
                + ": it changed in between");
    }

    /**
     * A contact person was merged into another (in the same transaction): the activities that named it name the
     * survivor, each a change of the activity in its owner's feed.
     */
    static void contactPersonMerged(Jdbc.Tx tx, long merged, long survivor) throws SQLException {
        Map<Long, EmployeeId> named = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.prepare("SELECT id, owner_id FROM crm_activity WHERE contact_person_id = ?")) {
            ps.setLong(1, merged);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    named.put(rs.getLong(1), new EmployeeId(rs.getString(2)));
                }
            }
        }
        for (Map.Entry<Long, EmployeeId> activity : named.entrySet()) {
            try (PreparedStatement ps = tx.prepare("UPDATE crm_activity SET contact_person_id = ?, "
                    + "version = version + 1, modified_at = ? WHERE id = ?")) {
                ps.setLong(1, survivor);
                Jdbc.setInstant(ps, 2, Jdbc.now());
                ps.setLong(3, activity.getKey());
                ps.executeUpdate();
            }
            log(tx, activity.getKey(), activity.getValue(), ChangeKind.UPDATED);
        }
    }

    private static void log(Jdbc.Tx tx, long key, EmployeeId owner, ChangeKind change) throws SQLException {
        ChangeLog.record(tx.connection(), ChangeLog.EntityKind.ACTIVITY, key, Optional.of(owner.value()), change);
        tx.announce(new CrmChange(CrmEvents.TOPIC_ACTIVITY_CHANGED, Ids.format(key), owner.value(), change));
    }

    private static CrmNotFoundException notFound(ActivityId id) {
        return new CrmNotFoundException("activity " + id + " does not exist");
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_SOURCE_KEY) {
            throw new IllegalArgumentException("an idempotency key must have 1 to " + MAX_SOURCE_KEY
                    + " characters, not " + key.length());
        }
    }

    @Override
    public boolean aheadOfFeed(EmployeeId actor, CrmToken token) {
        return jdbc.read("check the activity change token of " + actor, tx -> ChangeLog.ahead(tx.connection(), Optional.of(token)));
    }
}

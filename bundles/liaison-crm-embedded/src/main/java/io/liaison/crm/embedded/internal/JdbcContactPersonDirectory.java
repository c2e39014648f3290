package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.ContactPersonAbsence;
import io.liaison.api.crm.ContactPersonDirectory;
import io.liaison.api.crm.ContactSearch;
import io.liaison.api.crm.CrmChangePage;
import io.liaison.api.crm.CrmEvents;
import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.crm.CrmStaleVersionException;
import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Photo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Contact persons with their communications and photos, and their change feed. Every employee sees every
 * contact person; the external key is unique, so that loading the same file twice creates nobody twice. Deletions
 * and merges are recorded ({@code crm_contact_removal}), so that {@link #absence} tells them apart.
 */
final class JdbcContactPersonDirectory implements ContactPersonDirectory {
    private final Jdbc jdbc;

    JdbcContactPersonDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ContactPerson create(EmployeeId actor, ContactPersonData data, Optional<String> externalKey) {
        externalKey.ifPresent(JdbcContactPersonDirectory::checkExternalKey);
        if (externalKey.isPresent()) {
            Optional<ContactPerson> existing = findByExternalKey(actor, externalKey.get());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String item = "contact person '" + data.firstName() + " " + data.lastName() + "'";
        try {
            return jdbc.write("create " + item, tx -> {
                long id;
                try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO crm_contact_person ("
                        + ContactRows.CONTENT_COLUMNS + ", external_key, version, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    int i = ContactRows.bindContent(tx, ps, 1, data, item);
                    Jdbc.setString(ps, i++, externalKey);
                    Jdbc.setInstant(ps, i, Jdbc.now());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong("id");
                    }
                }
                ContactRows.writeCommunications(tx, id, data.communications());
                ContactRows.writePostalAddresses(tx, id, data.postalAddresses());
                return logged(tx, actor, id, ChangeKind.CREATED);
            });
        } catch (Jdbc.DuplicateKeyException e) {
            // another call created the person with this key in between: theirs is the one
            return externalKey.flatMap(key -> findByExternalKey(actor, key)).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<ContactPerson> get(EmployeeId actor, ContactPersonId id) {
        Optional<Long> key = Ids.parse(id.value());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.read("read contact person " + id, tx -> ContactRows.byId(tx, key.get()));
    }

    @Override
    public Optional<ContactPerson> findByExternalKey(EmployeeId actor, String externalKey) {
        return jdbc.read("find contact person by external key", tx -> ContactRows.query(tx,
                ContactRows.SELECT + " WHERE external_key = ?", List.of(externalKey))).stream().findFirst();
    }

    @Override
    public ContactPerson update(EmployeeId actor, ContactPersonId id, long expectedVersion, ContactPersonData data) {
        String item = "contact person " + id;
        return jdbc.write("update " + item, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            try (PreparedStatement ps = tx.prepare("UPDATE crm_contact_person SET business_partner_id = ?, salutation = ?, "
                    + "title = ?, first_name = ?, first_name_lower = ?, last_name = ?, last_name_lower = ?, job_position = ?, "
                    + "department = ?, country = ?, birthday = ?, notes = ?, version = version + 1, modified_at = ? WHERE id = ? AND version = ?")) {
                int i = ContactRows.bindContent(tx, ps, 1, data, item);
                Jdbc.setInstant(ps, i++, Jdbc.now());
                ps.setLong(i++, key);
                ps.setLong(i, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw staleOrMissing(tx, id, key, expectedVersion);
                }
            }
            ContactRows.writeCommunications(tx, key, data.communications());
            ContactRows.writePostalAddresses(tx, key, data.postalAddresses());
            return logged(tx, actor, key, ChangeKind.UPDATED);
        });
    }

    @Override
    public void delete(EmployeeId actor, ContactPersonId id, long expectedVersion) {
        jdbc.write("delete contact person " + id, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            try (PreparedStatement ps = tx.prepare("DELETE FROM crm_contact_person WHERE id = ? AND version = ?")) {
                ps.setLong(1, key);
                ps.setLong(2, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw staleOrMissing(tx, id, key, expectedVersion);
                }
            }
            recordRemoval(tx, key, Optional.empty());
            ChangeLog.record(tx.connection(), ChangeLog.EntityKind.CONTACT, key, Optional.empty(), ChangeKind.DELETED);
            announce(tx, actor, key, ChangeKind.DELETED);
            return null;
        });
    }

    /**
     * Merges a contact person into another, as the CRM's users do with duplicates (the SPI does not merge): the
     * survivor gains the communications it lacks, the activities that named the merged person name the survivor, the
     * merged person is deleted and {@link #absence} names the survivor. Returns the survivor.
     */
    ContactPerson merge(EmployeeId actor, ContactPersonId merged, ContactPersonId survivor) {
        if (merged.equals(survivor)) {
            throw new IllegalArgumentException("contact person " + merged + " cannot be merged into itself");
        }
        return jdbc.write("merge contact person " + merged + " into " + survivor, tx -> {
            long gone = Ids.parse(merged.value()).orElseThrow(() -> notFound(merged));
            ContactPerson from = ContactRows.byId(tx, gone).orElseThrow(() -> notFound(merged));
            long key = touch(tx, survivor);
            ContactPerson into = ContactRows.byId(tx, key).orElseThrow();
            List<Communication> lacking = new ArrayList<>();
            for (Communication c : from.data().communications()) {
                boolean known = into.data().communications().stream().anyMatch(k -> k.type() == c.type()
                        && k.value().strip().equalsIgnoreCase(c.value().strip()));
                if (!known) {
                    lacking.add(new Communication(c.type(), c.value(), false));
                }
            }
            ContactRows.insertCommunications(tx, key, lacking, ContactRows.nextCommunicationOrder(tx, key));
            JdbcActivityStore.contactPersonMerged(tx, gone, key);
            try (PreparedStatement ps = tx.prepare("DELETE FROM crm_contact_person WHERE id = ?")) {
                ps.setLong(1, gone);
                ps.executeUpdate();
            }
            recordRemoval(tx, gone, Optional.of(key));
            ChangeLog.record(tx.connection(), ChangeLog.EntityKind.CONTACT, gone, Optional.empty(), ChangeKind.DELETED);
            announce(tx, actor, gone, ChangeKind.DELETED);
            return logged(tx, actor, key, ChangeKind.UPDATED);
        });
    }

    /**
     * Every employee sees every contact person here, so an absent one was deleted, merged (the survivor is the last
     * of the chain of merges, or the last one that still exists), or never existed here (unknown).
     */
    @Override
    public Optional<ContactPersonAbsence> absence(EmployeeId actor, ContactPersonId id) {
        Optional<Long> key = Ids.parse(id.value());
        if (key.isEmpty()) {
            return Optional.of(ContactPersonAbsence.unknown());
        }
        return jdbc.read("why contact person " + id + " is absent", tx -> {
            if (ContactRows.byId(tx, key.get()).isPresent()) {
                return Optional.<ContactPersonAbsence>empty();
            }
            Optional<Optional<Long>> removal = removal(tx, key.get());
            if (removal.isEmpty()) {
                return Optional.of(ContactPersonAbsence.unknown());
            }
            if (removal.get().isEmpty()) {
                return Optional.of(ContactPersonAbsence.deleted());
            }
            long survivor = removal.get().get();
            // a chain of merges ends at a person that exists or was deleted; the bound guards against a cycle
            for (int hops = 0; hops < 100 && ContactRows.byId(tx, survivor).isEmpty(); hops++) {
                Optional<Long> next = removal(tx, survivor).flatMap(m -> m);
                if (next.isEmpty()) {
                    break;
                }
                survivor = next.get();
            }
            return Optional.of(ContactPersonAbsence.mergedInto(new ContactPersonId(Ids.format(survivor))));
        });
    }

    /** The removal of a contact person: empty if none is recorded, else the person it was merged into, if any. */
    private static Optional<Optional<Long>> removal(Jdbc.Tx tx, long key) throws SQLException {
        try (PreparedStatement ps = tx.prepare(
                "SELECT merged_into FROM crm_contact_removal WHERE contact_person_id = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long into = rs.getLong(1);
                return Optional.of(rs.wasNull() ? Optional.empty() : Optional.of(into));
            }
        }
    }

    private static void recordRemoval(Jdbc.Tx tx, long key, Optional<Long> mergedInto) throws SQLException {
        try (PreparedStatement ps = tx.prepare(
                "INSERT INTO crm_contact_removal (contact_person_id, merged_into, removed_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, key);
            if (mergedInto.isPresent()) {
                ps.setLong(2, mergedInto.get());
            } else {
                ps.setNull(2, Types.BIGINT);
            }
            Jdbc.setInstant(ps, 3, Jdbc.now());
            ps.executeUpdate();
        }
    }

    @Override
    public ContactPerson addCommunication(EmployeeId actor, ContactPersonId id, Communication communication) {
        return jdbc.write("add a communication to contact person " + id, tx -> {
            long key = touch(tx, id);
            ContactRows.insertCommunications(tx, key, List.of(communication), ContactRows.nextCommunicationOrder(tx, key));
            return logged(tx, actor, key, ChangeKind.UPDATED);
        });
    }

    @Override
    public List<ContactPerson> findByEmail(EmployeeId actor, String address) {
        String exact = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        return jdbc.read("find contact persons by e-mail address", tx -> ContactRows.query(tx, ContactRows.SELECT
                + " WHERE id IN (SELECT contact_person_id FROM crm_communication WHERE comm_type = 'EMAIL' AND comm_value_lower = ?)"
                + " ORDER BY id", List.of(exact)));
    }

    @Override
    public List<ContactPerson> search(EmployeeId actor, ContactSearch criteria) {
        StringBuilder sql = new StringBuilder(ContactRows.SELECT).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        String name = criteria.name().strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            sql.append(" AND (first_name_lower LIKE ? ESCAPE '\\' OR last_name_lower LIKE ? ESCAPE '\\'"
                    + " OR first_name_lower || ' ' || last_name_lower LIKE ? ESCAPE '\\')");
            String pattern = Jdbc.containsPattern(name);
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
        if (criteria.businessPartner().isPresent()) {
            Optional<Long> bp = Ids.parse(criteria.businessPartner().get().value());
            if (bp.isEmpty()) {
                return List.of();
            }
            sql.append(" AND business_partner_id = ?");
            parameters.add(bp.get());
        }
        String email = criteria.email().strip().toLowerCase(Locale.ROOT);
        if (!email.isEmpty()) {
            sql.append(" AND id IN (SELECT contact_person_id FROM crm_communication WHERE comm_type = 'EMAIL'"
                    + " AND comm_value_lower LIKE ? ESCAPE '\\')");
            parameters.add(Jdbc.containsPattern(email));
        }
        sql.append(" ORDER BY last_name_lower, first_name_lower, id LIMIT ?");
        parameters.add(criteria.limit());
        return jdbc.read("search contact persons", tx -> ContactRows.query(tx, sql.toString(), parameters));
    }

    @Override
    public Optional<Photo> photo(EmployeeId actor, ContactPersonId id) {
        long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
        return jdbc.read("read the photo of contact person " + id, tx -> {
            try (PreparedStatement ps = tx.prepare("SELECT photo_media_type, photo FROM crm_contact_person WHERE id = ?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(id);
                    }
                    String mediaType = rs.getString(1);
                    byte[] bytes = rs.getBytes(2);
                    return mediaType == null || bytes == null ? Optional.<Photo>empty() : Optional.of(new Photo(mediaType, bytes));
                }
            }
        });
    }

    @Override
    public ContactPerson setPhoto(EmployeeId actor, ContactPersonId id, Optional<Photo> photo) {
        return jdbc.write("set the photo of contact person " + id, tx -> {
            long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
            try (PreparedStatement ps = tx.prepare("UPDATE crm_contact_person SET photo_media_type = ?, photo = ?, "
                    + "version = version + 1, modified_at = ? WHERE id = ?")) {
                if (photo.isPresent()) {
                    ps.setString(1, photo.get().mediaType());
                    ps.setBytes(2, photo.get().bytes());
                } else {
                    ps.setNull(1, Types.VARCHAR);
                    ps.setNull(2, Types.BINARY);
                }
                Jdbc.setInstant(ps, 3, Jdbc.now());
                ps.setLong(4, key);
                if (ps.executeUpdate() == 0) {
                    throw notFound(id);
                }
            }
            return logged(tx, actor, key, ChangeKind.UPDATED);
        });
    }

    @Override
    public CrmChangePage<ContactPerson, ContactPersonId> changesSince(EmployeeId actor, Optional<CrmToken> since, int max) {
        long after = ChangeLog.position(since);
        return jdbc.read("read the contact person changes", tx -> {
            ChangeLog.Page page = ChangeLog.read(tx.connection(), ChangeLog.EntityKind.CONTACT, Optional.empty(), after, max);
            List<Long> changed = new ArrayList<>();
            List<ContactPersonId> removed = new ArrayList<>();
            for (ChangeLog.Entry e : page.entries()) {
                if (e.change() == ChangeKind.DELETED) {
                    removed.add(new ContactPersonId(Ids.format(e.entityId())));
                } else {
                    changed.add(e.entityId());
                }
            }
            // a person changed here but deleted by a later change is left to the page that holds the deletion
            return new CrmChangePage<>(ContactRows.byIds(tx, changed), removed, ChangeLog.token(page.next()), page.more());
        });
    }

    /**
     * Counts a change of each contact person of the business partner (its name changed, which their groupware
     * contacts show as the company), in the same transaction.
     */
    static void partnerChanged(Jdbc.Tx tx, EmployeeId actor, long partnerKey) throws SQLException {
        List<Long> persons = new ArrayList<>();
        try (PreparedStatement ps = tx.prepare("SELECT id FROM crm_contact_person WHERE business_partner_id = ?")) {
            ps.setLong(1, partnerKey);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    persons.add(rs.getLong(1));
                }
            }
        }
        for (long key : persons) {
            touch(tx, new ContactPersonId(Ids.format(key)));
            logged(tx, actor, key, ChangeKind.UPDATED);
        }
    }

    /** Counts a change of the person without an expected version; returns its row id. */
    private static long touch(Jdbc.Tx tx, ContactPersonId id) throws SQLException {
        long key = Ids.parse(id.value()).orElseThrow(() -> notFound(id));
        try (PreparedStatement ps = tx.prepare(
                "UPDATE crm_contact_person SET version = version + 1, modified_at = ? WHERE id = ?")) {
            Jdbc.setInstant(ps, 1, Jdbc.now());
            ps.setLong(2, key);
            if (ps.executeUpdate() == 0) {
                throw notFound(id);
            }
        }
        return key;
    }

    private static ContactPerson logged(Jdbc.Tx tx, EmployeeId actor, long key, ChangeKind change) throws SQLException {
        ContactPerson result = ContactRows.byId(tx, key).orElseThrow();
        ChangeLog.record(tx.connection(), ChangeLog.EntityKind.CONTACT, key, Optional.empty(), change);
        announce(tx, actor, key, change);
        return result;
    }

    private static void announce(Jdbc.Tx tx, EmployeeId actor, long key, ChangeKind change) {
        tx.announce(new CrmChange(CrmEvents.TOPIC_CONTACT_CHANGED, Ids.format(key), actor.value(), change));
    }

    private static RuntimeException staleOrMissing(Jdbc.Tx tx, ContactPersonId id, long key, long expected) throws SQLException {
        try (PreparedStatement ps = tx.prepare("SELECT version FROM crm_contact_person WHERE id = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return notFound(id);
                }
                return new CrmStaleVersionException("contact person " + id + " has version " + rs.getLong(1)
                        + ", not the expected " + expected + ": it changed in between");
            }
        }
    }

    private static CrmNotFoundException notFound(ContactPersonId id) {
        return new CrmNotFoundException("contact person " + id + " does not exist");
    }

    private static void checkExternalKey(String key) {
        if (key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("an external key must have 1 to 255 characters, not " + key.length());
        }
    }

    @Override
    public boolean aheadOfFeed(EmployeeId actor, CrmToken token) {
        return jdbc.read("check the contact person change token of " + actor, tx -> ChangeLog.ahead(tx.connection(), Optional.of(token)));
    }
}

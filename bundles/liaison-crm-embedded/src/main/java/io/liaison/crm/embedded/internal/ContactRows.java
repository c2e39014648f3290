package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.Communication;
import io.liaison.api.domain.CommunicationType;
import io.liaison.api.domain.ContactPerson;
import io.liaison.api.domain.ContactPersonData;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.PostalAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the rows of contact persons and their communications (never the photo bytes). */
final class ContactRows {
    static final String SELECT = "SELECT id, version, modified_at, external_key, business_partner_id, salutation, title, "
            + "first_name, last_name, job_position, department, country, birthday, notes FROM crm_contact_person";

    private ContactRows() {
    }

    /** Binds the content columns in the order of {@link #CONTENT_COLUMNS}, starting at {@code first}; returns the next index. */
    static int bindContent(Jdbc.Tx tx, PreparedStatement ps, int first, ContactPersonData data, String item) throws SQLException {
        int i = first;
        if (data.businessPartner().isPresent()) {
            BusinessPartnerId bp = data.businessPartner().get();
            long key = Ids.parse(bp.value()).orElseThrow(() -> unknownPartner(item, bp));
            if (!JdbcBusinessPartnerDirectory.exists(tx, key)) {
                throw unknownPartner(item, bp);
            }
            ps.setLong(i++, key);
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        ps.setString(i++, data.salutation());
        ps.setString(i++, data.title());
        ps.setString(i++, data.firstName());
        ps.setString(i++, data.firstName().toLowerCase(Locale.ROOT));
        ps.setString(i++, data.lastName());
        ps.setString(i++, data.lastName().toLowerCase(Locale.ROOT));
        ps.setString(i++, data.position());
        ps.setString(i++, data.department());
        ps.setString(i++, data.country().isEmpty() ? null : data.country());
        if (data.birthday().isPresent()) {
            ps.setObject(i++, data.birthday().get());
        } else {
            ps.setNull(i++, Types.DATE);
        }
        ps.setString(i++, data.notes().isEmpty() ? null : data.notes());
        return i;
    }

    static final String CONTENT_COLUMNS = "business_partner_id, salutation, title, first_name, first_name_lower, "
            + "last_name, last_name_lower, job_position, department, country, birthday, notes";

    private static CrmNotFoundException unknownPartner(String item, BusinessPartnerId bp) {
        return new CrmNotFoundException(item + ": business partner " + bp + " does not exist");
    }

    /** Replaces the communications of a contact person. */
    static void writeCommunications(Jdbc.Tx tx, long id, List<Communication> communications) throws SQLException {
        try (PreparedStatement delete = tx.prepare("DELETE FROM crm_communication WHERE contact_person_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        insertCommunications(tx, id, communications, 0);
    }

    /** Replaces the postal addresses of a contact person. */
    static void writePostalAddresses(Jdbc.Tx tx, long id, List<PostalAddress> addresses) throws SQLException {
        try (PreparedStatement delete = tx.prepare("DELETE FROM crm_postal_address WHERE contact_person_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        if (addresses.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepare("INSERT INTO crm_postal_address (contact_person_id, sort_order, kind, "
                + "street, postal_code, city, region, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int order = 0;
            for (PostalAddress a : addresses) {
                ps.setLong(1, id);
                ps.setInt(2, order++);
                ps.setString(3, a.kind().name());
                ps.setString(4, a.street());
                ps.setString(5, a.postalCode());
                ps.setString(6, a.city());
                ps.setString(7, a.region());
                ps.setString(8, a.country());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertCommunications(Jdbc.Tx tx, long id, List<Communication> communications, int firstOrder)
            throws SQLException {
        if (communications.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepare("INSERT INTO crm_communication (contact_person_id, sort_order, comm_type, "
                + "comm_value, comm_value_lower, is_primary) VALUES (?, ?, ?, ?, ?, ?)")) {
            int order = firstOrder;
            for (Communication c : communications) {
                ps.setLong(1, id);
                ps.setInt(2, order++);
                ps.setString(3, c.type().name());
                ps.setString(4, c.value());
                ps.setString(5, c.value().strip().toLowerCase(Locale.ROOT));
                ps.setBoolean(6, c.primary());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static int nextCommunicationOrder(Jdbc.Tx tx, long id) throws SQLException {
        try (PreparedStatement ps = tx.prepare(
                "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM crm_communication WHERE contact_person_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The contact persons a query over {@link #SELECT} finds, with their communications, in the query's order. */
    static List<ContactPerson> query(Jdbc.Tx tx, String sql, List<Object> parameters) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.prepare(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getLong("id"), rs.getLong("version"), Jdbc.instant(rs, "modified_at").orElseThrow(),
                            Jdbc.string(rs, "external_key"),
                            Jdbc.longValue(rs, "business_partner_id").map(v -> new BusinessPartnerId(Ids.format(v))),
                            rs.getString("salutation"), rs.getString("title"), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("job_position"), rs.getString("department"),
                            rs.getString("country"),
                            Optional.ofNullable(rs.getObject("birthday", LocalDate.class)), rs.getString("notes"),
                            new ArrayList<>(), new ArrayList<>());
                    rows.put(row.id, row);
                }
            }
        }
        loadCommunications(tx, rows);
        loadPostalAddresses(tx, rows);
        List<ContactPerson> result = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            result.add(new ContactPerson(new ContactPersonId(Ids.format(r.id)), r.version, r.modifiedAt, r.externalKey,
                    new ContactPersonData(r.businessPartner, r.salutation, r.title, r.firstName, r.lastName,
                            r.position, r.department, r.communications, r.country, r.birthday,
                            r.notes, r.postalAddresses)));
        }
        return result;
    }

    /** The contact persons with these ids that exist, in the order of the ids. */
    static List<ContactPerson> byIds(Jdbc.Tx tx, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Jdbc.byIdsInOrder(ids, p -> p.id().value(),
                (in, params) -> query(tx, SELECT + " WHERE id IN (" + in + ")", params));
    }

    static Optional<ContactPerson> byId(Jdbc.Tx tx, long id) throws SQLException {
        return byIds(tx, List.of(id)).stream().findFirst();
    }

    private static void loadCommunications(Jdbc.Tx tx, Map<Long, Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepare("SELECT contact_person_id, comm_type, comm_value, is_primary FROM crm_communication "
                + "WHERE contact_person_id IN (" + Jdbc.placeholders(rows.size()) + ") ORDER BY contact_person_id, sort_order")) {
            int i = 1;
            for (Long id : rows.keySet()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getLong(1)).communications.add(new Communication(
                            CommunicationType.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
    }

    private static void loadPostalAddresses(Jdbc.Tx tx, Map<Long, Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = tx.prepare("SELECT contact_person_id, kind, street, postal_code, city, region, country "
                + "FROM crm_postal_address WHERE contact_person_id IN (" + Jdbc.placeholders(rows.size())
                + ") ORDER BY contact_person_id, sort_order")) {
            int i = 1;
            for (Long id : rows.keySet()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getLong(1)).postalAddresses.add(new PostalAddress(
                            PostalAddress.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
    }

    private record Row(long id, long version, Instant modifiedAt, Optional<String> externalKey,
                       Optional<BusinessPartnerId> businessPartner, String salutation, String title, String firstName,
                       String lastName, String position, String department, String country,
                       Optional<LocalDate> birthday, String notes, List<Communication> communications,
                       List<PostalAddress> postalAddresses) {
    }
}

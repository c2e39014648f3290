package io.liaison.crm.embedded.internal;

import io.liaison.api.crm.CrmNotFoundException;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.ActivityType;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.Importance;
import io.liaison.api.domain.MailDetails;
import io.liaison.api.domain.Participant;
import io.liaison.api.domain.ParticipantResponse;
import io.liaison.api.domain.ParticipantRole;
import io.liaison.api.domain.StatusKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the rows of an activity: {@code crm_activity} and its participants, categories and mail
 * addresses. Loading many activities takes four queries, not four per activity.
 */
final class ActivityRows {
    /** The content columns, in the order {@link #bindContent} binds them. */
    static final List<String> CONTENT_COLUMNS = List.of("owner_id", "type_key", "status_key", "subject", "body_text",
            "body_html", "start_at", "end_at", "due_at", "all_day", "time_zone", "location", "business_partner_id",
            "contact_person_id", "reminder_seconds", "importance", "completed_at", "mail_message_id", "mail_in_reply_to",
            "mail_from", "mail_from_name", "mail_sent_at", "mail_received_at", "mail_returned_id", "private_activity",
            "calendar_uid", "mail_fingerprint");

    static final String SELECT = "SELECT id, version, created_at, modified_at, source_key, "
            + String.join(", ", CONTENT_COLUMNS) + " FROM crm_activity";

    private static final String TO = "TO";
    private static final String CC = "CC";
    private static final String REFERENCES = "REF";

    private ActivityRows() {
    }

    /**
     * The content as the columns keep it, i.e. what a later read returns: instants to the microsecond (as
     * {@link Jdbc#now()}), the reminder to the second, business partner and contact person ids in their canonical
     * form. Written as it is, so the activity a write returns equals the one a read returns.
     */
    static ActivityData normalise(ActivityData d) {
        ActivityData.Builder b = d.toBuilder()
                .start(micros(d.start()))
                .end(micros(d.end()))
                .due(micros(d.due()))
                .completedAt(micros(d.completedAt()))
                .reminder(d.reminder().map(r -> Duration.ofSeconds(r.getSeconds())).orElse(null))
                .businessPartner(d.businessPartner().map(p -> Ids.parse(p.value())
                        .map(k -> new BusinessPartnerId(Ids.format(k))).orElse(p)).orElse(null))
                .contactPerson(d.contactPerson().map(c -> Ids.parse(c.value())
                        .map(k -> new ContactPersonId(Ids.format(k))).orElse(c)).orElse(null));
        d.mail().ifPresent(m -> b.mail(new MailDetails(m.messageId(), m.inReplyTo(), m.references(), m.from(),
                m.fromName(), m.to(), m.cc(), Optional.ofNullable(micros(m.sentAt())),
                Optional.ofNullable(micros(m.receivedAt())), m.returnedMessageId(), m.fingerprint())));
        return b.build();
    }

    private static Instant micros(Optional<Instant> value) {
        return value.map(v -> v.truncatedTo(ChronoUnit.MICROS)).orElse(null);
    }

    /** Binds the content columns starting at {@code first}, checking the links; returns the next index. */
    static int bindContent(Jdbc.Tx tx, PreparedStatement ps, int first, ActivityData d, String item) throws SQLException {
        StatusKeys.requireKnown(tx, d.status(), d.type(), item);
        int i = first;
        ps.setString(i++, d.owner().value());
        ps.setString(i++, d.type().key());
        ps.setString(i++, d.status().key());
        ps.setString(i++, d.subject());
        ps.setString(i++, d.text());
        ps.setString(i++, d.html());
        Jdbc.setInstant(ps, i++, d.start());
        Jdbc.setInstant(ps, i++, d.end());
        Jdbc.setInstant(ps, i++, d.due());
        ps.setBoolean(i++, d.allDay());
        Jdbc.setString(ps, i++, d.timeZone());
        ps.setString(i++, d.location());
        Jdbc.setLong(ps, i++, partner(tx, d.businessPartner(), item));
        Jdbc.setLong(ps, i++, contact(tx, d.contactPerson(), item));
        Jdbc.setLong(ps, i++, d.reminder().map(Duration::getSeconds));
        ps.setString(i++, d.importance().name());
        Jdbc.setInstant(ps, i++, d.completedAt());
        Optional<MailDetails> mail = d.mail();
        Jdbc.setString(ps, i++, mail.map(MailDetails::messageId));
        Jdbc.setString(ps, i++, mail.flatMap(MailDetails::inReplyTo));
        Jdbc.setString(ps, i++, mail.map(MailDetails::from));
        Jdbc.setString(ps, i++, mail.map(MailDetails::fromName));
        Jdbc.setInstant(ps, i++, mail.flatMap(MailDetails::sentAt));
        Jdbc.setInstant(ps, i++, mail.flatMap(MailDetails::receivedAt));
        Jdbc.setString(ps, i++, mail.flatMap(MailDetails::returnedMessageId));
        ps.setBoolean(i++, d.privateActivity());
        Jdbc.setString(ps, i++, d.calendarUid());
        Jdbc.setString(ps, i++, mail.flatMap(MailDetails::fingerprint));
        return i;
    }

    private static Optional<Long> partner(Jdbc.Tx tx, Optional<BusinessPartnerId> id, String item) throws SQLException {
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> key = Ids.parse(id.get().value());
        if (key.isEmpty() || !JdbcBusinessPartnerDirectory.exists(tx, key.get())) {
            throw new CrmNotFoundException(item + ": business partner " + id.get() + " does not exist");
        }
        return key;
    }

    private static Optional<Long> contact(Jdbc.Tx tx, Optional<ContactPersonId> id, String item) throws SQLException {
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> key = Ids.parse(id.get().value());
        if (key.isPresent()) {
            try (PreparedStatement ps = tx.prepare("SELECT 1 FROM crm_contact_person WHERE id = ?")) {
                ps.setLong(1, key.get());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return key;
                    }
                }
            }
        }
        throw new CrmNotFoundException(item + ": contact person " + id.get() + " does not exist");
    }

    /** Replaces the participants, categories and mail addresses of an activity. */
    static void writeChildren(Jdbc.Tx tx, long id, ActivityData d) throws SQLException {
        for (String table : List.of("crm_activity_participant", "crm_activity_category", "crm_activity_mail_address")) {
            try (PreparedStatement delete = tx.prepare("DELETE FROM " + table + " WHERE activity_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
        insertChildren(tx, id, d);
    }

    /** Writes the participants, categories and mail addresses of an activity that has none yet (a new one). */
    static void insertChildren(Jdbc.Tx tx, long id, ActivityData d) throws SQLException {
        if (!d.participants().isEmpty()) {
            try (PreparedStatement ps = tx.prepare("INSERT INTO crm_activity_participant (activity_id, sort_order, email, "
                    + "display_name, participant_role, response) VALUES (?, ?, ?, ?, ?, ?)")) {
                int order = 0;
                for (Participant p : d.participants()) {
                    ps.setLong(1, id);
                    ps.setInt(2, order++);
                    ps.setString(3, p.email());
                    ps.setString(4, p.name());
                    ps.setString(5, p.role().name());
                    ps.setString(6, p.response().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!d.categories().isEmpty()) {
            try (PreparedStatement ps = tx.prepare(
                    "INSERT INTO crm_activity_category (activity_id, sort_order, name) VALUES (?, ?, ?)")) {
                int order = 0;
                for (String c : d.categories()) {
                    ps.setLong(1, id);
                    ps.setInt(2, order++);
                    ps.setString(3, c);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (d.mail().isPresent()) {
            MailDetails m = d.mail().get();
            try (PreparedStatement ps = tx.prepare("INSERT INTO crm_activity_mail_address (activity_id, address_kind, "
                    + "sort_order, address) VALUES (?, ?, ?, ?)")) {
                addAddresses(ps, id, TO, m.to());
                addAddresses(ps, id, CC, m.cc());
                addAddresses(ps, id, REFERENCES, m.references());
                ps.executeBatch();
            }
        }
    }

    private static void addAddresses(PreparedStatement ps, long id, String kind, List<String> values) throws SQLException {
        int order = 0;
        for (String v : values) {
            ps.setLong(1, id);
            ps.setString(2, kind);
            ps.setInt(3, order++);
            ps.setString(4, v);
            ps.addBatch();
        }
    }

    /** The activities a query over {@link #SELECT} finds, in the query's order. */
    static List<Activity> query(Jdbc.Tx tx, String sql, List<Object> parameters) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.prepare(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof Instant instant) {
                    Jdbc.setInstant(ps, i + 1, instant);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs);
                    rows.put(row.id, row);
                }
            }
        }
        if (!rows.isEmpty()) {
            loadChildren(tx, rows);
        }
        List<Activity> result = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            result.add(r.toActivity());
        }
        return result;
    }

    /** The activities with these ids that exist, in the order of the ids. */
    static List<Activity> byIds(Jdbc.Tx tx, Collection<Long> ids) throws SQLException {
        return Jdbc.byIdsInOrder(ids, a -> a.id().value(),
                (in, params) -> query(tx, SELECT + " WHERE id IN (" + in + ")", params));
    }

    static Optional<Activity> byId(Jdbc.Tx tx, long id) throws SQLException {
        return byIds(tx, List.of(id)).stream().findFirst();
    }

    private static void loadChildren(Jdbc.Tx tx, Map<Long, Row> rows) throws SQLException {
        String in = " WHERE activity_id IN (" + Jdbc.placeholders(rows.size()) + ") ORDER BY activity_id, ";
        try (PreparedStatement ps = tx.prepare("SELECT activity_id, email, display_name, participant_role, response "
                + "FROM crm_activity_participant" + in + "sort_order")) {
            try (ResultSet rs = bindIds(ps, rows).executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getLong(1)).participants.add(new Participant(rs.getString(2), rs.getString(3),
                            ParticipantRole.valueOf(rs.getString(4)), ParticipantResponse.valueOf(rs.getString(5))));
                }
            }
        }
        try (PreparedStatement ps = tx.prepare("SELECT activity_id, name FROM crm_activity_category" + in + "sort_order")) {
            try (ResultSet rs = bindIds(ps, rows).executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getLong(1)).categories.add(rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = tx.prepare("SELECT activity_id, address_kind, address FROM crm_activity_mail_address"
                + in + "address_kind, sort_order")) {
            try (ResultSet rs = bindIds(ps, rows).executeQuery()) {
                while (rs.next()) {
                    Row row = rows.get(rs.getLong(1));
                    switch (rs.getString(2)) {
                        case TO -> row.to.add(rs.getString(3));
                        case CC -> row.cc.add(rs.getString(3));
                        default -> row.references.add(rs.getString(3));
                    }
                }
            }
        }
    }

    private static PreparedStatement bindIds(PreparedStatement ps, Map<Long, Row> rows) throws SQLException {
        int i = 1;
        for (Long id : rows.keySet()) {
            ps.setLong(i++, id);
        }
        return ps;
    }

    /** One activity row while its children are being collected. */
    private static final class Row {
        final long id;
        final long version;
        final Instant createdAt;
        final Instant modifiedAt;
        final Optional<String> sourceKey;
        final ActivityData.Builder builder;
        final Optional<String> messageId;
        final Optional<String> inReplyTo;
        final String from;
        final String fromName;
        final Optional<Instant> sentAt;
        final Optional<Instant> receivedAt;
        final Optional<String> returnedMessageId;
        final Optional<String> fingerprint;
        final List<Participant> participants = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<String> to = new ArrayList<>();
        final List<String> cc = new ArrayList<>();
        final List<String> references = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            version = rs.getLong("version");
            createdAt = Jdbc.instant(rs, "created_at").orElseThrow();
            modifiedAt = Jdbc.instant(rs, "modified_at").orElseThrow();
            sourceKey = Jdbc.string(rs, "source_key");
            builder = ActivityData.builder(new ActivityType(rs.getString("type_key")), new EmployeeId(rs.getString("owner_id")))
                    .status(new StatusKey(rs.getString("status_key")))
                    .subject(rs.getString("subject"))
                    .text(rs.getString("body_text"))
                    .html(rs.getString("body_html"))
                    .start(Jdbc.instant(rs, "start_at").orElse(null))
                    .end(Jdbc.instant(rs, "end_at").orElse(null))
                    .due(Jdbc.instant(rs, "due_at").orElse(null))
                    .allDay(rs.getBoolean("all_day"))
                    .timeZone(rs.getString("time_zone"))
                    .location(rs.getString("location"))
                    .businessPartner(Jdbc.longValue(rs, "business_partner_id").map(v -> new BusinessPartnerId(Ids.format(v))).orElse(null))
                    .contactPerson(Jdbc.longValue(rs, "contact_person_id").map(v -> new ContactPersonId(Ids.format(v))).orElse(null))
                    .reminder(Jdbc.longValue(rs, "reminder_seconds").map(Duration::ofSeconds).orElse(null))
                    .importance(Importance.valueOf(rs.getString("importance")))
                    .completedAt(Jdbc.instant(rs, "completed_at").orElse(null))
                    .privateActivity(rs.getBoolean("private_activity"))
                    .calendarUid(rs.getString("calendar_uid"));
            messageId = Jdbc.string(rs, "mail_message_id");
            inReplyTo = Jdbc.string(rs, "mail_in_reply_to");
            from = rs.getString("mail_from");
            fromName = rs.getString("mail_from_name");
            sentAt = Jdbc.instant(rs, "mail_sent_at");
            receivedAt = Jdbc.instant(rs, "mail_received_at");
            returnedMessageId = Jdbc.string(rs, "mail_returned_id");
            fingerprint = Jdbc.string(rs, "mail_fingerprint");
        }

        Activity toActivity() {
            builder.participants(participants).categories(categories);
            if (messageId.isPresent()) {
                builder.mail(new MailDetails(messageId.get(), inReplyTo, references, from, fromName, to, cc, sentAt, receivedAt,
                        returnedMessageId, fingerprint));
            }
            return new Activity(new ActivityId(Ids.format(id)), version, createdAt, modifiedAt, sourceKey, builder.build());
        }
    }
}

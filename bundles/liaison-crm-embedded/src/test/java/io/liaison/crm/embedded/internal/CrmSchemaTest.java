package io.liaison.crm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmCatalog;
import io.liaison.api.crm.Quicksearch;
import io.liaison.api.domain.Activity;
import io.liaison.api.domain.ActivityData;
import io.liaison.api.domain.ActivityId;
import io.liaison.api.domain.BusinessPartner;
import io.liaison.api.domain.BusinessPartnerId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.StatusKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema migrations on H2 and PostgreSQL: fresh, repeated, from an older version, beside other bundles' tables. */
class CrmSchemaTest {
    private static final EmployeeId DEMO = EmployeeId.of("demo");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    /** A new, empty database of the kind named. */
    private static DataSource fresh(String kind) throws SQLException {
        if (kind.equals("h2")) {
            return Databases.h2();
        }
        String name = "crm_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name); // a generated name, not input
        }
        return postgres.getDatabase("postgres", name);
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migratingAgainChangesNothing(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        BusinessPartner bp = new JdbcHostCrm(ds).businessPartners().create(DEMO, "Kept GmbH", List.of("kept.example"));
        JdbcHostCrm again = new JdbcHostCrm(ds);
        assertThat(again.businessPartners().get(DEMO, bp.id())).contains(bp);
        assertThat(count(ds, "SELECT COUNT(*) FROM \"flyway_history_crm\" WHERE \"type\" = 'SQL' AND \"success\" = TRUE")).isEqualTo(6);
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_employee")).isEqualTo(1);
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_status_key")).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSchemaAtAnOlderVersionIsUpgradedKeepingItsData(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        CrmSchema.migrate(ds, "1");
        assertThat(count(ds, "SELECT COUNT(*) FROM crm_status_key")).isZero();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crm_business_partner (name, name_lower) VALUES ('Old AG', 'old ag')");
        }

        JdbcHostCrm crm = new JdbcHostCrm(ds);
        assertThat(crm.catalog().isKnown(StatusKey.IMPORTED)).isTrue();
        assertThat(crm.employees().get(DEMO)).isPresent();
        assertThat(crm.businessPartners().findByName(DEMO, "OLD AG")).extracting(BusinessPartner::name).containsExactly("Old AG");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void activitiesStoredBeforeThePrivateMarkExistedAreNotPrivate(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        CrmSchema.migrate(ds, "2");
        long id;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crm_activity (version, created_at, modified_at, owner_id, type_key, status_key,"
                    + " subject, body_text, body_html, all_day, location, importance, sort_at) VALUES (1,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'demo', 'MEETING', 'I', 'Older', '', '', FALSE, '',"
                    + " 'NORMAL', CURRENT_TIMESTAMP)");
            try (ResultSet rs = s.executeQuery("SELECT id FROM crm_activity")) {
                rs.next();
                id = rs.getLong(1);
            }
        }

        JdbcHostCrm crm = new JdbcHostCrm(ds);
        ActivityData older = crm.activities().get(DEMO, ActivityId.of(Ids.format(id))).orElseThrow().data();
        assertThat(older.subject()).isEqualTo("Older");
        assertThat(older.privateActivity()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMailImportedBeforeMailsWereSharedIsFoundForTheSecondImporter(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        CrmSchema.migrate(ds, "3");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crm_employee (id, login, login_lower, display_name, email) VALUES ('eva', 'eva',"
                    + " 'eva', 'Eva', 'eva@example.com')");
            s.executeUpdate("INSERT INTO crm_activity (version, created_at, modified_at, owner_id, type_key, status_key,"
                    + " subject, body_text, body_html, all_day, location, importance, sort_at, source_key, mail_from)"
                    + " VALUES (1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'eva', 'MAILIN', 'I', 'Offer', '', '', FALSE,"
                    + " '', 'NORMAL', CURRENT_TIMESTAMP, '<offer@mail.example>', 'sam@customer.example')");
        }

        JdbcHostCrm crm = new JdbcHostCrm(ds);
        Activity shared = crm.activities().findSharedMail(DEMO, "<offer@mail.example>").orElseThrow();
        assertThat(shared.data().subject()).isEqualTo("Offer");
        crm.activities().addImporter(DEMO, shared.id());
        assertThat(crm.activities().quicksearch(DEMO, Quicksearch.ALL_IMPORTED_MAILS, 10)).extracting(Activity::id)
                .containsExactly(shared.id());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseThatOtherBundlesAlreadyUseGetsTheCrmTablesBeside(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE other_bundle_state (id INT PRIMARY KEY)");
            s.executeUpdate("INSERT INTO other_bundle_state (id) VALUES (7)");
        }
        JdbcHostCrm crm = new JdbcHostCrm(ds);
        assertThat(crm.catalog().statusKeys()).isNotEmpty();
        assertThat(count(ds, "SELECT COUNT(*) FROM other_bundle_state")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void configuredStatusKeysAreAddedAndRelabelledIdempotently(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        JdbcHostCrm crm = new JdbcHostCrm(ds);
        List<CrmCatalog.StatusDefinition> defs = List.of(
                new CrmCatalog.StatusDefinition(StatusKey.DONE, "Erledigt"),
                new CrmCatalog.StatusDefinition(new StatusKey("W"), "Waiting"));
        crm.defineStatusKeys(defs);
        crm.defineStatusKeys(defs);
        new JdbcHostCrm(ds).defineStatusKeys(defs);

        assertThat(crm.catalog().statusKeys()).extracting(d -> d.key().key() + "=" + d.label())
                .containsExactly("I=Imported", "O=Open", "E=Erledigt", "W=Waiting");
        assertThat(crm.catalog().isKnown(new StatusKey("W"))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void idsOfAnotherFormNameNothing(String kind) throws SQLException {
        JdbcHostCrm crm = new JdbcHostCrm(fresh(kind));
        assertThat(crm.businessPartners().get(DEMO, BusinessPartnerId.of("12345678901234567890"))).isEmpty();
        assertThat(crm.businessPartners().get(DEMO, BusinessPartnerId.of("-1"))).isEmpty();
    }
}

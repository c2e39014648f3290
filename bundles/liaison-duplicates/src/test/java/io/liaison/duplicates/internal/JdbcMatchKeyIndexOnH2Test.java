package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcMatchKeyIndexOnH2Test extends MatchKeyIndexContract {

    static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:liaison-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Override
    MatchKeyIndex index() {
        JdbcDataSource ds = h2();
        IndexSchema.migrate(ds);
        return new JdbcMatchKeyIndex(ds);
    }

    @Test
    void upgradingAV1IndexEmptiesItSoThatItIsRebuiltWithTheStoredKeys() throws SQLException {
        assertUpgradeFromV1(h2());
    }

    /**
     * A database with a complete V1 index (without the stored phonetic codes and name key rows) is migrated: the
     * index is then missing (no state, no contacts), so the next catch-up rebuilds it; contacts filed afterwards
     * are found by every key with their codes as stored.
     */
    static void assertUpgradeFromV1(DataSource ds) throws SQLException {
        Flyway.configure(IndexSchema.class.getClassLoader()).dataSource(ds).table(IndexSchema.HISTORY_TABLE)
                .locations("classpath:db/migration/duplicates").baselineOnMigrate(true).baselineVersion("0")
                .target("1").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO dup_contact (contact_id, version, first_name, last_name, emails, mobiles, phones) "
                    + "VALUES ('1', 1, 'anna', 'mueller', 'anna@firma.de', '', '')");
            s.executeUpdate("INSERT INTO dup_match_key (match_key, contact_id) VALUES ('email:anna@firma.de', '1')");
            s.executeUpdate("INSERT INTO dup_index_state (id, crm_token, actor, updated_at) VALUES (1, '7', 'demo', 0)");
        }
        assertThat(new JdbcMatchKeyIndex(ds).state()).isPresent();

        IndexSchema.migrate(ds);

        JdbcMatchKeyIndex index = new JdbcMatchKeyIndex(ds);
        assertThat(index.state()).as("a V1 index is missing after the upgrade").isEmpty();
        assertThat(index.size()).isZero();
        NormalizedContact anna = new ContactNormalizer("DE").normalize(Fixtures.candidate("Anna", "Müller",
                List.of("anna@firma.de"), List.of(), List.of("0171 1234567")));
        IndexedContact filed = new IndexedContact(ContactPersonId.of("1"), 2, anna);
        IndexState state = new IndexState(new CrmToken("8"), EmployeeId.of("demo"), Instant.ofEpochMilli(1_700_000_000_000L));
        index.apply(List.of(filed), List.of(), Optional.of(state));
        assertThat(index.state()).contains(state);
        assertThat(index.candidates(Set.of("email:anna@firma.de"), 10)).containsExactly(filed);
        assertThat(index.candidates(MatchKeys.nameKeys(anna), 10)).singleElement()
                .satisfies(c -> assertThat(c.contact().names()).isEqualTo(anna.names()));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT COUNT(*) FROM \"" + IndexSchema.HISTORY_TABLE
                     + "\" WHERE \"success\" AND \"version\" = '2'")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
    }
}

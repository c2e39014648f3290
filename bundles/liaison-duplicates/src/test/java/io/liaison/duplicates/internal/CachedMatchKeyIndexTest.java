package io.liaison.duplicates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.crm.CrmToken;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The JDBC index answered from memory, on H2: the whole index contract, and what the copy adds. */
class CachedMatchKeyIndexTest extends MatchKeyIndexContract {
    private static final ContactNormalizer NORMALIZER = new ContactNormalizer("DE");
    private static final IndexState STATE =
            new IndexState(new CrmToken("17"), EmployeeId.of("demo"), Instant.ofEpochMilli(1_700_000_000_000L));

    @Override
    MatchKeyIndex index() {
        return new CachedMatchKeyIndex(tables(JdbcMatchKeyIndexOnH2Test.h2()), 3);
    }

    static JdbcMatchKeyIndex tables(DataSource ds) {
        IndexSchema.migrate(ds);
        return new JdbcMatchKeyIndex(ds);
    }

    static List<IndexedContact> people(int count) {
        List<IndexedContact> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new IndexedContact(ContactPersonId.of("c" + i), i, NORMALIZER.normalize(Fixtures.candidate(
                    "Anna" + (char) ('a' + i % 26), i % 2 == 0 ? "Müller" : "Meier", List.of("p" + i + "@firma.de"),
                    List.of("030 55500" + i), List.of()))));
        }
        return people;
    }

    @Test
    void aRestartLoadsTheTablesInBatchesAndAnswersAsBefore() {
        assertRestartLoadsTheTables(JdbcMatchKeyIndexOnH2Test.h2());
    }

    /**
     * What one instance wrote, a new instance over the same tables (a restart) loads in batches and answers alike:
     * the state, the size, every contact by its e-mail key and the name look-ups; an incomplete index (rows without
     * a state) loads as missing.
     */
    static void assertRestartLoadsTheTables(DataSource ds) {
        List<IndexedContact> people = people(20);
        CachedMatchKeyIndex before = new CachedMatchKeyIndex(tables(ds), 7);
        before.apply(people, List.of(ContactPersonId.of("c3")), Optional.empty());
        before.apply(List.of(), List.of(ContactPersonId.of("c4")), Optional.of(STATE));

        CachedMatchKeyIndex restarted = new CachedMatchKeyIndex(tables(ds), 7);
        assertThat(restarted.state()).contains(STATE);
        assertThat(restarted.size()).isEqualTo(19);
        for (IndexedContact person : people) {
            List<IndexedContact> found = restarted.candidates(MatchKeys.identityKeys(person.contact()), 10);
            if (person.id().value().equals("c4")) {
                assertThat(found).isEmpty();
            } else {
                assertThat(found).as(person.id().value()).containsExactly(person);
            }
        }
        NormalizedContact probe = people.get(0).contact();
        assertThat(restarted.candidates(MatchKeys.lookupNameKeys(probe), 100))
                .containsExactlyInAnyOrderElementsOf(before.candidates(MatchKeys.lookupNameKeys(probe), 100));

        restarted.apply(List.of(), List.of(), Optional.empty());
        JdbcMatchKeyIndex tables = new JdbcMatchKeyIndex(ds);
        tables.clear();
        tables.apply(people, List.of(), Optional.empty());
        CachedMatchKeyIndex incomplete = new CachedMatchKeyIndex(tables(ds), 7);
        assertThat(incomplete.state()).as("no state: missing, to be rebuilt").isEmpty();
        assertThat(incomplete.size()).isZero();
    }

    @Test
    void aWriteTheTablesRefuseChangesNeitherTheTablesNorTheCopy() throws SQLException {
        DataSource ds = JdbcMatchKeyIndexOnH2Test.h2();
        CachedMatchKeyIndex index = new CachedMatchKeyIndex(tables(ds), 7);
        List<IndexedContact> people = people(4);
        index.apply(people.subList(0, 2), List.of(), Optional.of(STATE));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // the transaction fails midway: after the e-mail and phone keys of the contacts were deleted
            s.executeUpdate("ALTER TABLE dup_name_key RENAME TO dup_name_key_away");
        }
        IndexState next = new IndexState(new CrmToken("18"), EmployeeId.of("demo"), STATE.updatedAt().plusSeconds(1));

        assertThatThrownBy(() -> index.apply(people.subList(2, 4), List.of(people.get(0).id()), Optional.of(next)))
                .hasMessageStartingWith("Could not update the index of the duplicate check");

        assertThat(index.state()).contains(STATE);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.candidates(MatchKeys.identityKeys(people.get(0).contact()), 10)).containsExactly(people.get(0));
        assertThat(index.candidates(MatchKeys.identityKeys(people.get(2).contact()), 10)).isEmpty();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE dup_name_key_away RENAME TO dup_name_key");
        }
        JdbcMatchKeyIndex tables = new JdbcMatchKeyIndex(ds);
        assertThat(tables.size()).isEqualTo(2);
        assertThat(tables.state()).contains(STATE);
        assertThat(tables.candidates(MatchKeys.identityKeys(people.get(0).contact()), 10)).containsExactly(people.get(0));
    }

    @Test
    void answersLookUpsWithoutQueryingTheTablesOnceLoaded() throws SQLException {
        DataSource ds = JdbcMatchKeyIndexOnH2Test.h2();
        CachedMatchKeyIndex index = new CachedMatchKeyIndex(tables(ds), 7);
        List<IndexedContact> people = people(3);
        index.apply(people, List.of(), Optional.of(STATE));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE dup_match_key");
            s.executeUpdate("DROP TABLE dup_name_key");
        }
        assertThat(index.candidates(Set.of("email:p1@firma.de"), 10)).containsExactly(people.get(1));
        assertThat(index.candidates(MatchKeys.lookupNameKeys(people.get(0).contact()), 10)).contains(people.get(0));
    }
}

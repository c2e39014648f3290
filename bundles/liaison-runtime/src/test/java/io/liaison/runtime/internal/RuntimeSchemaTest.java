package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.RunStatus;
import io.liaison.api.runtime.SyncRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrades of the runtime's schema (issue 25, point 7), on H2 and PostgreSQL: a database an older Liaison wrote (at
 * V3, with rows) is migrated to the newest version with its data intact, and an older Liaison refuses a schema a
 * newer one migrated instead of failing on its first insert.
 */
class RuntimeSchemaTest {
    /** The newest migration this code ships (db/runtime/V11__journal_sizes.sql). */
    private static final String NEWEST = "11";

    private static final String FUTURE = "classpath:db/runtime-future";
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
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        String name = "runtime_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name); // a generated name, not input
        }
        return postgres.getDatabase("postgres", name);
    }

    private static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    private static String newestVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"version\" FROM \"" + RuntimeDatabase.HISTORY_TABLE
                     + "\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\" DESC")) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * V11 (issue 25, point 5): the journal keeps labels to 200 and reasons and errors to 1,000 characters; rows an older
     * Liaison wrote longer are cut, shorter ones kept as they are, and the columns take no more.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theJournalsLongerRowsAreCutToTheNewSizes(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        RuntimeDatabase.migrate(ds, Optional.of("10"), List.of(RuntimeDatabase.LOCATION));
        String ts = "TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00'";
        String label = "Anna Berg ".repeat(100); // 1,000 characters, as the journal kept them
        String reason = "cannot be read: ".repeat(250); // 4,000
        execute(ds,
                "INSERT INTO liaison_sync_runs (id, account_id, employee_id, areas, trigger_kind, started_at, ended_at,"
                        + " run_status, error_message) VALUES ('run-1', 'acc-1', 'emp-1', 'MAILS', 'SCHEDULED', "
                        + ts + ", " + ts + ", 'FAILED', '" + reason + "')",
                "INSERT INTO liaison_journal_entries (run_id, seq, recorded_at, area, item, outcome, message, crm_id)"
                        + " VALUES ('run-1', 1, " + ts + ", 'MAILS', '" + label + "', 'FAILED', '" + reason
                        + "', NULL)",
                "INSERT INTO liaison_journal_entries (run_id, seq, recorded_at, area, item, outcome, message, crm_id)"
                        + " VALUES ('run-1', 2, " + ts + ", 'MAILS', 'Offer.eml', 'CREATED', 'imported', 'A-17')");

        RuntimeDatabase.migrate(ds);

        JdbcSyncJournal journal = new JdbcSyncJournal(ds);
        assertThat(journal.entries("run-1")).satisfiesExactly(
                cut -> {
                    assertThat(cut.item()).hasSize(200).startsWith("Anna Berg Anna").endsWith("…");
                    assertThat(cut.message()).hasSize(1000).startsWith("cannot be read: ").endsWith("…");
                },
                kept -> assertThat(kept.item() + " " + kept.message()).isEqualTo("Offer.eml imported"));
        assertThat(journal.run("run-1").orElseThrow().error()).hasValueSatisfying(e -> assertThat(e).hasSize(1000));
        assertThatThrownBy(() -> execute(ds, "UPDATE liaison_journal_entries SET item = '" + "x".repeat(201)
                + "' WHERE seq = 2")).as("the column takes no more").isInstanceOf(SQLException.class);
    }

    /** New entries are cut at the end of a word, within the sizes V11 gave the columns. */
    @ParameterizedTest
    @MethodSource("databases")
    void aLongLabelAndReasonAreCutAtAWord(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        RuntimeDatabase.migrate(ds);
        String ts = "TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00'";
        execute(ds, "INSERT INTO liaison_sync_runs (id, account_id, employee_id, areas, trigger_kind, started_at,"
                + " run_status) VALUES ('run-1', 'acc-1', 'emp-1', 'MAILS', 'SCHEDULED', " + ts + ", 'RUNNING')");
        JdbcSyncJournal journal = new JdbcSyncJournal(ds);

        journal.append(new io.liaison.api.runtime.JournalEntry("run-1", java.time.Instant.now(), SyncArea.MAILS,
                "Re: " + "Angebot Bergstraße ".repeat(40), io.liaison.api.runtime.Outcome.FAILED,
                "not imported: " + "Anlage zu groß ".repeat(200), Optional.empty()), 1);

        assertThat(journal.entries("run-1")).singleElement().satisfies(e -> {
            assertThat(e.item()).hasSizeLessThanOrEqualTo(200).hasSizeGreaterThan(150).endsWith("Bergstraße…");
            assertThat(e.message()).hasSizeLessThanOrEqualTo(1000).hasSizeGreaterThan(900).endsWith(" zu…");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseAtV3WithDataIsUpgradedToTheNewestKeepingIt(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        RuntimeDatabase.migrate(ds, Optional.of("3"), List.of(RuntimeDatabase.LOCATION));
        assertThat(newestVersion(ds)).isEqualTo("3");
        String ts = "TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00'";
        // the rows as the release with schema V3 wrote them
        execute(ds,
                "INSERT INTO liaison_accounts (id, employee_id, connector_type, auto_sync, interval_seconds,"
                        + " conflict_policy, account_state, state_reason, block_reason, created_at, updated_at,"
                        + " credentials_version) VALUES ('acc-1', 'emp-1', 'local', TRUE, 900, 'CRM_WINS',"
                        + " 'PASSWORD_BLOCKED', 'password expired', 'password expired', " + ts + ", " + ts + ", 2)",
                "INSERT INTO liaison_account_settings (account_id, setting_name, setting_value)"
                        + " VALUES ('acc-1', 'root', '/srv/liaison/emp-1')",
                "INSERT INTO liaison_account_areas (account_id, area) VALUES ('acc-1', 'MAILS')",
                "INSERT INTO liaison_account_areas (account_id, area) VALUES ('acc-1', 'APPOINTMENTS')",
                "INSERT INTO liaison_sync_runs (id, account_id, employee_id, areas, trigger_kind, started_at, ended_at,"
                        + " run_status, error_message) VALUES ('run-1', 'acc-1', 'emp-1', 'MAILS', 'SCHEDULED', "
                        + ts + ", " + ts + ", 'SUCCEEDED', NULL)",
                "INSERT INTO liaison_journal_entries (run_id, seq, recorded_at, area, item, outcome, message, crm_id)"
                        + " VALUES ('run-1', 1, " + ts + ", 'MAILS', 'Offer.eml', 'CREATED', 'imported', 'A-17')",
                "INSERT INTO liaison_links (account_id, scope, crm_id, crm_version, groupware_id, groupware_version,"
                        + " content_hash, synced_at) VALUES ('acc-1', 'APPOINTMENTS', 'A-18', '3', 'gw-18', 'v7',"
                        + " 'hash-18', " + ts + ")",
                "INSERT INTO liaison_tokens (account_id, scope, token_value, updated_at)"
                        + " VALUES ('acc-1', 'crm:APPOINTMENTS', 'position-42', " + ts + ")");

        RuntimeDatabase.migrate(ds);

        assertThat(newestVersion(ds)).isEqualTo(NEWEST);
        AccountId id = AccountId.of("acc-1");
        JdbcAccountRepository accounts = new JdbcAccountRepository(ds);
        GroupwareAccount account = accounts.require(id);
        assertThat(account.employee().value()).isEqualTo("emp-1");
        assertThat(account.settings()).isEqualTo(Map.of("root", "/srv/liaison/emp-1"));
        assertThat(account.areas()).isEqualTo(Set.of(SyncArea.MAILS, SyncArea.APPOINTMENTS));
        assertThat(account.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(account.state()).isEqualTo(AccountState.PASSWORD_BLOCKED);
        assertThat(account.stateReason()).contains("password expired");
        assertThat(accounts.failureStreak(id)).isEqualTo(RunBackoff.FailureStreak.NONE);
        // a block still survives disabling and enabling (block_reason kept)
        accounts.setEnabled(id, false, java.time.Instant.now());
        assertThat(accounts.setEnabled(id, true, java.time.Instant.now()).state())
                .isEqualTo(AccountState.PASSWORD_BLOCKED);

        JdbcSyncJournal journal = new JdbcSyncJournal(ds);
        SyncRun run = journal.run("run-1").orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(journal.entries("run-1")).singleElement()
                .satisfies(e -> assertThat(e.item()).isEqualTo("Offer.eml"));
        assertThat(journal.idleRuns(id).count()).isZero();
        assertThat(new JdbcLinkStore(ds).byCrmId(id, "APPOINTMENTS", "A-18")).hasValueSatisfying(
                link -> assertThat(link.groupwareId()).isEqualTo("gw-18"));
        assertThat(new JdbcTokenStore(ds).get(id, "crm:APPOINTMENTS")).hasValueSatisfying(
                token -> assertThat(token.value()).isEqualTo("position-42"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOlderLiaisonRefusesASchemaANewerOneMigrated(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        RuntimeDatabase.migrate(ds, Optional.empty(), List.of(RuntimeDatabase.LOCATION, FUTURE));
        assertThat(newestVersion(ds)).isEqualTo("99");

        assertThatThrownBy(() -> RuntimeDatabase.migrate(ds))
                .isInstanceOf(RuntimeDatabase.SchemaTooNewException.class)
                .hasMessageContaining("at version 99")
                .hasMessageContaining("its newest migration is " + NEWEST)
                .hasMessageContaining("restore the backup");
        assertThatThrownBy(() -> new RuntimeDatabase(ds)).isInstanceOf(RuntimeDatabase.SchemaTooNewException.class);
        assertThat(newestVersion(ds)).isEqualTo("99");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameVersionStartsAgainWithoutChange(String kind) throws SQLException {
        DataSource ds = fresh(kind);
        RuntimeDatabase.migrate(ds);
        RuntimeDatabase.migrate(ds);
        assertThat(newestVersion(ds)).isEqualTo(NEWEST);
    }
}

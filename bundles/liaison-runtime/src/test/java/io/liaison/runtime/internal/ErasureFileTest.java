package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.connector.SyncToken;
import io.liaison.api.domain.ContactPersonId;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.Erasure;
import io.liaison.api.runtime.JournalEntry;
import io.liaison.api.runtime.Link;
import io.liaison.api.runtime.Outcome;
import io.liaison.api.runtime.SyncRun;
import io.liaison.api.runtime.SyncTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, point 5: an erasure leaves no trace in the H2 file. H2 keeps deleted rows in its file until their chunks
 * are rewritten; the file's bytes are scanned for the erased person's name and address.
 */
class ErasureFileTest {
    private static final String NAME = "Zacharias Quellbrunn";
    private static final String ADDRESS = "z.quellbrunn@example.org";
    private static final String EMPLOYEE = "wilhelmina.oberstaller";

    @TempDir
    Path directory;
    private Path file;
    private JdbcDataSource dataSource;
    private DefaultAccountService accounts;
    /**
     * Held open for the whole test, as the runtime's connection pool does: H2 closes a database when its last
     * connection closes, and DEFRAG_ALWAYS then compacts it, which a running Karaf never does.
     */
    private Connection pool;

    @BeforeEach
    void fileDatabase() throws Exception {
        dataSource = new JdbcDataSource();
        // the URL the runtime ships with (features: org.ops4j.datasource-liaison)
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("liaison") + ";QUERY_CACHE_SIZE=64;WRITE_DELAY=0"
                + ";DEFRAG_ALWAYS=TRUE");
        file = directory.resolve("liaison.mv.db");
        pool = dataSource.getConnection();
        RuntimeDatabase.migrate(dataSource);
        accounts = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        accounts.addConnectorFactory(new TestPlugins.TestConnectorFactory());
    }

    @AfterEach
    void closeDatabase() throws Exception {
        pool.close();
    }

    @Test
    void anErasedContactPersonIsGoneFromTheFile() throws Exception {
        GroupwareAccount account = accounts.create(TestDatabases.request("emp-1", Set.of(SyncArea.CONTACTS)));
        writeRunsNaming(account, "cp-77");
        new JdbcLinkStore(dataSource).save(new Link(account.id(), "CONTACTS", "cp-77", "3",
                "gw-contact " + NAME, "ck", "hash", Instant.now()));
        new JdbcTokenStore(dataSource).put(account.id(), "contact-switch:cp-77", new SyncToken("photos"));
        assertThat(fileHolds(NAME)).isTrue();
        assertThat(fileHolds(ADDRESS)).isTrue();

        // the deletes alone leave the text in the file: this is what the compaction is for
        new PersonalDataRecords(dataSource).eraseContactPerson(ContactPersonId.of("cp-77"), Set.of(ADDRESS));
        assertThat(fileHolds(NAME)).as("deleted rows are still in the H2 file before compaction").isTrue();

        try (Connection meanwhile = dataSource.getConnection()) {
            Erasure erasure = new DefaultErasureService(dataSource, accounts)
                    .eraseContactPerson(ContactPersonId.of("cp-77"), Set.of(ADDRESS));

            assertThat(erasure.compaction()).startsWith("H2 file compacted online");
            assertThat(fileHolds(NAME)).isFalse();
            assertThat(fileHolds(ADDRESS)).isFalse();
            // online: a connection open meanwhile still works, and the rest of the data is there
            try (ResultSet rows = meanwhile.createStatement().executeQuery("SELECT COUNT(*) FROM liaison_sync_runs")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(20);
            }
        }
        assertThat(accounts.get(account.id())).isPresent();
    }

    /**
     * The same behind the connection pool the distribution uses (HikariCP, as pax-jdbc-pool-hikaricp configures it
     * for {@code pool = hikari}): the compaction reaches H2's store through the pool's proxy connection, and the pool's
     * other connections keep working. Karaf itself is not started here; the pool and the driver are the same classes.
     */
    @Test
    void anErasedContactPersonIsGoneFromTheFileBehindThePool() throws Exception {
        GroupwareAccount account = accounts.create(TestDatabases.request("emp-1", Set.of(SyncArea.CONTACTS)));
        writeRunsNaming(account, "cp-77");
        assertThat(fileHolds(NAME)).isTrue();
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMinimumIdle(2);
        config.setMaximumPoolSize(4);
        try (HikariDataSource pooled = new HikariDataSource(config); Connection meanwhile = pooled.getConnection()) {
            Erasure erasure = new DefaultErasureService(pooled, accounts)
                    .eraseContactPerson(ContactPersonId.of("cp-77"), Set.of(ADDRESS));

            assertThat(erasure.count(Erasure.Kind.JOURNAL_ENTRIES)).isEqualTo(40);
            assertThat(erasure.compaction()).startsWith("H2 file compacted online");
            assertThat(fileHolds(NAME)).isFalse();
            assertThat(fileHolds(ADDRESS)).isFalse();
            try (ResultSet rows = meanwhile.createStatement().executeQuery("SELECT COUNT(*) FROM liaison_sync_runs")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(20);
            }
        }
    }

    @Test
    void anErasedEmployeeIsGoneFromTheFile() throws Exception {
        GroupwareAccount account = accounts.create(TestDatabases.request(EMPLOYEE, Set.of(SyncArea.MAILS)));
        accounts.setCredentials(account.id(), new Credentials(EMPLOYEE + "@example.org", Secret.of("pw"), Map.of()));
        writeRunsNaming(account, "cp-78");
        GroupwareAccount colleague = accounts.create(TestDatabases.request("emp-2", Set.of(SyncArea.MAILS)));
        assertThat(fileHolds(EMPLOYEE)).isTrue();
        new PersonalDataRecords(dataSource).eraseEmployeeJournal(EmployeeId.of(EMPLOYEE));
        assertThat(fileHolds(NAME)).as("deleted runs are still in the H2 file before compaction").isTrue();

        Erasure erasure = new DefaultErasureService(dataSource, accounts).eraseEmployee(EmployeeId.of(EMPLOYEE));

        assertThat(erasure.count(Erasure.Kind.ACCOUNTS)).isEqualTo(1);
        assertThat(erasure.count(Erasure.Kind.CREDENTIALS)).isEqualTo(1);
        assertThat(fileHolds(EMPLOYEE)).isFalse();
        assertThat(fileHolds(NAME)).isFalse();
        assertThat(accounts.get(colleague.id())).isPresent();
    }

    /** Twenty runs, each journaling the contact by name and address among other entries. */
    private void writeRunsNaming(GroupwareAccount account, String contactId) {
        JdbcSyncJournal journal = new JdbcSyncJournal(dataSource);
        for (int i = 0; i < 20; i++) {
            SyncRun run = journal.start(account, account.areas(), SyncTrigger.SCHEDULED, Instant.now());
            journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.CONTACTS, NAME, Outcome.UPDATED, "",
                    Optional.of(contactId)), 1);
            journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, "Offer " + i + ".eml",
                    Outcome.FAILED, "no partner found for " + ADDRESS, Optional.empty()), 2);
            journal.append(new JournalEntry(run.id(), Instant.now(), SyncArea.MAILS, "Order " + i + ".eml",
                    Outcome.CREATED, "", Optional.of("act-" + i)), 3);
        }
    }

    private boolean fileHolds(String text) throws Exception {
        // ISO-8859-1 maps every byte to one char; H2 stores these ASCII texts as their bytes
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    }
}

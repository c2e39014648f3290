package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An older sealed copy of an account's credentials, put back into the database (from a backup, or an earlier row
 * kept by whoever can write the table), does not open: the vault's associated data binds a version that grows with
 * every write. The copies are put back with SQL, as an attacker with database access would.
 */
class CredentialReplayTest {
    @TempDir
    Path directory;

    private DataSource dataSource;
    private DefaultAccountService service;
    private final TestPlugins.TestConnectorFactory connector = new TestPlugins.TestConnectorFactory();
    private GroupwareAccount account;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        service = DefaultAccountService.of(new JdbcAccountRepository(dataSource),
                new CredentialVault(directory.resolve("vault.key")));
        service.addConnectorFactory(connector);
        account = service.create(new AccountRequest(EmployeeId.of("emp-1"), "test", Map.of(), true, null, null,
                null));
    }

    private void setSecret(String secret) {
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(secret), Map.of()));
    }

    @Test
    void anOlderRowPutBackWhole() throws Exception {
        setSecret("old-secret");
        Map<String, Object> older = row();
        setSecret("new-secret");

        putBack(older, older.keySet());

        assertRefusedAsOlderCopy();
    }

    @Test
    void anOlderCiphertextPutBackUnderTheCurrentVersion() throws Exception {
        setSecret("old-secret");
        Map<String, Object> older = row();
        setSecret("new-secret");

        putBack(older, java.util.Set.of("KEY_FINGERPRINT", "SEALED"));

        assertRefusedAsOlderCopy();
    }

    @Test
    void clearedCredentialsPutBack() throws Exception {
        setSecret("cleared-secret");
        Map<String, Object> cleared = row();
        service.clearCredentials(account.id());

        insert(cleared);

        assertRefusedAsOlderCopy();
    }

    @Test
    void theCurrentCredentialsStillOpenAfterManyWrites() {
        for (int i = 0; i < 5; i++) {
            setSecret("secret-" + i);
        }
        service.openSession(account.id()).close();

        assertThat(connector.contexts.get(0).credentials().secret().reveal()).isEqualTo("secret-4");
    }

    private void assertRefusedAsOlderCopy() {
        assertThatThrownBy(() -> service.openSession(account.id()))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining(account.id().value())
                .hasMessageContaining("older copy")
                .hasMessageContaining("enter them again")
                .message().doesNotContain("old-secret").doesNotContain("cleared-secret");
        assertThat(connector.signIns).hasValue(0);
    }

    private Map<String, Object> row() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT * FROM liaison_account_credentials WHERE account_id = ?")) {
            select.setString(1, account.id().value());
            try (ResultSet r = select.executeQuery()) {
                assertThat(r.next()).isTrue();
                ResultSetMetaData meta = r.getMetaData();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnName(i).toUpperCase(java.util.Locale.ROOT), r.getObject(i));
                }
                return values;
            }
        }
    }

    private void putBack(Map<String, Object> older, java.util.Set<String> columns) throws SQLException {
        Map<String, Object> changed = new LinkedHashMap<>(older);
        changed.keySet().retainAll(columns);
        changed.remove("ACCOUNT_ID");
        String set = changed.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE liaison_account_credentials SET " + set + " WHERE account_id = ?")) {
            int i = 1;
            for (Object value : changed.values()) {
                update.setObject(i++, value);
            }
            update.setString(i, account.id().value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void insert(Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO liaison_account_credentials (" + columns + ") VALUES (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                insert.setObject(i++, value);
            }
            insert.executeUpdate();
        }
    }
}

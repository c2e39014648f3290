package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.AccountService;
import io.liaison.api.runtime.PasswordBlockedException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings a connector declares secret (the test connector: trustStorePassword) live sealed in the vault, never in
 * clear in the settings table, read back masked, and reach the connector in clear.
 */
class SecretSettingsTest {
    private static final String PASSWORD = "truststore-Pa55!";

    @TempDir
    Path directory;

    private DataSource dataSource;
    private JdbcAccountRepository repository;
    private DefaultAccountService service;
    private final TestPlugins.TestConnectorFactory connector = new TestPlugins.TestConnectorFactory();

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        repository = new JdbcAccountRepository(dataSource);
        service = DefaultAccountService.of(repository, new CredentialVault(directory.resolve("vault.key")));
        service.addConnectorFactory(connector);
    }

    private static AccountRequest request(Map<String, String> settings) {
        return new AccountRequest(EmployeeId.of("emp-1"), "test", settings, true, null, null, null);
    }

    @Test
    void aSecretSettingIsSealedAndShownMasked() throws Exception {
        GroupwareAccount account = service.create(request(Map.of("folder", "/srv/anna", "trustStorePassword", PASSWORD)));

        assertThat(account.settings()).containsEntry("trustStorePassword", AccountService.SECRET_SETTING_MASK)
                .containsEntry("folder", "/srv/anna");
        assertThat(service.list().get(0).settings().get("trustStorePassword")).isEqualTo("******");
        assertThat(databaseText()).doesNotContain(PASSWORD).contains("/srv/anna");
        service.openSession(account.id()).close();
        assertThat(connector.contexts.get(0).settings()).containsEntry("trustStorePassword", PASSWORD);
    }

    @Test
    void anUpdateWithTheMaskKeepsTheValueANewValueReplacesItAndLeavingItOutDeletesIt() throws Exception {
        GroupwareAccount account = service.create(request(Map.of("trustStorePassword", PASSWORD)));

        service.update(account.id(), request(new HashMap<>(service.get(account.id()).orElseThrow().settings())));
        service.openSession(account.id()).close();
        service.update(account.id(), request(Map.of("trustStorePassword", "second-Pa55")));
        service.openSession(account.id()).close();
        service.update(account.id(), request(Map.of("folder", "/srv")));
        service.openSession(account.id()).close();

        assertThat(connector.contexts).extracting(c -> c.settings().get("trustStorePassword"))
                .containsExactly(PASSWORD, "second-Pa55", null);
        assertThat(databaseText()).doesNotContain(PASSWORD).doesNotContain("second-Pa55");
    }

    @Test
    void valuesStoredInClearBeforeTheConnectorDeclaredThemAreMovedIntoTheVault() throws Exception {
        service.removeConnectorFactory(connector);
        GroupwareAccount account = service.create(request(Map.of("trustStorePassword", PASSWORD)));
        assertThat(databaseText()).contains(PASSWORD);

        service.addConnectorFactory(connector);

        assertThat(databaseText()).doesNotContain(PASSWORD);
        assertThat(service.get(account.id()).orElseThrow().settings()).containsEntry("trustStorePassword", "******");
        service.openSession(account.id()).close();
        assertThat(connector.contexts.get(0).settings()).containsEntry("trustStorePassword", PASSWORD);
    }

    @Test
    void aProvisionedSecretSettingIsSealedToo() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("setting.trustStorePassword", PASSWORD);
        properties.put("setting.folder", "/srv/provisioned");
        GroupwareAccount account = ProvisionedAccount.provision(service, ProvisionedAccountTest.config("emp-9", "test"),
                properties, "io.liaison.account-test.cfg");

        assertThat(account.settings()).containsEntry("trustStorePassword", "******");
        assertThat(databaseText()).doesNotContain(PASSWORD).contains("/srv/provisioned");
    }

    @Test
    void aRekeyReSealsSecretSettings() throws Exception {
        Path keyFile = directory.resolve("keys").resolve("vault.key");
        DefaultAccountService rotating = DefaultAccountService.of(repository,
                DefaultAccountService.openVault(keyFile, repository));
        rotating.addConnectorFactory(connector);
        GroupwareAccount account = rotating.create(request(Map.of("trustStorePassword", PASSWORD)));
        rotating.setCredentials(account.id(), new Credentials("u", Secret.of("s"), Map.of()));

        String fingerprint = rotating.rekeyVault();

        assertThat(repository.keyFingerprints()).containsExactly(fingerprint);
        DefaultAccountService restarted = DefaultAccountService.of(repository, new CredentialVault(keyFile, false));
        restarted.addConnectorFactory(connector);
        restarted.openSession(account.id()).close();
        assertThat(connector.contexts.get(0).settings()).containsEntry("trustStorePassword", PASSWORD);
    }

    @Test
    void aRefusalEchoingASecretSettingIsRedacted() {
        GroupwareAccount account = service.create(request(Map.of("trustStorePassword", PASSWORD)));
        connector.refusal = "keystore password was incorrect: " + PASSWORD;

        assertThatThrownBy(() -> service.openSession(account.id())).isInstanceOf(PasswordBlockedException.class)
                .message().doesNotContain(PASSWORD);
        assertThat(service.get(account.id()).orElseThrow().stateReason().orElseThrow()).doesNotContain(PASSWORD);
    }

    /** Every text the runtime's account tables hold. */
    private String databaseText() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("liaison_accounts", "liaison_account_settings",
                    "liaison_account_secret_settings", "liaison_account_credentials")) {
                try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table);
                     ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            texts.add(String.valueOf(r.getObject(i)));
                        }
                    }
                }
            }
        }
        return String.join("\n", texts);
    }
}

package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.connector.Secret;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.AccountState;
import io.liaison.api.domain.EmployeeId;
import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import io.liaison.api.runtime.AccountNotFoundException;
import io.liaison.api.runtime.AccountRequest;
import io.liaison.api.runtime.ConnectorUnavailableException;
import io.liaison.api.runtime.PasswordBlockedException;
import io.liaison.api.runtime.RuntimeEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class DefaultAccountServiceTest {
    private static final String PASSWORD = "hunter2-Secret";

    @TempDir
    Path directory;

    private DataSource dataSource;
    private JdbcAccountRepository repository;
    private DefaultAccountService service;
    private final TestPlugins.TestConnectorFactory connector = new TestPlugins.TestConnectorFactory();
    private final TestPlugins.RecordingEventAdmin events = new TestPlugins.RecordingEventAdmin();
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        repository = new JdbcAccountRepository(dataSource);
        service = DefaultAccountService.of(repository, new CredentialVault(directory.resolve("vault.key")));
        service.addConnectorFactory(connector);
        service.setEventAdmin(events);
        service.addListener(new AccountListener() {
            @Override
            public void accountChanged(GroupwareAccount account) {
                changes.add("changed " + account.id() + " " + account.state());
            }

            @Override
            public void accountRemoved(AccountId account) {
                changes.add("removed " + account);
            }
        });
    }

    private GroupwareAccount createAccount() {
        return service.create(new AccountRequest(EmployeeId.of("emp-1"), "test", Map.of("folder", "/srv/anna"),
                true, null, null, null));
    }

    @Test
    void createdAccountSynchronisesMailsEveryFifteenMinutesAndIsActive() {
        GroupwareAccount account = createAccount();

        assertThat(account.areas()).containsExactly(SyncArea.MAILS);
        assertThat(account.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(service.get(account.id())).contains(account);
        assertThat(service.forEmployee(EmployeeId.of("emp-1"))).containsExactly(account);
        assertThat(service.list()).containsExactly(account);
        assertThat(changes).containsExactly("changed " + account.id() + " ACTIVE");
    }

    @Test
    void invalidRequestNamesTheField() {
        assertThatThrownBy(() -> service.create(new AccountRequest(EmployeeId.of("e"), "test",
                Map.of(" ", "x"), false, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("settings");
        assertThatThrownBy(() -> service.create(new AccountRequest(EmployeeId.of("e"), "t".repeat(101),
                Map.of(), false, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectorType");
        assertThatThrownBy(() -> new AccountRequest(EmployeeId.of("e"), "test", Map.of(), false,
                Duration.ofSeconds(5), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }

    @Test
    void unknownAccountIsNamed() {
        AccountId unknown = AccountId.of("acc-404");

        assertThat(service.get(unknown)).isEmpty();
        assertThatThrownBy(() -> service.setCredentials(unknown, Credentials.NONE))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("acc-404");
        assertThatThrownBy(() -> service.openSession(unknown))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("acc-404");
        assertThatThrownBy(() -> service.remove(unknown))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("acc-404");
        assertThatThrownBy(() -> service.setEnabled(unknown, false))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("acc-404");
    }

    @Test
    void sessionGetsDecryptedCredentialsAndSettings() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));

        try (ConnectorSession session = service.openSession(account.id())) {
            assertThat(session).isNotNull();
        }

        AccountContext context = connector.contexts.get(0);
        assertThat(context.account()).isEqualTo(account.id());
        assertThat(context.employee()).isEqualTo(EmployeeId.of("emp-1"));
        assertThat(context.settings()).containsEntry("folder", "/srv/anna");
        assertThat(context.credentials().secret().reveal()).isEqualTo(PASSWORD);
        assertThat(repository.credentials(account.id()).orElseThrow().sealed()).doesNotContain(PASSWORD);
    }

    @Test
    void clearedCredentialsAreDeletedAndTheNextSignInHasNone() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));

        service.clearCredentials(account.id());

        assertThat(repository.credentials(account.id())).isEmpty();
        service.openSession(account.id()).close();
        assertThat(connector.contexts.get(0).credentials()).isEqualTo(Credentials.NONE);
        assertThatThrownBy(() -> service.clearCredentials(io.liaison.api.domain.AccountId.of("nope")))
                .isInstanceOf(io.liaison.api.runtime.AccountNotFoundException.class);
    }

    @Test
    void accountWithoutCredentialsOpensWithNone() {
        GroupwareAccount account = createAccount();

        service.openSession(account.id()).close();

        assertThat(connector.contexts.get(0).credentials()).isEqualTo(Credentials.NONE);
    }

    @Test
    void renewedCredentialsAreStoredWithoutLiftingABlock() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("app", Secret.of("old"), Map.of()));
        service.openSession(account.id()).close();

        connector.contexts.get(0).credentialsStore()
                .store(new Credentials("app", Secret.of("old"), Map.of("refreshToken", Secret.of("rotated"))));
        service.openSession(account.id()).close();

        assertThat(connector.contexts.get(1).credentials().named("refreshToken").orElseThrow().reveal())
                .isEqualTo("rotated");
    }

    @Test
    void refusedSignInBlocksTheAccountAtOnceAndNoFurtherAttemptIsMade() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));
        connector.refusal = "AADSTS50126: invalid username or password " + PASSWORD;

        assertThatThrownBy(() -> service.openSession(account.id()))
                .isInstanceOf(PasswordBlockedException.class)
                .hasMessageContaining(account.id().value()).hasMessageContaining("AADSTS50126")
                .message().doesNotContain(PASSWORD);
        GroupwareAccount blocked = service.get(account.id()).orElseThrow();
        assertThat(blocked.state()).isEqualTo(AccountState.PASSWORD_BLOCKED);
        assertThat(blocked.stateReason().orElseThrow()).contains("AADSTS50126").doesNotContain(PASSWORD);

        assertThatThrownBy(() -> service.openSession(account.id())).isInstanceOf(PasswordBlockedException.class);
        assertThat(connector.signIns).hasValue(1);

        List<Event> posted = events.onTopic(RuntimeEvents.TOPIC_ACCOUNT_BLOCKED);
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).getProperty(RuntimeEvents.PROPERTY_ACCOUNT)).isEqualTo(account.id().value());
        assertThat(posted.get(0).getProperty(RuntimeEvents.PROPERTY_EMPLOYEE)).isEqualTo("emp-1");
        assertThat(changes).contains("changed " + account.id() + " PASSWORD_BLOCKED");

        connector.refusal = null;
        assertThat(service.setCredentials(account.id(), new Credentials("anna", Secret.of("new"), Map.of())).state())
                .isEqualTo(AccountState.ACTIVE);
        service.openSession(account.id()).close();
        assertThat(connector.signIns).hasValue(2);
    }

    @Test
    void disabledAccountDoesNotSignIn() {
        GroupwareAccount account = createAccount();
        service.setEnabled(account.id(), false);

        assertThatThrownBy(() -> service.openSession(account.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("disabled")
                .hasMessageContaining(account.id().value());
        assertThat(connector.signIns).hasValue(0);
        assertThat(service.setEnabled(account.id(), true).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void missingConnectorIsNamed() {
        GroupwareAccount account = service.create(new AccountRequest(EmployeeId.of("e"), "imap", Map.of(), false,
                null, null, null));

        assertThatThrownBy(() -> service.openSession(account.id()))
                .isInstanceOf(ConnectorUnavailableException.class).hasMessageContaining("'imap'")
                .hasMessageContaining(account.id().value());

        service.removeConnectorFactory(connector);
        GroupwareAccount test = createAccount();
        assertThatThrownBy(() -> service.openSession(test.id())).isInstanceOf(ConnectorUnavailableException.class);
    }

    @Test
    void updateKeepsCredentialsAndState() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));

        GroupwareAccount updated = service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("folder", "/srv/new"), false, Duration.ofMinutes(5), Set.of(SyncArea.MAILS, SyncArea.TASKS),
                null));
        service.openSession(account.id()).close();

        assertThat(updated.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(connector.contexts.get(0).settings()).containsEntry("folder", "/srv/new");
        assertThat(connector.contexts.get(0).credentials().secret().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void aSettingTheConnectorRefusesIsNotStored() {
        GroupwareAccount account = createAccount();

        assertThatThrownBy(() -> service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("folder", "/srv/anna", "endpoint", "https://evil.example/api"), true, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'endpoint'").hasMessageContaining("evil.example");
        assertThatThrownBy(() -> service.create(new AccountRequest(EmployeeId.of("emp-2"), "test",
                Map.of("endpoint", "https://evil.example/api"), true, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evil.example");

        assertThat(service.get(account.id()).orElseThrow().settings()).doesNotContainKey("endpoint");
        assertThat(service.forEmployee(EmployeeId.of("emp-2"))).isEmpty();
    }

    @Test
    void aTenantChangeClearsTheCredentialsAndBlocksUntilNewOnesAreEntered() {
        GroupwareAccount account = service.create(new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("tenant", "contoso", "folder", "/srv/anna"), true, null, null, null));
        service.setCredentials(account.id(), new Credentials("app", Secret.of(PASSWORD), Map.of()));

        GroupwareAccount updated = service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("tenant", "fabrikam", "folder", "/srv/anna"), true, null, null, null));

        assertThat(repository.credentials(account.id())).isEmpty();
        assertThat(updated.state()).isEqualTo(AccountState.PASSWORD_BLOCKED);
        assertThat(updated.stateReason().orElseThrow()).contains("tenant").contains("cleared")
                .contains("enter them again");
        assertThatThrownBy(() -> service.openSession(account.id())).isInstanceOf(PasswordBlockedException.class)
                .hasMessageContaining("tenant");
        assertThat(connector.signIns).hasValue(0);
        assertThat(changes).contains("changed " + account.id() + " PASSWORD_BLOCKED");

        service.setCredentials(account.id(), new Credentials("app", Secret.of("for-fabrikam"), Map.of()));
        service.openSession(account.id()).close();
        assertThat(connector.contexts.get(0).credentials().secret().reveal()).isEqualTo("for-fabrikam");
    }

    @Test
    void anEndpointChangeClearsTheCredentialsButOtherSettingsKeepThem() {
        GroupwareAccount account = service.create(new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("endpoint", "https://groupware.example/a", "folder", "/srv/anna"), true, null, null, null));
        service.setCredentials(account.id(), new Credentials("app", Secret.of(PASSWORD), Map.of()));

        service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("endpoint", "https://groupware.example/a", "folder", "/srv/other"), true, null, null, null));
        assertThat(repository.credentials(account.id())).isPresent();

        GroupwareAccount updated = service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("endpoint", "https://groupware.example/b", "folder", "/srv/other"), true, null, null, null));
        assertThat(repository.credentials(account.id())).isEmpty();
        assertThat(updated.stateReason().orElseThrow()).contains("endpoint");
    }

    @Test
    void withoutItsConnectorAnySettingsChangeClearsTheCredentials() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("app", Secret.of(PASSWORD), Map.of()));
        service.removeConnectorFactory(connector);

        GroupwareAccount updated = service.update(account.id(), new AccountRequest(EmployeeId.of("emp-1"), "test",
                Map.of("folder", "/srv/elsewhere"), true, null, null, null));

        assertThat(repository.credentials(account.id())).isEmpty();
        assertThat(updated.stateReason().orElseThrow()).contains("folder");
    }

    @Test
    void removedAccountIsGoneAndListenersAreTold() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));

        service.remove(account.id());

        assertThat(service.get(account.id())).isEmpty();
        assertThat(repository.credentials(account.id())).isEmpty();
        assertThat(changes).endsWith("removed " + account.id());
    }

    private GroupwareAccount createAccount(String employee, String folder) {
        return service.create(new AccountRequest(EmployeeId.of(employee), "test", Map.of("folder", folder),
                true, null, null, null));
    }

    /** Issue 25, point 6: a lost key blocks the accounts whose credentials it sealed, and only those. */
    @Test
    void lostKeyFileBlocksOnlyTheAccountsWithSealedCredentials() throws Exception {
        GroupwareAccount sealed = createAccount("emp-1", "/srv/anna");
        service.setCredentials(sealed.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));
        GroupwareAccount withoutCredentials = createAccount("emp-2", "/srv/bert");
        Path keyFile = directory.resolve("vault.key");
        Files.delete(keyFile);

        CredentialVault restarted = DefaultAccountService.openVault(keyFile, repository);

        assertThat(keyFile).exists();
        GroupwareAccount blocked = repository.require(sealed.id());
        assertThat(blocked.state()).isEqualTo(AccountState.PASSWORD_BLOCKED);
        assertThat(blocked.stateReason().orElseThrow()).startsWith("vault key lost, enter credentials again");
        assertThat(repository.require(withoutCredentials.id()).state()).isEqualTo(AccountState.ACTIVE);
        DefaultAccountService afterRestart = DefaultAccountService.of(repository, restarted);
        afterRestart.addConnectorFactory(connector);
        assertThatThrownBy(() -> afterRestart.openSession(sealed.id())).isInstanceOf(PasswordBlockedException.class);
        assertThat(connector.signIns).hasValue(0);
        afterRestart.openSession(withoutCredentials.id());
        assertThat(connector.signIns).hasValue(1);

        // credentials entered again: sealed with the new key, the account runs, and the next start leaves it so
        afterRestart.setCredentials(sealed.id(), new Credentials("anna", Secret.of("new-" + PASSWORD), Map.of()));
        DefaultAccountService.openVault(keyFile, repository);
        assertThat(repository.require(sealed.id()).state()).isEqualTo(AccountState.ACTIVE);
        afterRestart.openSession(sealed.id());
        assertThat(connector.contexts.get(1).credentials().secret().reveal()).isEqualTo("new-" + PASSWORD);
    }

    @Test
    void anotherKeyInPlaceBlocksUntilTheOriginalIsPutBack() throws Exception {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));
        Path keyFile = directory.resolve("vault.key");
        Path original = directory.resolve("original.key");
        Files.move(keyFile, original);
        new CredentialVault(keyFile); // another key where the original was

        DefaultAccountService.openVault(keyFile, repository);
        assertThat(repository.require(account.id()).state()).isEqualTo(AccountState.PASSWORD_BLOCKED);

        Files.move(original, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CredentialVault back = DefaultAccountService.openVault(keyFile, repository);

        assertThat(repository.require(account.id()).state()).isEqualTo(AccountState.ACTIVE);
        DefaultAccountService afterRestart = DefaultAccountService.of(repository, back);
        afterRestart.addConnectorFactory(connector);
        afterRestart.openSession(account.id());
        assertThat(connector.contexts.get(0).credentials().secret().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void aBlockForARefusedSignInIsNotLiftedByTheKeyCheck() {
        GroupwareAccount account = createAccount();
        service.setCredentials(account.id(), new Credentials("anna", Secret.of(PASSWORD), Map.of()));
        repository.block(account.id(), "the groupware refused the sign-in", java.time.Instant.now());

        DefaultAccountService.openVault(directory.resolve("vault.key"), repository);

        assertThat(repository.require(account.id()).stateReason()).contains("the groupware refused the sign-in");
    }

    @Test
    void keyFilePathExpandsSystemProperties() {
        System.setProperty("liaison.test.data", "/var/lib/karaf/data");
        try {
            assertThat(DefaultAccountService.keyFile("${liaison.test.data}/liaison/vault.key"))
                    .isEqualTo(Path.of("/var/lib/karaf/data/liaison/vault.key"));
        } finally {
            System.clearProperty("liaison.test.data");
        }
        assertThatThrownBy(() -> DefaultAccountService.keyFile("${liaison.unset.property}/vault.key"))
                .isInstanceOf(VaultException.class).hasMessageContaining("liaison.unset.property")
                .hasMessageContaining(RuntimeConfig.PID);
    }
}

package io.liaison.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.domain.GroupwareAccount;
import io.liaison.api.domain.SyncArea;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionedAccountTest {
    @TempDir
    Path dir;
    private DefaultAccountService accounts;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.h2();
        RuntimeDatabase.migrate(ds);
        accounts = DefaultAccountService.of(new JdbcAccountRepository(ds), new CredentialVault(dir.resolve("vault.key")));
    }

    @Test
    void createsTheAccountOnceWithItsSettings() {
        Map<String, Object> props = Map.of("service.pid", "io.liaison.account~sample",
                "setting.root", "/data/liaison/local/demo", "setting.timeZone", "Europe/Berlin");

        GroupwareAccount first = ProvisionedAccount.provision(accounts, config("demo", "local", true, 5, "MAILS,TASKS"),
                props, "io.liaison.account~sample");
        GroupwareAccount again = ProvisionedAccount.provision(accounts, config("demo", "local", true, 5, "MAILS,TASKS"),
                props, "io.liaison.account~sample");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(accounts.list()).hasSize(1);
        assertThat(first.settings()).containsEntry("root", "/data/liaison/local/demo")
                .containsEntry("timeZone", "Europe/Berlin")
                .containsEntry(ProvisionedAccount.PROVISIONED_BY, "io.liaison.account~sample");
        assertThat(first.areas()).containsExactlyInAnyOrder(SyncArea.MAILS, SyncArea.TASKS);
        assertThat(first.autoSync()).isTrue();
        assertThat(first.interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anotherConfigurationMakesAnotherAccount() {
        ProvisionedAccount.provision(accounts, config("demo", "local", false, 15, "MAILS"), Map.of(), "a");
        ProvisionedAccount.provision(accounts, config("demo", "local", false, 15, "MAILS"), Map.of(), "b");
        assertThat(accounts.list()).hasSize(2);
    }

    @Test
    void aConfigurationFileNamesItselfByItsFileName() {
        assertThat(ProvisionedAccount.provisionedBy(Map.of("service.pid", "io.liaison.account.1f2e",
                "felix.fileinstall.filename", "file:/opt/liaison/etc/io.liaison.account-sample.cfg")))
                .isEqualTo("io.liaison.account-sample.cfg");
        assertThat(ProvisionedAccount.provisionedBy(Map.of("service.pid", "io.liaison.account.1f2e")))
                .isEqualTo("io.liaison.account.1f2e");
    }

    @Test
    void anAccountWithAnIdOfItsOwnIsFoundAfterItsFileWasRenamed() {
        Map<String, Object> before = Map.of(ProvisionedAccount.PROVISIONING_ID, "sample",
                "felix.fileinstall.filename", "file:/opt/liaison/etc/io.liaison.account-sample.cfg");
        Map<String, Object> renamed = Map.of(ProvisionedAccount.PROVISIONING_ID, "sample",
                "felix.fileinstall.filename", "file:/opt/liaison/etc/io.liaison.account-demo.cfg");

        GroupwareAccount first = ProvisionedAccount.provision(accounts, config("demo", "local"), before,
                ProvisionedAccount.provisionedBy(before));
        GroupwareAccount again = ProvisionedAccount.provision(accounts, config("demo", "local"), renamed,
                ProvisionedAccount.provisionedBy(renamed));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(accounts.list()).hasSize(1);
        assertThat(first.settings()).containsEntry(ProvisionedAccount.PROVISIONED_BY, "id:sample")
                .doesNotContainKey(ProvisionedAccount.PROVISIONING_ID);
    }

    @Test
    void anAccountProvisionedBeforeTheIdExistedIsStillFoundByItsFileName() {
        Map<String, Object> old = Map.of("felix.fileinstall.filename", "file:/opt/etc/io.liaison.account-sample.cfg");
        Map<String, Object> withId = Map.of(ProvisionedAccount.PROVISIONING_ID, "sample",
                "felix.fileinstall.filename", "file:/opt/etc/io.liaison.account-sample.cfg");
        GroupwareAccount first = ProvisionedAccount.provision(accounts, config("demo", "local"), old,
                ProvisionedAccount.provisionedBy(old));

        GroupwareAccount again = ProvisionedAccount.provision(accounts, config("demo", "local"), withId,
                ProvisionedAccount.provisionedBy(withId));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(accounts.list()).hasSize(1);
    }

    static ProvisionedAccount.Config config(String employee, String type) {
        return config(employee, type, false, 15, "MAILS");
    }

    static ProvisionedAccount.Config config(String employee, String type, boolean autoSync, int minutes,
                                                    String areas) {
        return new ProvisionedAccount.Config() {
            @Override public Class<? extends Annotation> annotationType() { return ProvisionedAccount.Config.class; }
            @Override public String employee() { return employee; }
            @Override public String connectorType() { return type; }
            @Override public boolean autoSync() { return autoSync; }
            @Override public int intervalMinutes() { return minutes; }
            @Override public String[] areas() { return new String[] {areas}; }
            @Override public String conflictPolicy() { return "CRM_WINS"; }
            @Override public String provisioningId() { return ""; }
        };
    }
}

package io.liaison.connector.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.connector.AccountContext;
import io.liaison.api.connector.ConnectorException;
import io.liaison.api.connector.ConnectorSession;
import io.liaison.api.connector.Credentials;
import io.liaison.api.domain.AccountId;
import io.liaison.api.domain.EmployeeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory: its type, its settings, the tree it creates, and ical4j's configuration. */
class LocalConnectorFactoryTest {

    @TempDir
    Path temp;

    private static AccountContext account(Map<String, String> settings) {
        return new AccountContext(AccountId.of("acc-7"), EmployeeId.of("emp-7"), settings, Credentials.NONE, c -> { });
    }

    @Test
    void theTypeIsLocal() {
        assertThat(new LocalConnectorFactory().type()).isEqualTo("local").isEqualTo(LocalConnectorFactory.TYPE);
    }

    @Test
    void anotherRootIsAnotherMailbox() {
        assertThat(new LocalConnectorFactory().identitySettings()).containsExactly("root");
    }

    @Test
    void anEmptyFolderIsSetUpWithEveryArea() throws Exception {
        Path root = Files.createDirectories(temp.resolve("data/liaison/accounts/anna"));

        try (ConnectorSession session = new LocalConnectorFactory().open(account(Map.of("root", root.toString())))) {
            assertThat(session.mail().orElseThrow().inbox().id()).isEqualTo("Inbox");
            assertThat(session.events()).isPresent();
            assertThat(session.tasks()).isPresent();
            assertThat(session.contacts()).isPresent();
        }
        assertThat(root.resolve("Mail/Inbox")).isDirectory();
        assertThat(root.resolve("Calendar")).isDirectory();
        assertThat(root.resolve("Tasks")).isDirectory();
        assertThat(root.resolve("Contacts")).isDirectory();
        assertThat(root.resolve(".liaison")).isDirectory();
    }

    @Test
    void aMissingRootIsAnErrorNamingItAndNothingIsCreated() {
        Path root = temp.resolve("mnt/share/anna"); // a share that is not mounted

        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(Map.of("root", root.toString()))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining(root.toString())
                .hasMessageContaining("does not exist");
        assertThat(temp.resolve("mnt")).doesNotExist();
    }

    @Test
    void aMissingRootIsCreatedOnlyWhenTheSetupAsksForIt() {
        Path root = temp.resolve("data/liaison/local/demo");

        new LocalConnectorFactory().open(account(Map.of("root", root.toString(), "createRoot", "true"))).close();

        assertThat(root.resolve("Calendar")).isDirectory();
        assertThat(root.resolve("Mail/Inbox")).isDirectory();
    }

    @Test
    void aMissingAreaFolderOfATreeInUseIsAnErrorNamingIt() throws Exception {
        Path root = Files.createDirectories(temp.resolve("anna"));
        new LocalConnectorFactory().open(account(Map.of("root", root.toString()))).close();

        for (String area : List.of("Calendar", "Tasks", "Contacts", "Mail/Inbox", "Mail")) {
            Path dir = root.resolve(area);
            Path aside = Files.move(dir, temp.resolve("aside"));
            assertThatThrownBy(() -> new LocalConnectorFactory().open(account(Map.of("root", root.toString()))))
                    .as(area).isInstanceOf(ConnectorException.class).hasMessageContaining(dir.toString())
                    .hasMessageContaining("missing");
            assertThat(dir).as(area).doesNotExist();
            Files.move(aside, dir);
        }
    }

    @Test
    void aFolderRemovedDuringASessionIsAnErrorNotAnEmptyListing() throws Exception {
        Path root = Files.createDirectories(temp.resolve("anna"));
        try (ConnectorSession session = new LocalConnectorFactory().open(account(Map.of("root", root.toString())))) {
            Files.delete(root.resolve("Calendar"));
            Files.delete(root.resolve("Mail/Inbox"));

            assertThatThrownBy(() -> session.events().orElseThrow().changes(java.util.Optional.empty()))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining(root.resolve("Calendar").toString());
            assertThatThrownBy(() -> session.mail().orElseThrow().ensureFolder("Inbox", "Archive"))
                    .isInstanceOf(ConnectorException.class);
        }
        assertThat(root.resolve("Calendar")).doesNotExist();
        assertThat(root.resolve("Mail/Inbox")).doesNotExist();
    }

    @Test
    void wrongSettingsAreNamed() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");

        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(Map.of())))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("acc-7").hasMessageContaining("'root'");
        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(Map.of("root", file.toString()))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> new LocalConnectorFactory().open(account(
                Map.of("root", temp.toString(), "timeZone", "Mars/Olympus"))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("'timeZone'");
    }

    @Test
    void ical4jNeverFetchesTimeZonesFromTheNetwork() throws Exception {
        String enabled = Ical4j.call(() ->
                Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled").orElse("unset"));

        assertThat(enabled).isEqualTo("false");
        assertThat(Ical4j.call(() -> Ical4j.registry().getTimeZone("Europe/Berlin"))).isNotNull();
    }
}
